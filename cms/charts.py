"""Accessible charts rendered on the server as SVG, always with the same figures as a table.

    chart = BarChart(
        title="Anmeldungen pro Stadtteil",
        description="Belegte Plätze und Warteliste im Jahr 2026",
        categories=["Datteln-Mitte", "Hagem"],
        series=[Series("Plätze belegt", [42, 17]), Series("Warteliste", [5, 0])],
        unit="Personen",
    )
    {% include "components/bar_chart.html" with chart=chart %}

The SVG is an image with a title and a description for screen readers; the table below carries
the figures for everyone. Each bar is written out in words above it ("Hagem: 17 Personen"), so
neither colour nor length alone carries the information. The SVG has no viewBox: text keeps the
page's font size and bars take a share of the available width, so it fits 320 px screens.
No JavaScript, no inline styles (CSP).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from django.utils.translation import gettext_lazy

_ids = count(1)

TEXT_LINE = 26  # one line of 18 px text
BAR_HEIGHT = 18
ROW_GAP = 10
GROUP_GAP = 14


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


@dataclass(frozen=True)
class Bar:
    series_index: int
    text: str
    text_y: int
    bar_y: int
    width_percent: float


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int | None
    bars: list[Bar]


@dataclass
class BarChart:
    title: str
    description: str
    categories: list[str]
    series: list[Series]
    unit: str = ""
    category_label: str = gettext_lazy("Kategorie")
    decimals: int = 0
    # The value a full bar stands for (e.g. 100 for percentages); by default the largest value.
    scale_max: float | None = None
    chart_id: str = field(default_factory=lambda: f"diagramm-{next(_ids)}")

    def __post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(f"Series {series.name!r} needs one value per category.")

    @property
    def maximum(self) -> float:
        largest = max((v for s in self.series for v in s.values), default=0)
        return max(largest, self.scale_max or 0) or 1

    def format(self, value: float) -> str:
        number = f"{value:,.{self.decimals}f}".replace(",", " ").replace(".", ",")
        return f"{number.replace(' ', '.')} {self.unit}".strip()

    def _layout(self) -> tuple[list[Group], int]:
        groups, y = [], 0
        single = len(self.series) == 1
        for index, category in enumerate(self.categories):
            label_y = None
            if not single:
                label_y = y + 19
                y += TEXT_LINE
            bars = []
            for series_index, series in enumerate(self.series):
                value = series.values[index]
                name = category if single else series.name
                bars.append(
                    Bar(
                        series_index,
                        f"{name}: {self.format(value)}",
                        y + 19,
                        y + TEXT_LINE,
                        round(100 * value / self.maximum, 2),
                    )
                )
                y += TEXT_LINE + BAR_HEIGHT + ROW_GAP
            groups.append(Group(category, label_y, bars))
            y += GROUP_GAP
        return groups, max(y - GROUP_GAP - ROW_GAP, 0)

    @property
    def groups(self) -> list[Group]:
        return self._layout()[0]

    @property
    def height(self) -> int:
        return self._layout()[1]

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The same figures for the data table."""
        return [
            (category, [self.format(s.values[i]) for s in self.series])
            for i, category in enumerate(self.categories)
        ]

    @property
    def is_empty(self) -> bool:
        return not self.categories
