"""Checking and installing H5P packages (.h5p = ZIP) – the rules the admin upload, the
``import_h5p`` command and the demo seeding share.

``check_package(data)`` reads and validates a package completely in memory and either returns a
``CheckedPackage`` or raises ``PackageRejected`` with the reason in plain German (and what to do
next). Nothing is written before a package has passed every check. ``install_package(checked, …)``
then extracts it to media storage: libraries once per ``machineName-major.minor`` under
``h5p/libraries/`` (shared by all contents), the content under ``h5p/content/<key>/``. Installing a
library version the site does not have yet needs the permission ``learning.install_h5plibrary``.

What we accept and refuse follows H5P core (h5p-php-library, ``H5PValidator``):

- Files and folders whose name starts with ``.`` or ``_`` (``__MACOSX``, ``.DS_Store``) and stray
  files at the top level are ignored – never read, never extracted.
- Only libraries the content can load at run time are checked and installed: the closure of
  ``h5p.json``'s ``preloadedDependencies`` over each library's preloaded and dynamic dependencies.
  Editor libraries (``H5PEditor.*``) and other bundled extras are ignored.
- H5P's allow-list of file types, ``.js``/``.css`` only inside library folders, the file-name
  characters H5P allows (letters, digits and ``._-@+~=,()`` and space).
- Every member, used or not: no path traversal, absolute paths, symlinks, duplicate names (also
  by case); limits per file, in total, in number and in compression ratio (ZIP bombs).
- SVG: a public ``<!DOCTYPE svg PUBLIC …>`` is harmless and accepted (FontAwesome ships one); an
  internal DTD subset or any ``<!ENTITY`` (entity expansion, external entities), scripts, event
  handlers, foreign objects and external references are refused.
- Images must open with Pillow as the format their extension says; audio and video must start
  with the magic bytes of their container.
- JSON (``h5p.json``, ``content.json``, ``library.json``, ``semantics.json``, language files)
  must parse, stay below a size and nesting limit, and never cause a server error.
- Content media must be inside the package: external addresses (YouTube, other hosts) are refused
  because the site loads nothing from other hosts.
- A library's ``coreApi`` must not be newer than the H5P core bundled in our player
  (h5p-standalone); content types that need ``eval`` (our CSP forbids it) are refused.
"""

from __future__ import annotations

import io
import json
import re
import stat
import unicodedata
import uuid
import warnings
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, UnidentifiedImageError
from pyh5p.library import LibraryId

from learning.models import H5PContent, H5PLibrary

LIBRARIES_ROOT = "h5p/libraries"
CONTENT_ROOT = "h5p/content"
INSTALL_PERMISSION = "learning.install_h5plibrary"

# H5P's default content allow-list (h5p-php-library), without Flash (.swf).
CONTENT_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "svg",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "xml",
        "csv",
        "diff",
        "patch",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
    ]
)
# Code is allowed only inside a library folder, never in content/ or at the top level.
LIBRARY_EXTENSIONS = frozenset({"js", "css"})
# The characters H5P's own exports use in file names (e.g. ``fancybox_sprite@2x.png``).
SAFE_NAME = re.compile(r"^[A-Za-z0-9._\-/ @+~=,()]+$")
LIBRARY_DIRECTORY = re.compile(r"^[A-Za-z0-9._]+(-\d+\.\d+)?$")
# Pillow's format name for each image extension.
IMAGE_FORMATS = {
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "bmp": "BMP",
    "tif": "TIFF",
    "tiff": "TIFF",
}
MEDIA_KINDS = {
    "mp4": "video",
    "webm": "video",
    "m4a": "audio",
    "mp3": "audio",
    "ogg": "audio",
    "wav": "audio",
}
# Content types whose libraries evaluate code at run time (``eval``/``new Function``) or run
# arbitrary HTML from the package. Our CSP never allows that, so they would only ever show a
# broken player: refuse them at import.
EVAL_LIBRARIES = {
    "H5P.EmbeddedJS": "führt eigenen Programmcode aus",
    "TimelineJS": "braucht die Funktion „eval“",
    "H5P.IFrameEmbed": "bettet eine eigene Webseite mit Programmcode ein",
}
MAX_JSON_DEPTH = 64
# The H5P core API the JavaScript bundled in h5p-standalone implements, by its major.minor
# version (3.8 ships h5p-php-library's 1.27 core scripts; earlier 3.x the 1.26 ones).
PLAYER_CORE_API = {(3, 8): (1, 27), (3, 0): (1, 26)}

NEXT_STEP = (
    "Laden Sie das Paket bitte noch einmal von seiner Quelle herunter oder fragen Sie die "
    "Person, die es erstellt hat, nach einer korrigierten Fassung."
)


class PackageRejected(Exception):
    """The package is not installed; `reason` says why, `hint` what to do next (German)."""

    def __init__(self, reason: str, hint: str = NEXT_STEP):
        super().__init__(reason)
        self.reason = reason
        self.hint = hint

    @property
    def message(self) -> str:
        return f"{self.reason} {self.hint}".strip()


@dataclass
class PackagedLibrary:
    id: LibraryId
    directory: str
    metadata: dict[str, Any]
    files: dict[str, bytes]


@dataclass
class CheckedPackage:
    metadata: dict[str, Any]
    content: dict[str, Any]
    content_files: dict[str, bytes]
    libraries: list[PackagedLibrary]
    main: tuple[str, int, int]
    dependencies: set[tuple[str, int, int]] = field(default_factory=set)

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or "").strip()[:255]


def _limits() -> dict[str, int]:
    return {
        "max_file_size": settings.LERNHAFEN_H5P_MAX_FILE_SIZE,
        "max_total_size": settings.LERNHAFEN_H5P_MAX_TOTAL_SIZE,
        "max_files": settings.LERNHAFEN_H5P_MAX_FILES,
        "max_ratio": settings.LERNHAFEN_H5P_MAX_COMPRESSION_RATIO,
    }


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


@cache
def player_core_api() -> tuple[int, int]:
    """The newest H5P core API our bundled player (h5p-standalone in node_modules) supports."""
    try:
        package = json.loads(
            (settings.NODE_MODULES / "h5p-standalone" / "package.json").read_text("utf-8")
        )
        major, minor = (int(part) for part in str(package["version"]).split(".")[:2])
    except (OSError, ValueError, KeyError, TypeError):
        return min(PLAYER_CORE_API.values())
    known = [version for version in PLAYER_CORE_API if version <= (major, minor)]
    return PLAYER_CORE_API[max(known)] if known else min(PLAYER_CORE_API.values())


def _ignored(name: str) -> bool:
    """H5P core skips files and folders whose name starts with a dot or an underscore."""
    return any(part.startswith((".", "_")) for part in PurePosixPath(name).parts)


def _check_member(info: zipfile.ZipInfo, seen: set[str], limits: dict[str, int]) -> None:
    """Rules for every member, used or ignored: nothing may point outside or explode."""
    name = info.filename
    if "\x00" in name or "\\" in name:
        raise PackageRejected(f"Unzulässiger Dateiname im Paket: „{name!r}“.")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise PackageRejected(
            f"Das Paket enthält einen absoluten Pfad: „{name}“ – so könnte es Dateien außerhalb "
            "des Pakets überschreiben."
        )
    parts = PurePosixPath(name).parts
    if any(part in {"..", "."} for part in parts):
        raise PackageRejected(
            f"Der Pfad „{name}“ zeigt aus dem Paket hinaus – so könnte es fremde Dateien "
            "überschreiben."
        )
    key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
    if key in seen:
        raise PackageRejected(f"Der Dateiname „{name}“ kommt im Paket mehrfach vor.")
    seen.add(key)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackageRejected(f"Das Paket enthält eine symbolische Verknüpfung: „{name}“.")
    if info.is_dir():
        return
    if info.file_size > limits["max_file_size"]:
        raise PackageRejected(
            f"Die Datei „{name}“ ist größer als erlaubt ({_megabytes(limits['max_file_size'])}).",
            "Bitte verkleinern Sie die Datei (z. B. ein Video in geringerer Auflösung) und "
            "exportieren Sie das Paket neu.",
        )
    if info.file_size > 1024 and info.file_size / max(info.compress_size, 1) > limits["max_ratio"]:
        raise PackageRejected(
            f"Die Datei „{name}“ ist ungewöhnlich stark komprimiert (Verdacht auf eine "
            "„ZIP-Bombe“, die beim Entpacken den Speicher füllt)."
        )


def _check_file_name(name: str, *, in_library: bool) -> str:
    """The extension of a file we will extract, after H5P's name and file-type rules."""
    if not SAFE_NAME.match(name):
        raise PackageRejected(
            f"Der Dateiname „{name}“ enthält Zeichen, die H5P nicht erlaubt (erlaubt sind "
            "Buchstaben ohne Umlaute, Ziffern, Leerzeichen und . _ - @ + ~ = , ( ))."
        )
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    if not extension:
        raise PackageRejected(f"Die Datei „{name}“ hat keine Dateiendung.")
    if extension in LIBRARY_EXTENSIONS:
        if not in_library:
            raise PackageRejected(
                f"Programmcode (.{extension}) ist nur in Bibliotheksordnern erlaubt, nicht in "
                f"„{name}“."
            )
    elif extension not in CONTENT_EXTENSIONS:
        raise PackageRejected(
            f"Der Dateityp .{extension} ist in H5P-Paketen nicht erlaubt: „{name}“."
        )
    return extension


SVG_DOCTYPE = re.compile(rb"<!DOCTYPE(?P<body>[^>]*)>", re.IGNORECASE)


def check_svg(name: str, data: bytes) -> None:
    """Reject SVG that could run code, expand entities or load anything from elsewhere."""
    if re.search(rb"<!ENTITY", data, re.IGNORECASE):
        raise PackageRejected(
            f"Die Grafik „{name}“ (SVG-Bild) definiert eigene Platzhalter („ENTITY“), mit denen "
            "sich Schadcode oder fremde Dateien einschleusen lassen."
        )
    doctypes = list(re.finditer(rb"<!DOCTYPE", data, re.IGNORECASE))
    if doctypes:
        # A plain public DOCTYPE line is harmless (the parser never fetches the DTD); an internal
        # subset ``[ … ]`` can declare entities and is refused.
        found = SVG_DOCTYPE.search(data)
        if len(doctypes) > 1 or found is None or b"[" in found.group("body"):
            raise PackageRejected(
                f"Die Grafik „{name}“ (SVG-Bild) bringt eine eigene Dokumenttyp-Definition "
                "(„DTD“) mit, über die sich Schadcode einschleusen lässt."
            )
    try:
        # Entities are refused above and expat never loads an external DTD.
        root = ElementTree.fromstring(data)  # noqa: S314
    except ElementTree.ParseError:
        raise PackageRejected(f"Die Grafik „{name}“ (SVG-Bild) ist fehlerhaft.") from None
    danger = (
        f"Die Grafik „{name}“ (SVG-Bild) enthält Programmcode oder lädt Inhalte von anderen "
        "Websites"
    )
    forbidden = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in forbidden:
            raise PackageRejected(f"{danger} (ein <{tag}>-Element).")
        if tag == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", element.text or ""):
            raise PackageRejected(f"{danger} (Stile von außen).")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise PackageRejected(f"{danger} (ein Skript im Attribut „{local}“).")
            if local == "href" and not value.strip().startswith("#"):
                raise PackageRejected(f"{danger} (einen Verweis nach „{value}“).")
            if local == "style" and re.search(r"url\(\s*['\"]?(?!#)|expression", value, re.I):
                raise PackageRejected(f"{danger} (Stile von außen).")


def _check_media(name: str, extension: str, data: bytes) -> None:
    """Images must open as what their extension says, audio/video start with their magic bytes."""
    if extension in IMAGE_FORMATS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as image:
                    found = image.format
                    image.verify()
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Warning):
            found = None
        except Image.DecompressionBombError:
            found = None
        expected = IMAGE_FORMATS[extension]
        if found != expected:
            raise PackageRejected(
                f"Die Datei „{name}“ heißt wie ein Bild (.{extension}), ist aber keins oder ist "
                "beschädigt."
            )
        return
    kind = MEDIA_KINDS.get(extension)
    if kind is None:
        return
    head = data[:16]
    matches = {
        "mp4": head[4:8] == b"ftyp",
        "m4a": head[4:8] == b"ftyp",
        "webm": head.startswith(b"\x1a\x45\xdf\xa3"),
        "ogg": head.startswith(b"OggS"),
        "mp3": head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] >= 0xE0),
        "wav": head.startswith(b"RIFF") and head[8:12] == b"WAVE",
    }[extension]
    if not matches:
        what = "ein Video" if kind == "video" else "eine Audiodatei"
        raise PackageRejected(
            f"Die Datei „{name}“ heißt wie {what} (.{extension}), enthält aber etwas anderes."
        )


def _json_depth(value: Any) -> int:
    depth, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            depth = max(depth, level)
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            depth = max(depth, level)
            stack.extend((child, level + 1) for child in item)
    return depth


def load_json(name: str, payload: bytes) -> Any:
    """Parse JSON from a package; too large, too deep or broken is a reason, never a crash."""
    if len(payload) > settings.LERNHAFEN_H5P_MAX_JSON_SIZE:
        raise PackageRejected(
            f"Die Datei „{name}“ ist zu groß ({_megabytes(len(payload))}, erlaubt sind "
            f"{_megabytes(settings.LERNHAFEN_H5P_MAX_JSON_SIZE)})."
        )
    try:
        value = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError):
        raise PackageRejected(f"Die Datei „{name}“ ist kein gültiges JSON.") from None
    except RecursionError:
        value = None
        depth = MAX_JSON_DEPTH + 1
    else:
        depth = _json_depth(value)
    if depth > MAX_JSON_DEPTH:
        raise PackageRejected(
            f"Die Datei „{name}“ ist zu tief verschachtelt (mehr als {MAX_JSON_DEPTH} Ebenen)."
        )
    return value


def _json_object(files: dict[str, bytes], name: str, where: str | None = None) -> dict[str, Any]:
    where = where or name
    if name not in files:
        raise PackageRejected(f"Im Paket fehlt die Datei „{where}“.")
    value = load_json(where, files[name])
    if not isinstance(value, dict):
        raise PackageRejected(f"Die Datei „{where}“ muss ein JSON-Objekt enthalten.")
    return value


def _dependency_keys(value: Any, where: str) -> set[tuple[str, int, int]]:
    if value is None:
        return set()
    if not isinstance(value, list):
        raise PackageRejected(f"{where}: Die Abhängigkeiten müssen eine Liste sein.")
    keys = set()
    for item in value:
        try:
            keys.add(
                (str(item["machineName"]), int(item["majorVersion"]), int(item["minorVersion"]))
            )
        except (KeyError, TypeError, ValueError):
            raise PackageRejected(f"{where}: Eine Abhängigkeit ist unvollständig.") from None
    return keys


def _runtime_dependencies(metadata: dict[str, Any], where: str) -> set[tuple[str, int, int]]:
    keys = _dependency_keys(metadata.get("preloadedDependencies"), where)
    keys |= _dependency_keys(metadata.get("dynamicDependencies"), where)
    return {key for key in keys if not _editor_only(key[0])}


def _editor_only(machine_name: str) -> bool:
    return machine_name.startswith("H5PEditor.")


def _library_metadata(directory: str, files: dict[str, bytes]) -> tuple[LibraryId, dict]:
    where = f"{directory}/library.json"
    if "library.json" not in files:
        raise PackageRejected(f"Im Bibliotheksordner „{directory}“ fehlt die Datei library.json.")
    metadata = _json_object(files, "library.json", where)
    for key in ("title", "machineName", "majorVersion", "minorVersion", "patchVersion"):
        if key not in metadata:
            raise PackageRejected(f"{where}: Die Angabe „{key}“ fehlt.")
    try:
        library_id = LibraryId.parse(metadata)
    except (TypeError, ValueError):
        raise PackageRejected(f"{where}: Name oder Version ist ungültig.") from None
    if not re.match(r"^[A-Za-z0-9._]+$", library_id.machine_name):
        raise PackageRejected(f"{where}: Der Maschinenname ist ungültig.")
    if directory not in {library_id.machine_name, library_id.directory_name}:
        raise PackageRejected(
            f"Der Ordner „{directory}“ passt nicht zur Bibliothek {library_id.directory_name}."
        )
    return library_id, metadata


def _check_core_api(library_id: LibraryId, metadata: dict[str, Any]) -> None:
    core_api = metadata.get("coreApi")
    if core_api is None:
        return
    try:
        needed = (int(core_api["majorVersion"]), int(core_api["minorVersion"]))
    except (KeyError, TypeError, ValueError):
        raise PackageRejected(
            f"{library_id.directory_name}/library.json: „coreApi“ ist ungültig."
        ) from None
    supported = player_core_api()
    if needed > supported:
        raise PackageRejected(
            f"Der Baustein „{metadata.get('title') or library_id.machine_name}“ braucht eine "
            f"neuere H5P-Version ({needed[0]}.{needed[1]}), als diese Website mitbringt "
            f"({supported[0]}.{supported[1]}).",
            "Bitte verwenden Sie eine ältere Fassung dieses Inhaltstyps oder bitten Sie die "
            "Administration, den H5P-Player der Website zu aktualisieren.",
        )


def _check_library(
    directory: str, files: dict[str, bytes], library_id: LibraryId, metadata: dict[str, Any]
) -> PackagedLibrary:
    where = f"{directory}/library.json"
    reason = EVAL_LIBRARIES.get(library_id.machine_name)
    if reason:
        raise PackageRejected(
            f"Der Inhaltstyp „{metadata.get('title') or library_id.machine_name}“ {reason}. Das "
            "verhindert der Schutz dieser Website, die Übung könnte hier nie laufen.",
            "Bitte wählen Sie einen anderen Inhaltstyp.",
        )
    _check_core_api(library_id, metadata)
    for name in files:
        extension = _check_file_name(f"{directory}/{name}", in_library=True)
        if extension == "svg":
            check_svg(f"{directory}/{name}", files[name])
        _check_media(f"{directory}/{name}", extension, files[name])
        if name == "semantics.json" or (name.startswith("language/") and extension == "json"):
            load_json(f"{directory}/{name}", files[name])
    for key in ("preloadedJs", "preloadedCss"):
        entries = metadata.get(key, [])
        if not isinstance(entries, list):
            raise PackageRejected(f"{where}: „{key}“ muss eine Liste sein.")
        for entry in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if not isinstance(path, str) or path not in files:
                raise PackageRejected(f"{where}: Die Datei „{path}“ aus „{key}“ fehlt im Paket.")
    return PackagedLibrary(library_id, directory, metadata, files)


MEDIA_WORDS = {
    "video": ("Video", "das Video"),
    "audio": ("Audio", "die Audiodatei"),
    "image": ("Bild", "das Bild"),
}


def _content_media(value: Any, content_files: dict[str, bytes]) -> None:
    """Every file the content refers to must be in the package; nothing from other hosts."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        stack.extend(item.values())
        path = item.get("path")
        if not isinstance(path, str) or not path:
            continue
        path = path.removesuffix("#tmp")
        if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", path):
            mime = str(item.get("mime") or "").lower()
            kind, noun = MEDIA_WORDS.get(mime.split("/", 1)[0], ("Medien", "die Datei"))
            host = (urlsplit(path).hostname or path.split(":", 1)[0]).removeprefix("www.")
            raise PackageRejected(
                f"Externe {kind}-Adresse ({host}) ist nicht erlaubt – bitte laden Sie {noun} hoch.",
                "Diese Website lädt nichts von anderen Websites. Ersetzen Sie im H5P-Editor die "
                "Adresse durch die hochgeladene Datei und exportieren Sie das Paket neu.",
            )
        parts = PurePosixPath(path).parts
        if path.startswith("/") or any(part in {"..", "."} for part in parts):
            raise PackageRejected(f"Der Medienpfad „{path}“ in content.json ist unzulässig.")
        if path not in content_files:
            raise PackageRejected(
                f"Die Datei „content/{path}“, die die Übung anzeigen soll, fehlt im Paket."
            )


def _read_zip(data: bytes, limits: dict[str, int]) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PackageRejected(
            "Die Datei ist kein ZIP-Archiv und damit kein H5P-Paket.",
            "Bitte wählen Sie eine Datei mit der Endung .h5p, wie H5P sie beim Herunterladen "
            "(„Reuse“ / „Download“) erzeugt.",
        )
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if len(infos) > limits["max_files"]:
        raise PackageRejected(f"Das Paket enthält mehr als {limits['max_files']} Dateien.")
    seen: set[str] = set()
    total = 0
    members = {}
    for info in infos:
        _check_member(info, seen, limits)
        total += info.file_size
        if total > limits["max_total_size"]:
            raise PackageRejected(
                "Das Paket ist entpackt größer als erlaubt "
                f"({_megabytes(limits['max_total_size'])})."
            )
        if not info.is_dir() and not _ignored(info.filename):
            members[info.filename] = info
    return archive, members


def check_package(data: bytes) -> CheckedPackage:
    """Read and validate a whole package in memory; raise PackageRejected with the reason."""
    limits = _limits()
    try:
        archive, members = _read_zip(data, limits)
        with archive:
            # zipfile stops at the declared size and checks the CRC: a member cannot expand
            # beyond what _read_zip checked. Stray top-level files are never read.
            def read(names):
                return {name: archive.read(members[name]) for name in names}

            top = read([name for name in ("h5p.json",) if name in members])
            metadata = _json_object(top, "h5p.json")
            content_files = {
                name.removeprefix("content/"): payload
                for name, payload in read(
                    [name for name in members if name.startswith("content/")]
                ).items()
            }
            by_directory: dict[str, list[str]] = {}
            for name in members:
                directory, _, rest = name.partition("/")
                if rest and directory != "content":
                    by_directory.setdefault(directory, []).append(name)
            libraries, needed = _resolve_libraries(metadata, by_directory, read)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise PackageRejected(
            "Das ZIP-Archiv ist beschädigt oder nutzt ein unbekanntes Format."
        ) from None

    content = _json_object(
        {f"content/{name}": payload for name, payload in content_files.items()},
        "content/content.json",
    )
    for name, payload in content_files.items():
        extension = _check_file_name(f"content/{name}", in_library=False)
        if extension == "svg":
            check_svg(f"content/{name}", payload)
        _check_media(f"content/{name}", extension, payload)
        if extension == "json" and name != "content.json":
            load_json(f"content/{name}", payload)
    _content_media(content, content_files)

    main = next(
        (
            key
            for key in _dependency_keys(metadata["preloadedDependencies"], "h5p.json")
            if key[0] == metadata["mainLibrary"]
        ),
        None,
    )
    if main is None:
        raise PackageRejected(
            f"h5p.json: Die Hauptbibliothek „{metadata['mainLibrary']}“ steht nicht in "
            "„preloadedDependencies“."
        )
    packaged = {(lib.id.machine_name, lib.id.major, lib.id.minor): lib for lib in libraries}
    installed = _installed(needed - packaged.keys())
    missing = sorted(needed - packaged.keys() - installed)
    if main in missing:
        raise PackageRejected(
            f"Die Hauptbibliothek {main[0]} {main[1]}.{main[2]} fehlt im Paket und ist auch "
            "nicht installiert.",
            "Bitte exportieren Sie die Übung in H5P mit allen Bibliotheken neu.",
        )
    if missing:
        names = ", ".join(f"{m} {a}.{b}" for m, a, b in missing)
        raise PackageRejected(
            f"Diese Bibliotheken fehlen im Paket und sind nicht installiert: {names}.",
            "Bitte exportieren Sie die Übung in H5P mit allen Bibliotheken neu.",
        )
    main_library = packaged.get(main)
    if main_library is not None and not main_library.metadata.get("runnable"):
        raise PackageRejected(f"Die Hauptbibliothek {main[0]} ist nicht eigenständig abspielbar.")
    return CheckedPackage(metadata, content, content_files, libraries, main, needed)


def _check_metadata(metadata: dict[str, Any]) -> set[tuple[str, int, int]]:
    for key in ("title", "mainLibrary", "language", "preloadedDependencies"):
        if key not in metadata:
            raise PackageRejected(f"h5p.json: Die Angabe „{key}“ fehlt.")
    if not isinstance(metadata["mainLibrary"], str) or not isinstance(metadata["title"], str):
        raise PackageRejected("h5p.json: „title“ und „mainLibrary“ müssen Text sein.")
    return _dependency_keys(metadata["preloadedDependencies"], "h5p.json")


def _resolve_libraries(metadata, by_directory, read):
    """Check the libraries the content loads at run time; ignore every other folder."""
    queue = sorted(key for key in _check_metadata(metadata) if not _editor_only(key[0]))
    needed: set[tuple[str, int, int]] = set()
    libraries: list[PackagedLibrary] = []
    while queue:
        key = queue.pop()
        if key in needed:
            continue
        needed.add(key)
        machine, major, minor = key
        directory = next(
            (d for d in (f"{machine}-{major}.{minor}", machine) if d in by_directory), None
        )
        if directory is None:
            installed = H5PLibrary.objects.filter(
                machine_name=machine, major_version=major, minor_version=minor
            ).first()
            if installed is not None:
                queue.extend(
                    _runtime_dependencies(installed.metadata, installed.directory_name) - needed
                )
            continue
        if not LIBRARY_DIRECTORY.match(directory):
            raise PackageRejected(f"Der Ordnername „{directory}“ ist ungültig.")
        prefix = f"{directory}/"
        files = {
            name.removeprefix(prefix): payload
            for name, payload in read(by_directory[directory]).items()
        }
        library_id, library_metadata = _library_metadata(directory, files)
        if (library_id.major, library_id.minor) != (major, minor):
            raise PackageRejected(
                f"Der Ordner „{directory}“ enthält {library_id.directory_name}, gebraucht wird "
                f"{machine}-{major}.{minor}."
            )
        libraries.append(_check_library(directory, files, library_id, library_metadata))
        queue.extend(_runtime_dependencies(library_metadata, f"{directory}/library.json") - needed)
    libraries.sort(key=lambda lib: lib.directory)
    return libraries, needed


def _installed(keys: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    if not keys:
        return set()
    rows = H5PLibrary.objects.filter(machine_name__in={key[0] for key in keys}).values_list(
        "machine_name", "major_version", "minor_version"
    )
    return {row for row in rows if row in keys}


def libraries_to_install(checked: CheckedPackage) -> list[PackagedLibrary]:
    """Packaged libraries the site lacks, or has in an older patch version."""
    existing = {
        (lib.machine_name, lib.major_version, lib.minor_version): lib.patch_version
        for lib in H5PLibrary.objects.filter(
            machine_name__in={lib.id.machine_name for lib in checked.libraries}
        )
    }
    return [
        lib
        for lib in checked.libraries
        if existing.get((lib.id.machine_name, lib.id.major, lib.id.minor), -1) < lib.id.patch
    ]


def _write(path: str, payload: bytes, written: list[str]) -> None:
    stored = default_storage.save(path, ContentFile(payload))
    written.append(stored)
    if stored != path:
        raise PackageRejected(f"Die Datei „{path}“ konnte nicht angelegt werden.")


def install_package(
    checked: CheckedPackage, *, title: str = "", user=None, may_install_libraries: bool = False
) -> H5PContent:
    """Extract a checked package to media storage and create its H5PContent.

    Raises PackageRejected (and writes nothing) if it brings a library version the site does not
    have and the uploader may not install libraries.
    """
    new_libraries = libraries_to_install(checked)
    if new_libraries and not may_install_libraries:
        names = ", ".join(
            f"{lib.id.machine_name} {lib.id.major}.{lib.id.minor}.{lib.id.patch}"
            for lib in new_libraries
        )
        raise PackageRejected(
            f"Das Paket bringt neue H5P-Bibliotheken mit ({names}). Sie dürfen keine "
            "Bibliotheken installieren; bitte wenden Sie sich an die Administration."
        )
    written: list[str] = []
    storage_key = uuid.uuid4().hex
    try:
        with transaction.atomic():
            for lib in new_libraries:
                directory = f"{LIBRARIES_ROOT}/{lib.id.directory_name}"
                _delete_tree(directory)
                for name, payload in sorted(lib.files.items()):
                    _write(f"{directory}/{name}", payload, written)
                H5PLibrary.objects.update_or_create(
                    machine_name=lib.id.machine_name,
                    major_version=lib.id.major,
                    minor_version=lib.id.minor,
                    defaults={
                        "patch_version": lib.id.patch,
                        "title": str(lib.metadata.get("title", ""))[:255],
                        "runnable": bool(lib.metadata.get("runnable")),
                        "metadata": lib.metadata,
                    },
                )
            root = f"{CONTENT_ROOT}/{storage_key}"
            _write(f"{root}/h5p.json", json.dumps(checked.metadata).encode(), written)
            for name, payload in sorted(checked.content_files.items()):
                _write(f"{root}/content/{name}", payload, written)
            libraries = H5PLibrary.objects.filter(
                machine_name__in={key[0] for key in checked.dependencies}
            )
            libraries = [
                lib
                for lib in libraries
                if (lib.machine_name, lib.major_version, lib.minor_version) in checked.dependencies
            ]
            main = next(
                lib
                for lib in libraries
                if (lib.machine_name, lib.major_version, lib.minor_version) == checked.main
            )
            content = H5PContent.objects.create(
                title=(title or checked.title or main.title)[:255],
                storage_key=storage_key,
                main_library=main,
                h5p_json=checked.metadata,
                uploaded_by=user if user is not None and user.is_authenticated else None,
            )
            content.libraries.set(libraries)
    except BaseException:
        for path in written:
            default_storage.delete(path)
        raise
    return content


def import_package(
    data: bytes, *, title: str = "", user=None, may_install_libraries: bool = False
) -> H5PContent:
    """Check and install in one go (command line, demo)."""
    if len(data) > settings.LERNHAFEN_H5P_MAX_UPLOAD_SIZE:
        raise PackageRejected(
            "Die Datei ist größer als erlaubt "
            f"({_megabytes(settings.LERNHAFEN_H5P_MAX_UPLOAD_SIZE)})."
        )
    checked = check_package(data)
    return install_package(
        checked, title=title, user=user, may_install_libraries=may_install_libraries
    )


def _delete_tree(directory: str) -> None:
    if not default_storage.exists(directory):
        return
    subdirectories, names = default_storage.listdir(directory)
    for name in names:
        default_storage.delete(f"{directory}/{name}")
    for sub in subdirectories:
        _delete_tree(f"{directory}/{sub}")


def delete_content_files(content: H5PContent) -> None:
    """Remove a content's extracted files (libraries stay: other contents share them)."""
    _delete_tree(content.storage_path)


def content_type_label(content: H5PContent) -> str:
    """ "Multiple Choice (H5P.MultiChoice 1.16.4)" – what editors see as the content type."""
    library = content.main_library
    return (
        f"{library.title} ({library.machine_name} {library.major_version}."
        f"{library.minor_version}.{library.patch_version})"
    )


def play_problem(content: H5PContent) -> str:
    """Why a stored content would not play, in German – or "" when it plays.

    Checks what the player needs: every library of the content installed and runnable where it
    must be, its scripts and styles present in storage, its core API within the bundled player's,
    no content type that needs eval.
    """
    libraries = list(content.libraries.all())
    if content.main_library not in libraries:
        libraries.append(content.main_library)
    if not content.main_library.runnable:
        return "Die Hauptbibliothek ist nicht eigenständig abspielbar."
    supported = player_core_api()
    for library in libraries:
        if library.machine_name in EVAL_LIBRARIES:
            return f"{library.title} {EVAL_LIBRARIES[library.machine_name]}."
        core_api = library.metadata.get("coreApi") or {}
        try:
            needed = (int(core_api["majorVersion"]), int(core_api["minorVersion"]))
        except (KeyError, TypeError, ValueError):
            needed = (0, 0)
        if needed > supported:
            return f"{library.title} braucht H5P {needed[0]}.{needed[1]}."
        for key in ("preloadedJs", "preloadedCss"):
            for entry in library.metadata.get(key) or []:
                path = f"{LIBRARIES_ROOT}/{library.directory_name}/{entry.get('path', '')}"
                if not default_storage.exists(path):
                    return f"Die Datei {path} fehlt auf dem Server."
    if not default_storage.exists(f"{content.storage_path}/content/content.json"):
        return "Die Inhaltsdatei content.json fehlt auf dem Server."
    return ""
