"""H5P packages: validation with our rules, import, shared libraries, permission, command."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from learning import h5p
from learning.demo import quiz_package_files, zip_files
from learning.models import H5PContent, H5PLibrary
from tests.factories.learning import hostile_packages, quiz_package

pytestmark = pytest.mark.django_db


def _media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def test_valid_package_is_extracted_and_libraries_are_shared_by_contents():
    first = h5p.import_package(quiz_package("Erstes Quiz"), may_install_libraries=True)
    second = h5p.import_package(quiz_package("Zweites Quiz"), title="Mein Titel")

    assert H5PLibrary.objects.count() == 1
    library = H5PLibrary.objects.get()
    assert (library.directory_name, library.patch_version) == ("H5P.LernhafenQuiz-1.0", 3)
    assert first.title == "Erstes Quiz" and second.title == "Mein Titel"
    assert first.main_library == second.main_library == library
    media = Path(settings.MEDIA_ROOT)
    assert (media / "h5p/libraries/H5P.LernhafenQuiz-1.0/scripts/quiz.js").is_file()
    assert (media / first.storage_path / "h5p.json").is_file()
    assert (media / second.storage_path / "content/content.json").is_file()


@pytest.mark.parametrize("name", sorted(hostile_packages()))
def test_hostile_package_is_rejected_with_its_reason_and_nothing_is_written(name, tmp_path):
    data, reason = hostile_packages()[name]
    before = _media_files()
    outside = set(os.listdir(tmp_path))

    with pytest.raises(h5p.PackageRejected) as rejected:
        h5p.import_package(data, may_install_libraries=True)

    assert reason in rejected.value.reason
    assert _media_files() == before
    assert set(os.listdir(tmp_path)) == outside
    assert not Path("/tmp/absolut.json").exists()  # noqa: S108
    assert H5PContent.objects.count() == 0
    assert H5PLibrary.objects.count() == 0


def test_svg_without_script_is_accepted():
    files = quiz_package_files("Mit Bild", {"question": "Frage?", "answers": []})
    files["content/images/stadtwappen.svg"] = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" '
        b'height="10" fill="#004b87"/></svg>'
    )
    assert h5p.import_package(zip_files(files), may_install_libraries=True).pk


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        b'<image x:href="https://example.org/a.png"/></svg>',
        b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
    ],
)
def test_svg_with_active_or_external_content_is_rejected(svg):
    with pytest.raises(h5p.PackageRejected, match="SVG"):
        h5p.check_svg("content/bild.svg", svg)


def test_size_limits_come_from_settings(settings):
    settings.LERNHAFEN_H5P_MAX_FILE_SIZE = 200
    with pytest.raises(h5p.PackageRejected, match="größer als erlaubt"):
        h5p.check_package(quiz_package())


def test_installing_a_new_library_version_needs_the_permission():
    with pytest.raises(h5p.PackageRejected, match="neue H5P-Bibliotheken"):
        h5p.import_package(quiz_package(), may_install_libraries=False)
    assert H5PLibrary.objects.count() == 0

    h5p.import_package(quiz_package(), may_install_libraries=True)
    # The same library version again: no permission needed, nothing re-installed.
    content = h5p.import_package(quiz_package("Noch eins"), may_install_libraries=False)
    assert content.main_library.directory_name == "H5P.LernhafenQuiz-1.0"


def test_import_command_prints_the_new_id(tmp_path):
    package = tmp_path / "quiz.h5p"
    package.write_bytes(quiz_package())
    out = StringIO()
    call_command("import_h5p", str(package), "--title", "Vom Terminal", stdout=out)
    content = H5PContent.objects.get()
    assert out.getvalue().strip() == str(content.pk)
    assert content.title == "Vom Terminal"


def test_import_command_fails_with_the_reason(tmp_path):
    package = tmp_path / "boese.h5p"
    package.write_bytes(hostile_packages()["php_file"][0])
    with pytest.raises(CommandError, match=r"Abgelehnt: .*Dateityp \.php"):
        call_command("import_h5p", str(package))
    assert H5PContent.objects.count() == 0


def test_import_command_exits_non_zero(tmp_path):
    import subprocess
    import sys

    package = tmp_path / "kein-zip.h5p"
    package.write_bytes(b"kein zip")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_h5p", str(package)],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        check=False,
    )
    assert result.returncode != 0
    assert "kein ZIP-Archiv" in result.stderr


def test_editor_uploads_a_package_in_the_admin(admin_client):
    upload = SimpleUploadedFile("quiz.h5p", quiz_package("Aus dem Admin"))
    response = admin_client.post(
        "/admin/snippets/learning/h5pcontent/add/", {"title": "", "package": upload}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert H5PContent.objects.get().title == "Aus dem Admin"


def test_admin_shows_the_reason_for_a_rejected_package(admin_client):
    upload = SimpleUploadedFile("boese.h5p", hostile_packages()["js_in_content"][0])
    response = admin_client.post(
        "/admin/snippets/learning/h5pcontent/add/", {"title": "Böse", "package": upload}
    )
    assert response.status_code == 200
    assert "nur in Bibliotheksordnern" in response.content.decode()
    assert H5PContent.objects.count() == 0


def test_editor_without_permission_cannot_install_new_libraries(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user(username="redakteurin", password="x" * 16)
    editor.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_h5pcontent", "change_h5pcontent"]
        )
    )
    client.force_login(editor)
    upload = SimpleUploadedFile("quiz.h5p", quiz_package())
    response = client.post(
        "/admin/snippets/learning/h5pcontent/add/", {"title": "", "package": upload}
    )
    assert "Sie dürfen keine Bibliotheken installieren" in response.content.decode()
    assert H5PLibrary.objects.count() == 0


def test_deleting_a_content_removes_its_files(django_capture_on_commit_callbacks):
    content = h5p.import_package(quiz_package(), may_install_libraries=True)
    folder = Path(settings.MEDIA_ROOT) / content.storage_path
    assert folder.exists()
    with django_capture_on_commit_callbacks(execute=True):
        content.delete()
    assert not any(p.is_file() for p in folder.rglob("*"))
    assert (Path(settings.MEDIA_ROOT) / "h5p/libraries/H5P.LernhafenQuiz-1.0/library.json").exists()
