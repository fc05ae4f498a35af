"""Test data of the learning app: H5P packages (ours, and hostile ones) and exercise streams.

All H5P packages are generated here from learning/h5p_demo (our own content type): no
third-party H5P content in the repository.
"""

from __future__ import annotations

import io
import json
import uuid
import warnings
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from learning.demo import PHISHING_QUIZ, quiz_package_files, zip_files

QUIZ_CONTENT = PHISHING_QUIZ


def quiz_package(title: str = "Testquiz", content: dict | None = None) -> bytes:
    return zip_files(quiz_package_files(title, content or QUIZ_CONTENT))


def _files(**changes) -> dict[str, bytes]:
    files = quiz_package_files("Testquiz", QUIZ_CONTENT)
    for name, payload in changes.items():
        files[name] = payload
    return files


def _zip_with(extra: list[tuple[zipfile.ZipInfo | str, bytes]], base: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, payload in (base if base is not None else _files()).items():
            archive.writestr(name, payload)
        for info, payload in extra:
            archive.writestr(info, payload)
    return buffer.getvalue()


def _symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info, target.encode()


def _without(*names: str) -> dict[str, bytes]:
    files = _files()
    for name in names:
        files.pop(name)
    return files


LIBRARY = "H5P.LernhafenQuiz-1.0"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def hostile_packages() -> dict[str, tuple[bytes, str]]:
    """name → (package bytes, a part of the German reason it must be rejected with)."""
    metadata_without_main = json.loads(_files()["h5p.json"])
    metadata_without_main["mainLibrary"] = "H5P.GibtEsNicht"
    metadata_without_main["preloadedDependencies"] = [
        {"machineName": "H5P.GibtEsNicht", "majorVersion": 1, "minorVersion": 0}
    ]
    duplicate = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(duplicate, "w") as archive:
        warnings.simplefilter("ignore", UserWarning)  # the duplicate is the point
        for name, payload in _files().items():
            archive.writestr(name, payload)
        archive.writestr("content/content.json", b"{}")
    return {
        "path_traversal": (
            _zip_with([("../ausserhalb.json", b"{}")]),
            "zeigt aus dem Paket hinaus",
        ),
        "absolute_path": (
            _zip_with([("/tmp/absolut.json", b"{}")]),  # noqa: S108 – must never be written
            "absoluten Pfad",
        ),
        "symlink": (
            _zip_with([_symlink(f"{LIBRARY}/link.json", "/etc/passwd")]),
            "symbolische Verknüpfung",
        ),
        "zip_bomb": (
            _zip_with([("content/bombe.txt", b"\0" * (8 * 1024 * 1024))]),
            "ZIP-Bombe",
        ),
        "php_file": (
            _zip_with([("content/shell.php", b"<?php system($_GET['c']);")]),
            "Dateityp .php",
        ),
        "js_in_content": (
            _zip_with([("content/boese.js", b"alert(1)")]),
            "nur in Bibliotheksordnern",
        ),
        "svg_with_script": (_zip_with([("content/bild.svg", SVG_WITH_SCRIPT)]), "<script>"),
        "missing_h5p_json": (zip_files(_without("h5p.json")), "fehlt die Datei „h5p.json“"),
        "broken_h5p_json": (
            zip_files(_files(**{"h5p.json": b"{kein json"})),
            "„h5p.json“ ist kein gültiges JSON",
        ),
        "missing_content_json": (
            zip_files(_without("content/content.json")),
            "fehlt die Datei „content/content.json“",
        ),
        "broken_content_json": (
            zip_files(_files(**{"content/content.json": b"[1, 2"})),
            "„content/content.json“ ist kein gültiges JSON",
        ),
        "broken_library_json": (
            zip_files(_files(**{f"{LIBRARY}/library.json": b'{"title": '})),
            "library.json“ ist kein gültiges JSON",
        ),
        "missing_library_json": (
            zip_files(_without(f"{LIBRARY}/library.json")),
            "fehlt die Datei library.json",
        ),
        "missing_main_library": (
            zip_files(
                {
                    "h5p.json": json.dumps(metadata_without_main).encode(),
                    "content/content.json": b"{}",
                }
            ),
            "Hauptbibliothek H5P.GibtEsNicht 1.0 fehlt",
        ),
        "not_a_zip": (b"Das ist nur Text, kein ZIP.", "kein ZIP-Archiv"),
        "duplicate_names": (duplicate.getvalue(), "mehrfach vor"),
    }


def block(block_type: str, value: dict) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def single_choice() -> dict:
    return block(
        "single_choice",
        {
            "question": "Welches Passwort ist am sichersten?",
            "hint": "",
            "answers": [
                {"text": "123456", "correct": False, "feedback": "Viel zu leicht zu erraten."},
                {
                    "text": "Kaffee-Fahrrad-Mondschein-17",
                    "correct": True,
                    "feedback": "Lang und zufällig.",
                },
            ],
        },
    )


def multiple_choice() -> dict:
    return block(
        "multiple_choice",
        {
            "question": "Was gehört in ein sicheres Passwort?",
            "hint": "Mehrere Antworten können richtig sein.",
            "answers": [
                {"text": "Viele Zeichen", "correct": True, "feedback": "Ja."},
                {"text": "Der eigene Geburtstag", "correct": False, "feedback": "Nein."},
                {"text": "Zufällige Wörter", "correct": True, "feedback": "Ja."},
            ],
        },
    )


def true_false() -> dict:
    return block(
        "true_false",
        {
            "statement": "Banken fragen per SMS nach Ihrer PIN.",
            "is_true": False,
            "explanation": "Das tun Banken nie.",
        },
    )


def order_steps() -> dict:
    return block(
        "order_steps",
        {
            "question": "Bringen Sie die Schritte in die richtige Reihenfolge.",
            "steps": ["App öffnen", "Kontakt wählen", "Kamera antippen"],
            "explanation": "Erst die App, dann der Kontakt.",
        },
    )


def spot_the_fake() -> dict:
    return block(
        "spot_the_fake",
        {
            "heading": "Sicher üben",
            "intro": "Echt oder gefälscht?",
            "messages": [
                {
                    "sender": "+49 151 000000",
                    "subject": "Ihr Paket",
                    "text": "Bestätigen Sie Ihre Adresse: http://paket.top",
                    "is_fake": True,
                    "explanation": "Fremde Adresse und Zeitdruck.",
                },
                {
                    "sender": "Stadt Datteln",
                    "subject": "Terminbestätigung",
                    "text": "Ihr Termin ist bestätigt.",
                    "is_fake": False,
                    "explanation": "Fragt nach keinen Daten.",
                },
            ],
        },
    )


def lesson_done() -> dict:
    return block("lesson_done", {"text": "Fertig?"})


def h5p_block(content_id: int) -> dict:
    return block("h5p", {"content": content_id, "heading": "Interaktive Übung"})


def h5p_sample_path(name: str) -> Path:
    """A real H5P Hub package from the shared samples (settings.LERNHAFEN_H5P_SAMPLES), or a
    skip that says where to put them: the packages stay outside the repository."""
    path = Path(settings.LERNHAFEN_H5P_SAMPLES) / f"{name}.h5p"
    if not path.is_file():
        pytest.skip(
            f"H5P sample {path} is missing: put the shared H5P Hub packages there or set "
            "LERNHAFEN_H5P_SAMPLES to their folder."
        )
    return path
