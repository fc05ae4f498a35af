"""A page that shows a chart, for the browser test of the chart component."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from cms import urls as site_urls
from cms.charts import BarChart, Series

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}Bericht{% endblock %}'
    '{% block content %}<h1 class="kern-heading-large">Bericht</h1>'
    '{% include "components/bar_chart.html" with chart=single %}'
    '{% include "components/bar_chart.html" with chart=grouped %}{% endblock %}'
)


def chart_page(request):
    single = BarChart(
        title="Teilnahmen pro Monat",
        description="Alle Workshops 2026",
        categories=["Januar", "Februar", "März"],
        series=[Series("Teilnahmen", [12, 30, 7])],
        unit="Personen",
        category_label="Monat",
    )
    grouped = BarChart(
        title="Plätze pro Stadtteil",
        description="Belegte Plätze und Warteliste",
        categories=["Datteln-Mitte", "Meckinghoven-Hagem"],
        series=[Series("Plätze belegt", [42, 17]), Series("Warteliste", [5, 0])],
        unit="Personen",
        category_label="Stadtteil",
    )
    return HttpResponse(PAGE.render({"single": single, "grouped": grouped}, request))


# The site's own patterns follow as they are: Django allows i18n_patterns only in a root URLconf.
urlpatterns = [path("bericht/", chart_page), *site_urls.urlpatterns]
