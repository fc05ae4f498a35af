"""One test per package rule: what H5P core accepts is accepted, what is dangerous or broken is
refused with a German reason and nothing is written. Packages are built here with zipfile."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from learning import h5p
from learning.demo import QUIZ_LIBRARY, quiz_package_files, zip_files
from learning.models import H5PContent, H5PLibrary

pytestmark = pytest.mark.django_db
LIBRARY = QUIZ_LIBRARY.name
PUBLIC_DOCTYPE_SVG = (
    b'<?xml version="1.0" standalone="no"?>\n'
    b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" >\n'
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
)
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "#004b87").save(buffer, "PNG")
    return buffer.getvalue()


def package(
    extra: dict[str, bytes] | None = None,
    content: dict | None = None,
    *,
    stored: bool = False,
    **library,
):
    """Our quiz package, with extra files, another content.json or library.json changes."""
    files = quiz_package_files("Prüfpaket", content or {"question": "Frage?", "answers": []})
    if library:
        metadata = json.loads(files[f"{LIBRARY}/library.json"])
        metadata.update(library)
        files[f"{LIBRARY}/library.json"] = json.dumps(metadata).encode()
    files.update(extra or {})
    if not stored:
        return zip_files(files)
    buffer = io.BytesIO()  # uncompressed, so the size rules do not step in first
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, payload in files.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def refused(data: bytes) -> str:
    before = media_files()
    with pytest.raises(h5p.PackageRejected) as rejected:
        h5p.import_package(data, may_install_libraries=True)
    assert media_files() == before
    assert not H5PContent.objects.exists()
    return rejected.value.reason


def library(machine: str, version: str = "1.0", **metadata) -> dict[str, bytes]:
    major, minor = version.split(".")
    data = {
        "title": machine,
        "machineName": machine,
        "majorVersion": int(major),
        "minorVersion": int(minor),
        "patchVersion": 0,
        "runnable": 0,
        **metadata,
    }
    return {f"{machine}-{version}/library.json": json.dumps(data).encode()}


def depends_on(*keys: str) -> list[dict]:
    return [{"machineName": k.split("-")[0], "majorVersion": 1, "minorVersion": 0} for k in keys]


# --- accepted, as H5P core accepts ----------------------------------------------------------


def test_a_public_doctype_in_svg_is_accepted():
    content = h5p.import_package(
        package({f"{LIBRARY}/fonts/icons.svg": PUBLIC_DOCTYPE_SVG}), may_install_libraries=True
    )
    assert Path(settings.MEDIA_ROOT, "h5p/libraries", LIBRARY, "fonts/icons.svg").is_file()
    assert content.pk


def test_file_names_with_the_characters_h5p_allows_are_accepted():
    content = h5p.import_package(
        package({"content/images/fancybox_sprite@2x.png": png()}), may_install_libraries=True
    )
    assert (
        Path(settings.MEDIA_ROOT) / content.storage_path / "content/images/fancybox_sprite@2x.png"
    ).is_file()


def test_stray_top_level_and_hidden_files_are_ignored_and_not_extracted():
    content = h5p.import_package(
        package(
            {
                "LIESMICH.txt": b"Notizen",
                "export.php": b"<?php echo 1;",
                ".DS_Store": b"\0",
                "__MACOSX/content/._content.json": b"\0",
            }
        ),
        may_install_libraries=True,
    )
    stored = media_files()
    assert not any(
        name.endswith(("LIESMICH.txt", "export.php", ".DS_Store", "._content.json"))
        for name in stored
    )
    assert content.pk


def test_editor_only_and_unused_libraries_are_neither_checked_nor_installed():
    editor = library("H5PEditor.ShowWhen")
    # Editor bundles really ship JavaScript named .svg – it must not even be looked at.
    editor["H5PEditor.ShowWhen-1.0/dist/editor.svg"] = b"function(){ alert(1) }"
    unused = library("H5P.Unbenutzt")
    content = h5p.import_package(package({**editor, **unused}), may_install_libraries=True)

    assert list(H5PLibrary.objects.values_list("machine_name", flat=True)) == ["H5P.LernhafenQuiz"]
    assert not any("ShowWhen" in name or "Unbenutzt" in name for name in media_files())
    assert content.pk


def test_the_runtime_dependency_closure_is_installed():
    helper = library("H5P.Hilfe", preloadedDependencies=depends_on("H5P.Tiefer"))
    deeper = library("H5P.Tiefer")
    content = h5p.import_package(
        package({**helper, **deeper}, preloadedDependencies=depends_on("H5P.Hilfe")),
        may_install_libraries=True,
    )
    assert set(content.libraries.values_list("machine_name", flat=True)) == {
        "H5P.LernhafenQuiz",
        "H5P.Hilfe",
        "H5P.Tiefer",
    }


def test_real_media_are_accepted():
    mp4 = b"\0\0\0\x18ftypmp42" + b"\0" * 64
    mp3 = b"ID3\x03\0\0\0\0\0\0" + b"\0" * 64
    content = {
        "question": "Frage?",
        "answers": [],
        "video": {"path": "videos/film.mp4", "mime": "video/mp4"},
    }
    assert h5p.import_package(
        package({"content/videos/film.mp4": mp4, "content/audios/ton.mp3": mp3}, content=content),
        may_install_libraries=True,
    ).pk


# --- refused, with a reason -----------------------------------------------------------------


@pytest.mark.parametrize(
    "svg",
    [
        b'<!DOCTYPE svg [<!ELEMENT svg ANY>]><svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<!DOCTYPE svg PUBLIC "x" "y" [ <!ATTLIST svg a CDATA "b"> ]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    ],
)
def test_an_internal_dtd_subset_is_refused(svg):
    reason = refused(package({"content/images/bild.svg": svg}))
    assert "Dokumenttyp-Definition („DTD“)" in reason


def test_any_entity_declaration_is_refused():
    svg = (
        b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    )
    assert "„ENTITY“" in refused(package({"content/images/bild.svg": svg}))


@pytest.mark.parametrize(
    ("svg", "what"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
            b'<image x:href="https://example.org/a.png"/></svg>',
            "https://example.org/a.png",
        ),
    ],
)
def test_scripts_handlers_and_external_references_in_svg_are_refused(svg, what):
    reason = refused(package({"content/images/bild.svg": svg}))
    assert "Programmcode oder lädt Inhalte von anderen Websites" in reason and what in reason


def test_a_library_needing_a_newer_core_api_than_the_player_is_refused():
    major, minor = h5p.player_core_api()
    reason = refused(package(coreApi={"majorVersion": major, "minorVersion": minor + 1}))
    assert f"braucht eine neuere H5P-Version ({major}.{minor + 1})" in reason


def test_the_player_core_api_comes_from_the_bundled_h5p_standalone():
    version = json.loads((settings.NODE_MODULES / "h5p-standalone/package.json").read_text())[
        "version"
    ]
    assert version.startswith("3.8")
    assert h5p.player_core_api() == (1, 27)


def test_a_language_file_that_is_not_json_is_refused():
    reason = refused(package({f"{LIBRARY}/language/de.json": b'{"semantics": [,]}'}))
    assert reason == f"Die Datei „{LIBRARY}/language/de.json“ ist kein gültiges JSON."


@pytest.mark.parametrize(
    ("name", "payload", "expected"),
    [
        ("content/images/foto.jpg", EICAR, "heißt wie ein Bild (.jpg), ist aber keins"),
        ("content/images/foto.png", b"GIF89a" + b"\0" * 32, "heißt wie ein Bild (.png)"),
        ("content/videos/film.mp4", EICAR, "heißt wie ein Video (.mp4)"),
        ("content/audios/ton.mp3", b"<html></html>", "heißt wie eine Audiodatei (.mp3)"),
        (f"{LIBRARY}/images/icon.png", EICAR, "heißt wie ein Bild (.png)"),
    ],
)
def test_media_whose_content_does_not_match_the_extension_are_refused(name, payload, expected):
    assert expected in refused(package({name: payload}))


@pytest.mark.parametrize("depth", [h5p.MAX_JSON_DEPTH + 1, 100_000])
def test_json_nested_too_deep_is_refused_not_a_server_error(depth):
    deep = b"[" * depth + b"]" * depth
    reason = refused(package({"content/content.json": deep}, stored=True))
    assert "zu tief verschachtelt" in reason


def test_json_larger_than_the_limit_is_refused(settings):
    settings.LERNHAFEN_H5P_MAX_JSON_SIZE = 1024
    content = {"question": "x" * 2000, "answers": []}
    assert "content/content.json“ ist zu groß" in refused(package(content=content))


def test_external_video_is_refused_with_the_next_step():
    content = {
        "question": "Frage?",
        "answers": [],
        "video": {
            "sources": [{"path": "https://www.youtube.com/watch?v=abc", "mime": "video/YouTube"}]
        },
    }
    with pytest.raises(h5p.PackageRejected) as rejected:
        h5p.import_package(package(content=content), may_install_libraries=True)
    assert rejected.value.reason == (
        "Externe Video-Adresse (youtube.com) ist nicht erlaubt – bitte laden Sie das Video hoch."
    )
    assert "H5P-Editor" in rejected.value.hint


def test_media_the_content_names_but_the_package_lacks_are_refused():
    content = {"question": "Frage?", "answers": [], "image": {"path": "images/fehlt.png"}}
    assert "content/images/fehlt.png" in refused(package(content=content))


@pytest.mark.parametrize("machine", ["H5P.EmbeddedJS", "TimelineJS"])
def test_content_types_that_need_eval_are_refused_at_import(machine):
    reason = refused(package(library(machine), preloadedDependencies=depends_on(f"{machine}-1.0")))
    assert f"Der Inhaltstyp „{machine}“" in reason
    assert "Schutz dieser Website" in reason


def test_path_tricks_in_unused_folders_are_still_refused():
    assert "zeigt aus dem Paket hinaus" in refused(
        package({"H5PEditor.X-1.0/../../boese.json": b"{}"})
    )


def test_the_admin_upload_shows_a_deep_json_refusal_next_to_the_field(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = package({"content/content.json": b"[" * 50_000 + b"]" * 50_000}, stored=True)
    response = admin_client.post(
        "/admin/snippets/learning/h5pcontent/add/",
        {"title": "", "package": SimpleUploadedFile("tief.h5p", data)},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "zu tief verschachtelt" in html and h5p.NEXT_STEP in html
    assert 'accept=".h5p"' in html
    assert not H5PContent.objects.exists()
