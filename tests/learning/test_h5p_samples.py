"""The shared H5P Hub example packages import unchanged through the command and the admin form.

They stay outside the repository: settings.LERNHAFEN_H5P_SAMPLES (env ``LERNHAFEN_H5P_SAMPLES``,
default ``<repo>/../shared/h5p-samples``); without them these tests skip with that message."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from courses.models import LessonPage
from learning import h5p
from learning.demo import HUB_SAMPLES
from learning.models import H5PContent, H5PLibrary
from tests.factories.learning import h5p_sample_path

pytestmark = pytest.mark.django_db
SAMPLES = ["H5P.MultiChoice", "H5P.Blanks", "H5P.DragText"]


def sample_path(name: str) -> Path:
    return h5p_sample_path(name)


@pytest.mark.parametrize("name", SAMPLES)
def test_the_command_imports_a_hub_sample_with_only_its_runtime_libraries(name):
    out = StringIO()
    call_command("import_h5p", str(sample_path(name)), stdout=out)

    content = H5PContent.objects.get(pk=int(out.getvalue()))
    assert content.main_library.machine_name == name
    installed = set(H5PLibrary.objects.values_list("machine_name", flat=True))
    assert "FontAwesome" in installed  # the SVG font with a public DOCTYPE
    assert not any(machine.startswith("H5PEditor.") for machine in installed)
    media = Path(settings.MEDIA_ROOT)
    assert not list((media / "h5p/libraries").glob("H5PEditor.*"))
    assert (media / content.storage_path / "content/content.json").is_file()
    assert h5p.play_problem(content) == ""


def test_all_three_samples_share_their_common_libraries():
    for name in SAMPLES:
        h5p.import_package(sample_path(name).read_bytes(), may_install_libraries=True)

    assert H5PLibrary.objects.filter(machine_name="H5P.Question").count() == 1
    assert H5PContent.objects.count() == 3


def test_an_editor_uploads_a_hub_sample_through_the_admin_form(admin_client):
    data = sample_path("H5P.MultiChoice").read_bytes()
    response = admin_client.post(
        "/admin/snippets/learning/h5pcontent/add/",
        {"title": "", "package": SimpleUploadedFile("H5P.MultiChoice.h5p", data)},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert H5PContent.objects.get().title == "Multiple Choice"


def test_seed_demo_places_multichoice_and_blanks_next_to_the_native_exercises(
    client, settings, tmp_path
):

    sample_path("H5P.MultiChoice"), sample_path("H5P.Blanks")
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    lesson = LessonPage.objects.get(slug="sicher-im-internet", locale__language_code="de")
    blocks = [
        (c.block_type, c.value["heading"] if c.block_type == "h5p" else "") for c in lesson.body
    ]
    assert [t for t, _ in blocks][-5:] == ["spot_the_fake", "h5p", "h5p", "h5p", "lesson_done"]
    assert [h for _, h in blocks[-3:-1]] == list(HUB_SAMPLES.values())
    assert H5PContent.objects.filter(title__in=HUB_SAMPLES.values()).count() == 2

    html = client.get(lesson.url).content.decode()
    for child in lesson.body:
        if child.block_type == "h5p":
            src = f"/lernen/h5p/{child.value['content'].pk}/spielen/?seite={lesson.pk}"
            assert src in html
            assert client.get(f"{src}&block={child.id}").status_code == 200
