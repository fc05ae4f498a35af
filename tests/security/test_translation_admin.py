"""wagtail-localize's admin routes: who may reach them, and what they refuse.

Translating is an editor's job. A Digitallotse may use the admin (workshops in their districts),
but may not translate pages or see the translation editor, its PO export or the locales; an
anonymous visitor is sent to the login. No machine translation service is ever called: the route
exists, but without a configured translator it answers with an error, not with a request out.
"""

from __future__ import annotations

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from events.models import District
from tests.factories.courses import (
    TutorialIndexPageFactory,
    TutorialPageFactory,
    TutorialStepFactory,
)
from tests.factories.events_workspace import LotseProfileFactory, role_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(home, admin_user):
    tutorial = TutorialPageFactory(parent=TutorialIndexPageFactory(parent=home))
    TutorialStepFactory(page=tutorial, instruction="Tippen Sie auf „Einstellungen“.")
    tutorial.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(tutorial)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="tr")
    )
    translation.save_target(user=admin_user)
    return translation


def _routes(translation) -> list[str]:
    page = translation.source.get_source_instance()
    district = District.objects.create(name="Hagem", slug="hagem")
    return [
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["events", "district", district.pk],
        ),
        reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        reverse("wagtail_localize:download_pofile", args=[translation.pk]),
        reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        reverse("wagtail_localize:translations_report"),
        reverse("wagtail_localize:translations_report_results"),
        reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        reverse("wagtail_localize:convert_to_alias", args=[translation.get_target_instance().pk]),
        reverse("wagtaillocales:index"),
        reverse("wagtaillocales:add"),
        *(
            reverse(f"wagtaillocales:{view}", args=[translation.target_locale_id])
            for view in ("edit", "delete", "history", "usage", "copy")
        ),
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]),
    ]


def _writes(translation) -> list[tuple[str, dict]]:
    """Every POST of the translation admin that changes something, with plausible data."""
    segment = StringSegment.objects.filter(source=translation.source).first()
    target = translation.get_target_instance()
    return [
        (
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            {"value": "Gehackt"},
        ),
        (reverse("wagtail_localize:stop_translation", args=[translation.pk]), {}),
        (reverse("wagtail_localize:convert_to_alias", args=[target.pk]), {}),
        (reverse("wagtail_localize:update_translations", args=[translation.source_id]), {}),
        (reverse("wagtail_localize:submit_page_translation", args=[target.pk]), {}),
        (reverse("wagtaillocales:delete", args=[translation.target_locale_id]), {}),
        (reverse("wagtaillocales:add"), {"language_code": "ru"}),
        (reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}),
    ]


def _translation_state(translation) -> tuple:
    target = translation.get_target_instance()
    return (
        Translation.objects.get(pk=translation.pk).enabled,
        target.alias_of_id,
        target.live,
        [step.instruction for step in target.steps.all()],
        list(StringTranslation.objects.values_list("data", flat=True)),
        sorted(Locale.objects.values_list("language_code", flat=True)),
    )


def test_a_digitallotse_changes_nothing_by_posting_to_the_translation_admin(client, translation):
    role_group("Digitallotsen")
    client.force_login(LotseProfileFactory().user)
    before = _translation_state(translation)
    for url, data in _writes(translation):
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404, 405), (url, response.status_code)
    assert _translation_state(translation) == before


def test_anonymous_visitors_are_sent_to_the_login(client, translation):
    for url in _routes(translation):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_a_digitallotse_may_not_translate_or_manage_languages(client, translation):
    role_group("Digitallotsen")
    lotse = LotseProfileFactory().user
    client.force_login(lotse)
    for url in _routes(translation):
        response = client.get(url)
        # Wagtail answers a permission failure in the admin with a redirect to the dashboard
        # and a message, or with 403 (405 where only POST is allowed); never with the page.
        assert response.status_code in (302, 403, 405), (url, response.status_code)
        if response.status_code == 302:
            assert not response["Location"].startswith(url), url
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert client.post(upload, {}).status_code in (302, 403)
    assert Translation.objects.get(pk=translation.pk).get_status_display()  # unchanged, exists


def test_an_editor_exports_and_imports_po_files(client, admin_user, translation):
    client.force_login(admin_user)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    instruction = next(e for e in po if e.msgid == "Tippen Sie auf „Einstellungen“.")
    instruction.msgstr = "„Einstellungen“ (Ayarlar) üzerine dokunun."
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = client.post(
        upload,
        {
            "file": _upload(str(po)),
            "next": reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]),
        },
    )
    assert response.status_code == 302
    translation.save_target(user=admin_user, publish=True)
    target = translation.get_target_instance()
    assert [step.instruction for step in target.steps.all()] == [
        "„Einstellungen“ (Ayarlar) üzerine dokunun."
    ]


def test_a_translation_too_long_for_its_field_is_refused_next_to_the_string(
    client, admin_user, translation
):
    """A translation office's text longer than a step's field allows must not reach the database
    (PostgreSQL refuses it with a server error, SQLite would store it): publishing says so, and
    the editor shows the error at the string."""
    client.force_login(admin_user)
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    next(e for e in po if e.msgid == "Tippen Sie auf „Einstellungen“.").msgstr = "Ayarlar. " * 100
    edit = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": _upload(str(po)), "next": edit},
    )

    response = client.post(edit, {"action": "publish"}, follow=True)

    assert response.status_code == 200
    assert "Neue Validierungsfehler" in response.content.decode()
    target = translation.get_target_instance()
    assert [step.instruction for step in target.steps.all()] == ["Tippen Sie auf „Einstellungen“."]
    flagged = StringTranslation.objects.get(translation_of__data="Tippen Sie auf „Einstellungen“.")
    assert flagged.has_error and "200" in flagged.field_error


def test_a_hostile_po_file_changes_nothing(client, admin_user, translation):
    client.force_login(admin_user)
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    for content in (b"\xff\xfe not a po file", b'msgid "x\\ud800"\nmsgstr "y"\n', b"x" * 200_000):
        response = client.post(upload, {"file": _upload(content, raw=True)})
        assert response.status_code == 302, response.status_code
    target = translation.get_target_instance()
    assert [step.instruction for step in target.steps.all()] == ["Tippen Sie auf „Einstellungen“."]


def test_no_machine_translation_is_offered_or_called(client, admin_user, translation, settings):
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None
    client.force_login(admin_user)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = client.post(url)
    assert response.status_code == 404


def _upload(content, raw: bool = False):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = content if raw else content.encode()
    return SimpleUploadedFile("uebersetzung.po", data, content_type="text/x-gettext-translation")


def test_the_snippet_api_lists_only_what_the_user_may_change(client, home, translation):
    from events.models import Registration
    from tests.factories.events import (
        EventIndexPageFactory,
        SessionFactory,
        WorkshopPageFactory,
    )

    role_group("Digitallotsen")
    own = LotseProfileFactory(display_name="Eigene Lotsin")
    other = LotseProfileFactory(display_name="Andere Lotsin")
    registration = Registration.objects.create(
        session=SessionFactory(
            workshop=WorkshopPageFactory(parent=EventIndexPageFactory(parent=home))
        ),
        status="confirmed",
        name="Erika Mustermann",
    )
    client.force_login(own.user)
    listing = "wagtail_localize:snippets_api_listing"
    profiles = client.get(reverse(listing, args=["events", "lotseprofile"])).json()
    titles = [row["title"] for row in profiles]
    assert str(other) not in titles
    registrations = client.get(reverse(listing, args=["events", "registration"])).json()
    rows = registrations
    assert rows == [], rows
    detail = reverse(
        "wagtail_localize:snippets_api_detail", args=["events", "registration", registration.pk]
    )
    assert client.get(detail).status_code == 404
