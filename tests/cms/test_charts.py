"""Server-rendered charts: the same figures in words, in the SVG and in a table."""

import pytest
from django.template.loader import render_to_string

from cms.charts import BarChart, Series


def _chart(**kwargs) -> BarChart:
    defaults = {
        "title": "Anmeldungen",
        "description": "Pro Stadtteil",
        "categories": ["Ahsen", "Hagem"],
        "series": [Series("Plätze", [10, 5]), Series("Warteliste", [2, 0])],
        "unit": "Personen",
        "category_label": "Stadtteil",
    }
    return BarChart(**{**defaults, **kwargs})


def test_bars_are_scaled_to_the_largest_value_and_written_in_words():
    chart = _chart()
    first = chart.groups[0]
    assert [bar.width_percent for bar in first.bars] == [100.0, 20.0]
    assert [bar.text for bar in first.bars] == ["Plätze: 10 Personen", "Warteliste: 2 Personen"]
    assert chart.rows == [
        ("Ahsen", ["10 Personen", "2 Personen"]),
        ("Hagem", ["5 Personen", "0 Personen"]),
    ]


def test_numbers_are_formatted_the_german_way():
    chart = _chart(series=[Series("Quote", [1234.5, 0.26])], decimals=1, unit="%")
    assert chart.rows[0][1] == ["1.234,5 %"]
    assert chart.rows[1][1] == ["0,3 %"]


def test_series_must_have_one_value_per_category():
    with pytest.raises(ValueError, match="one value per category"):
        _chart(series=[Series("Plätze", [1])])


def test_all_zero_chart_does_not_divide_by_zero():
    chart = _chart(series=[Series("Plätze", [0, 0])])
    assert [bar.width_percent for group in chart.groups for bar in group.bars] == [0.0, 0.0]


def test_rendered_chart_has_title_description_and_data_table():
    html = render_to_string("components/bar_chart.html", {"chart": _chart()})
    assert '<svg class="bar-chart__svg" role="img"' in html
    assert "<title id=" in html and "<desc id=" in html
    assert '<th class="kern-table__header" scope="col">Stadtteil</th>' in html
    assert "Warteliste: 2 Personen" in html
    assert 'style="' not in html  # the CSP forbids inline styles


def test_empty_chart_renders_nothing():
    assert (
        render_to_string(
            "components/bar_chart.html", {"chart": _chart(categories=[], series=[])}
        ).strip()
        == ""
    )
