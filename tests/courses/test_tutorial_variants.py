"""Device variants mean what editors expect, and the admin preview shows what visitors see.

A step marked for one device appears only in that device's variant; common steps appear in all;
no variant silently disappears. The preview offers the step view (any step), all steps, the
print handout and each variant.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.models import TutorialPage
from tests.factories.courses import TutorialPageFactory, TutorialStepFactory

pytestmark = pytest.mark.django_db

APPLE_PAY = "Halten Sie das iPhone an das Kartenterminal (Apple Pay)."


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def paying(tutorial_index):
    """A general tutorial in which an editor marked one step „Nur iPhone“."""
    page = TutorialPageFactory(
        parent=tutorial_index, title="Mit dem Handy bezahlen", slug="bezahlen"
    )
    for instruction, device in [
        ("Öffnen Sie die Banking-App.", ""),
        (APPLE_PAY, "iphone"),
        ("Warten Sie auf den Signalton.", ""),
    ]:
        TutorialStepFactory(page=page, instruction=instruction, device=device)
    return page


# --- Public site -----------------------------------------------------------------------------


def test_one_iphone_step_does_not_make_the_whole_tutorial_iphone_only(client, paying):
    android = _html(client, paying.url + "?geraet=android&ansicht=alle")
    assert APPLE_PAY not in android
    assert "Öffnen Sie die Banking-App." in android and "Warten Sie auf den Signalton." in android
    assert "– für Android" in android and "– für iPhone" not in android
    # Every variant stays on offer while the editor has not chosen any.
    for key in ("android", "iphone", "computer"):
        assert f'data-device-choice="{key}"' in android

    iphone = _html(client, paying.url + "?geraet=iphone&ansicht=alle")
    assert APPLE_PAY in iphone and iphone.count('class="tutorial-step"') == 3


def test_step_view_of_a_variant_counts_only_its_steps(client, paying):
    html = _html(client, paying.url + "?geraet=android&schritt=2")
    assert "Schritt 2 von 2" in html and "Warten Sie auf den Signalton." in html
    assert APPLE_PAY not in html


def test_chosen_variants_are_offered_in_order_and_others_fall_back(client, paying):
    paying.devices = ["iphone", "android"]
    paying.save_revision().publish()
    html = _html(client, paying.url + "?geraet=computer&ansicht=alle")
    assert 'data-device-choice="computer"' not in html
    assert html.index('data-device-choice="android"') < html.index('data-device-choice="iphone"')
    assert 'data-device-choice="android" aria-current="true"' in html
    assert APPLE_PAY not in html


def test_tutorial_list_shows_the_offered_variants(client, paying, tutorial_index):
    paying.devices = ["android", "iphone"]
    paying.save_revision().publish()
    html = _html(client, tutorial_index.url)
    card = html[html.index("Mit dem Handy bezahlen") :]
    assert "Android" in card and "iPhone" in card


# --- Admin form ------------------------------------------------------------------------------


def _form_data(page: TutorialPage, *, devices: list[str], steps: list[tuple[str, str]]) -> dict:
    """The edit form as the browser sends it: existing steps keep their ids, extra ones go."""
    existing = list(page.steps.order_by("sort_order").values_list("pk", flat=True))
    step_forms = [
        {
            "instruction": instruction,
            "details": "",
            "device": device,
            "screenshot": "",
            "screenshot_alt": "",
            "hint_kind": "",
            "hint_text": "",
            "ORDER": str(position),
            **({"id": str(existing[position])} if position < len(existing) else {}),
        }
        for position, (instruction, device) in enumerate(steps)
    ]
    step_forms += [
        {"id": str(pk), "instruction": "x", "device": "", "DELETE": "1"}
        for pk in existing[len(steps) :]
    ]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "level": "1",
            "duration_minutes": "15",
            "requirements": "",
            "service_version": "",
            "steps": inline_formset(step_forms, initial=len(existing), min=1),
            "practice": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["devices"] = devices
    return data


def _edit(admin_client, page, **kwargs):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return admin_client.post(url, _form_data(page, **kwargs))


def test_admin_refuses_a_step_for_a_device_the_tutorial_has_no_variant_for(admin_client, paying):
    response = _edit(
        admin_client,
        paying,
        devices=["android"],
        steps=[("Öffnen Sie die App.", ""), (APPLE_PAY, "iphone")],
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diese Anleitung hat keine Fassung für iPhone" in html
    assert not paying.revisions.exists()  # nothing saved


def test_admin_refuses_a_variant_without_any_step(admin_client, paying):
    response = _edit(
        admin_client,
        paying,
        devices=["android", "iphone"],
        steps=[(APPLE_PAY, "iphone")],
    )
    assert "Die Fassung für Android hätte keinen einzigen Schritt" in response.content.decode()


def test_admin_saves_chosen_variants_and_shows_them(admin_client, paying):
    response = _edit(
        admin_client,
        paying,
        devices=["android", "iphone"],
        steps=[("Öffnen Sie die App.", ""), (APPLE_PAY, "iphone")],
    )
    assert response.status_code == 302
    edit = _html(admin_client, reverse("wagtailadmin_pages:edit", args=[paying.pk]))
    assert "Fassung für Android: 1 Schritt" in edit
    assert "Fassung für iPhone: 2 Schritte, davon 1 nur für iPhone" in edit


def test_admin_step_list_reads_schritte_and_the_empty_device_choice_alle_geraete(
    admin_client, paying
):
    html = _html(admin_client, reverse("wagtailadmin_pages:edit", args=[paying.pk]))
    assert '<option value="" selected>Alle Geräte</option>' in html
    assert "---------" not in html.split('name="steps-0-device"')[1].split("</select>")[0]
    assert ">Schritte<" in html or "Schritte\n" in html
    assert "Schritt hinzufügen" in html


# --- Alt text --------------------------------------------------------------------------------


def test_screenshot_alt_text_defaults_to_the_image_description_and_stays_editable(client, paying):
    image = get_image_model().objects.create(
        title="Banking", file=get_test_image_file(), description="Startseite der Banking-App."
    )
    first, second, _third = paying.steps.order_by("sort_order")
    first.screenshot = second.screenshot = image
    first.screenshot_alt = ""
    second.screenshot_alt = "Das iPhone liegt am Terminal."
    first.full_clean()  # no second request for alt text: the description is enough
    first.save()
    second.save()
    html = _html(client, paying.url + "?geraet=iphone&ansicht=alle")
    assert 'alt="Startseite der Banking-App."' in html
    assert 'alt="Das iPhone liegt am Terminal."' in html


# --- Preview ---------------------------------------------------------------------------------


def test_preview_modes_cover_all_steps_first_then_step_print_and_each_variant(paying):
    paying.devices = ["android", "iphone"]
    assert [name for name, _label in paying.preview_modes] == [
        "alle",
        "schritt",
        "drucken",
        "geraet-android",
        "geraet-iphone",
    ]
    assert paying.default_preview_mode == "alle"


@pytest.fixture
def previewing(admin_client, paying):
    """The edit form's data stored for the preview, as the preview panel does."""
    paying.devices = ["android", "iphone"]
    paying.save_revision().publish()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[paying.pk])
    data = _form_data(
        paying,
        devices=["android", "iphone"],
        steps=[
            ("Öffnen Sie die Banking-App.", ""),
            (APPLE_PAY, "iphone"),
            ("Warten Sie auf den Signalton.", ""),
            ("Neu im Entwurf: Prüfen Sie den Betrag.", ""),
        ],
    )
    response = admin_client.post(url, data)
    assert response.json()["is_valid"] is True
    return url


@pytest.mark.parametrize(
    ("mode", "expected", "absent"),
    [
        ("alle", "Neu im Entwurf: Prüfen Sie den Betrag.", "<progress"),
        ("schritt", "Schritt 1 von 3", APPLE_PAY),
        ("drucken", "page-tutorial--print", "<progress"),
        ("geraet-iphone", APPLE_PAY, "<progress"),
    ],
)
def test_each_preview_mode_renders_what_visitors_see(
    admin_client, previewing, mode, expected, absent
):
    html = _html(admin_client, f"{previewing}?mode={mode}")
    assert expected in html and absent not in html


def test_the_default_preview_shows_all_steps_for_the_checks(admin_client, previewing):
    html = _html(admin_client, previewing)
    assert html.count('class="tutorial-step"') == 3  # Android variant: common steps + draft one


def test_next_step_and_all_steps_links_work_inside_the_preview(admin_client, previewing):
    step_view = _html(admin_client, f"{previewing}?mode=schritt")
    assert 'href="?geraet=android&amp;schritt=2#schritt" rel="next"' in step_view
    # The link reloads the preview address with the query: it shows step 2, not step 1.
    second = _html(admin_client, f"{previewing}?geraet=android&schritt=2")
    assert "Schritt 2 von 3" in second and "Warten Sie auf den Signalton." in second
    all_steps = _html(admin_client, f"{previewing}?geraet=iphone&ansicht=alle")
    assert APPLE_PAY in all_steps and all_steps.count('class="tutorial-step"') == 4
