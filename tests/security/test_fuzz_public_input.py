"""Property-based fuzzing of every public HTML form, filter and the xAPI intake (Hypothesis).

Whatever a visitor sends, the answer is never a 5xx, and a refused request stores nothing.
The JSON API (/api/v1/) has its own schema-driven fuzzing. Examples are bounded so the whole
file runs in seconds; the database persists across the examples of one test on purpose (a
booking that went through stays, like on the real site).
"""

from __future__ import annotations

import json

import pytest
from django.core import signing
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration
from learning import h5p
from learning.models import Lernpass, Membership, Statement
from learning.views import H5P_TOKEN_SALT
from tests.factories.cms import FormPageFactory
from tests.factories.events import EventIndexPageFactory, SessionFactory, WorkshopPageFactory
from tests.factories.learning import quiz_package

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Form posts are UTF-8 encoded by the browser: anything but lone surrogates can arrive,
# control characters included. JSON can carry surrogates too ("\ud800"), see the xAPI test.
form_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=60
) | st.sampled_from(
    ["", " ", '"', "0001-01-01", "9999-12-31", "31.12.9999", "1e999", "NaN", "-1", "ABCD-2345"]
)
any_text = st.text(max_size=40)


def _counts() -> tuple[int, ...]:
    return (
        Registration.objects.count(),
        FormSubmission.objects.count(),
        Lernpass.objects.count(),
        Membership.objects.count(),
        Statement.objects.count(),
    )


@pytest.fixture
def fuzz_client(client, settings):
    # The rate limits are tested elsewhere; here they would only hide the validation.
    settings.RATELIMIT_ENABLE = False
    client.raise_request_exception = False
    return client


def _post_checked(client, url: str, data: dict) -> None:
    before = _counts()
    response = client.post(url, data)
    assert response.status_code < 500, (url, data)
    if response.status_code >= 400:
        assert _counts() == before, (url, data)


@pytest.fixture
def open_session(home):
    calendar_page = EventIndexPageFactory(parent=home)
    return SessionFactory(
        workshop=WorkshopPageFactory(parent=calendar_page), capacity=5, group_limit=3
    )


def test_registration_form(fuzz_client, open_session):
    url = open_session.get_url()

    @FUZZ
    @given(
        name=form_text,
        email=form_text,
        phone=form_text,
        seats=form_text | st.integers(-5, 10).map(str),
        needs=form_text,
        consent=st.sampled_from(["", "on", "0"]),
    )
    def check(name, email, phone, seats, needs, consent):
        _post_checked(
            fuzz_client,
            url,
            {
                "name": name,
                "email": email,
                "phone": phone,
                "seats": seats,
                "accessibility_needs": needs,
                "privacy_consent": consent,
            },
        )

    check()


def test_calendar_filters_and_search(fuzz_client, open_session):
    calendar_url = open_session.workshop.get_parent().url

    @FUZZ
    @given(
        von=form_text,
        bis=form_text,
        monat=form_text | st.sampled_from(["0001-01", "9999-12", "2026-13"]),
        view=st.sampled_from(["", "monat", "liste"]),
        other=form_text,
    )
    def check(von, bis, monat, view, other):
        params = {
            "von": von,
            "bis": bis,
            "monat": monat,
            "ansicht": view,
            "stadtteil": other,
            "zielgruppe": other,
            "thema": other,
            "frei": other,
            "seite": other,
        }
        response = fuzz_client.get(calendar_url, params)
        assert response.status_code < 500, params
        response = fuzz_client.get("/suche/", {"q": other + von, "seite": bis})
        assert response.status_code < 500, other + von

    check()


def test_feedback_form(fuzz_client, home):
    FormPageFactory(parent=home, slug="barrierefreiheit")

    @FUZZ
    @given(description=form_text, email=form_text, honeypot=st.sampled_from(["", "x"]))
    def check(description, email, honeypot):
        _post_checked(
            fuzz_client,
            "/barrierefreiheit/",
            {"beschreibung": description, "ihre_e_mail_adresse": email, "website": honeypot},
        )

    check()


def test_lernpass_restore_join_and_display_settings(fuzz_client, db):
    @FUZZ
    @given(code=form_text, nickname=form_text, choice=form_text)
    def check(code, nickname, choice):
        _post_checked(fuzz_client, reverse("learning:lernpass_restore"), {"code": code})
        _post_checked(
            fuzz_client, reverse("learning:join"), {"join_code": code, "nickname": nickname}
        )
        _post_checked(
            fuzz_client,
            reverse("display_settings"),
            {"theme": choice, "text_size": choice, "motion": choice, "next": code},
        )

    check()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(any_text, children, max_size=3)
    ),
    max_leaves=12,
)


def test_xapi_intake(lernpass_client, course, settings):
    settings.RATELIMIT_ENABLE = False
    lernpass_client.raise_request_exception = False
    content = h5p.import_package(quiz_package(), may_install_libraries=True)
    token = signing.dumps(
        {"c": content.pk, "p": course.closing.pk, "b": "abc"}, salt=H5P_TOKEN_SALT
    )
    url = reverse("learning:xapi")

    @FUZZ
    @given(
        statement=json_values
        | st.fixed_dictionaries(
            {
                "verb": st.fixed_dictionaries({"id": any_text}),
                "result": st.fixed_dictionaries(
                    {"score": st.fixed_dictionaries({"raw": json_values, "max": json_values})}
                ),
                "context": json_values,
            }
        ),
        depth=st.integers(0, 60),
    )
    def check(statement, depth):
        # json.dumps writes NaN/Infinity for such floats and escapes lone surrogates.
        body = json.dumps({"token": token, "statement": statement})
        body = body[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
        before = Statement.objects.count()
        response = lernpass_client.post(url, body, content_type="application/json")
        assert response.status_code < 500, body[:200]
        if response.status_code >= 400:
            assert Statement.objects.count() == before

    check()
