"""Checking and installing H5P packages (.h5p = ZIP) – the rules the admin upload, the
``import_h5p`` command and the demo seeding share.

``check_package(data)`` reads and validates a package completely in memory and either returns a
``CheckedPackage`` or raises ``PackageRejected`` with the reason in German. Nothing is written
before a package has passed every check. ``install_package(checked, …)`` then extracts it to
media storage: libraries once per ``machineName-major.minor`` under ``h5p/libraries/`` (shared
by all contents), the content under ``h5p/content/<key>/``. Installing a library version the
site does not have yet needs the permission ``learning.install_h5plibrary``.

Our rules on top of pyh5p: H5P's allow-list of file types, with ``.js``/``.css`` only inside
library folders; limits per file, in total, in number and in compression ratio; no path
traversal, absolute paths, symlinks, duplicate names (also by case) or unusual characters;
SVG without scripts, event handlers, foreign objects or external references; well-formed
``h5p.json``, ``content/content.json`` and ``library.json``; the main library and every
dependency present in the package or already installed.
"""

from __future__ import annotations

import io
import json
import re
import stat
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from xml.etree import ElementTree

import pyh5p
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
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
SAFE_NAME = re.compile(r"^[A-Za-z0-9._\-/ ]+$")
LIBRARY_DIRECTORY = re.compile(r"^[A-Za-z0-9._]+(-\d+\.\d+)?$")


class PackageRejected(Exception):
    """The package is not installed; `reason` says why, in German, for editors."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


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


def _check_member(info: zipfile.ZipInfo, seen: set[str], limits: dict[str, int]) -> None:
    name = info.filename
    if "\x00" in name or "\\" in name:
        raise PackageRejected(f"Unzulässiger Dateiname im Paket: „{name!r}“.")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise PackageRejected(f"Das Paket enthält einen absoluten Pfad: „{name}“.")
    parts = PurePosixPath(name).parts
    if any(part in {"..", "."} for part in parts):
        raise PackageRejected(f"Der Pfad „{name}“ zeigt aus dem Paket hinaus.")
    key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
    if key in seen:
        raise PackageRejected(f"Der Dateiname „{name}“ kommt im Paket mehrfach vor.")
    seen.add(key)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackageRejected(f"Das Paket enthält eine symbolische Verknüpfung: „{name}“.")
    if info.is_dir():
        return
    if not SAFE_NAME.match(name) or any(part.startswith(".") for part in parts):
        raise PackageRejected(
            f"Der Dateiname „{name}“ ist nicht erlaubt (nur Buchstaben ohne Umlaute, Ziffern, "
            "Punkt, Binde- und Unterstrich; keine versteckten Dateien)."
        )
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    top = parts[0]
    if not extension:
        raise PackageRejected(f"Die Datei „{name}“ hat keine Dateiendung.")
    if extension in LIBRARY_EXTENSIONS:
        if len(parts) < 2 or top == "content":
            raise PackageRejected(
                f"Programmcode (.{extension}) ist nur in Bibliotheksordnern erlaubt, nicht in "
                f"„{name}“."
            )
    elif extension not in CONTENT_EXTENSIONS:
        raise PackageRejected(
            f"Der Dateityp .{extension} ist in H5P-Paketen nicht erlaubt: „{name}“."
        )
    if info.file_size > limits["max_file_size"]:
        raise PackageRejected(
            f"Die Datei „{name}“ ist größer als erlaubt ({_megabytes(limits['max_file_size'])})."
        )
    if info.file_size > 1024 and info.file_size / max(info.compress_size, 1) > limits["max_ratio"]:
        raise PackageRejected(
            f"Die Datei „{name}“ ist ungewöhnlich stark komprimiert (Verdacht auf eine ZIP-Bombe)."
        )


def check_svg(name: str, data: bytes) -> None:
    """Reject SVG that could run code or load anything from elsewhere."""
    text = data.decode("utf-8", errors="replace")
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise PackageRejected(f"Die SVG-Datei „{name}“ enthält eine DTD; das ist nicht erlaubt.")
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 – DTDs and entities are refused above
    except ElementTree.ParseError:
        raise PackageRejected(f"Die SVG-Datei „{name}“ ist fehlerhaft.") from None
    forbidden = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in forbidden:
            raise PackageRejected(f"Die SVG-Datei „{name}“ enthält ein <{tag}>-Element.")
        if tag == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", element.text or ""):
            raise PackageRejected(f"Die SVG-Datei „{name}“ lädt Stile von außen.")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise PackageRejected(
                    f"Die SVG-Datei „{name}“ enthält ein Skript im Attribut „{local}“."
                )
            if local == "href" and not value.strip().startswith("#"):
                raise PackageRejected(f"Die SVG-Datei „{name}“ verweist nach außen: „{value}“.")
            if local == "style" and re.search(r"url\(\s*['\"]?(?!#)|expression", value, re.I):
                raise PackageRejected(f"Die SVG-Datei „{name}“ lädt Inhalte von außen.")


def _json_object(files: dict[str, bytes], name: str) -> dict[str, Any]:
    if name not in files:
        raise PackageRejected(f"Im Paket fehlt die Datei „{name}“.")
    try:
        value = json.loads(files[name].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageRejected(f"Die Datei „{name}“ ist kein gültiges JSON.") from None
    if not isinstance(value, dict):
        raise PackageRejected(f"Die Datei „{name}“ muss ein JSON-Objekt enthalten.")
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


def _check_library(directory: str, files: dict[str, bytes]) -> PackagedLibrary:
    where = f"{directory}/library.json"
    metadata = _json_object(files, "library.json") if "library.json" in files else None
    if metadata is None:
        raise PackageRejected(f"Im Bibliotheksordner „{directory}“ fehlt die Datei library.json.")
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
    for key in ("preloadedJs", "preloadedCss"):
        entries = metadata.get(key, [])
        if not isinstance(entries, list):
            raise PackageRejected(f"{where}: „{key}“ muss eine Liste sein.")
        for entry in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if not isinstance(path, str) or path not in files:
                raise PackageRejected(f"{where}: Die Datei „{path}“ aus „{key}“ fehlt im Paket.")
    if "semantics.json" in files:
        try:
            json.loads(files["semantics.json"].decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise PackageRejected(f"{directory}/semantics.json ist kein gültiges JSON.") from None
    return PackagedLibrary(library_id, directory, metadata, files)


def check_package(data: bytes) -> CheckedPackage:
    """Read and validate a whole package in memory; raise PackageRejected with the reason."""
    limits = _limits()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PackageRejected("Die Datei ist kein ZIP-Archiv und damit kein H5P-Paket.")
    files: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits["max_files"]:
                raise PackageRejected(f"Das Paket enthält mehr als {limits['max_files']} Dateien.")
            seen: set[str] = set()
            total = 0
            for info in infos:
                _check_member(info, seen, limits)
                total += info.file_size
                if total > limits["max_total_size"]:
                    raise PackageRejected(
                        "Das Paket ist entpackt größer als erlaubt "
                        f"({_megabytes(limits['max_total_size'])})."
                    )
            for info in infos:
                if not info.is_dir():
                    # zipfile stops at the declared size and checks the CRC: a member cannot
                    # expand beyond what was checked above.
                    files[info.filename] = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise PackageRejected(
            "Das ZIP-Archiv ist beschädigt oder nutzt ein unbekanntes Format."
        ) from None

    metadata = _json_object(files, "h5p.json")
    content = _json_object(files, "content/content.json")
    for key in ("title", "mainLibrary", "language", "preloadedDependencies"):
        if key not in metadata:
            raise PackageRejected(f"h5p.json: Die Angabe „{key}“ fehlt.")
    if not isinstance(metadata["mainLibrary"], str) or not isinstance(metadata["title"], str):
        raise PackageRejected("h5p.json: „title“ und „mainLibrary“ müssen Text sein.")
    dependencies = _dependency_keys(metadata["preloadedDependencies"], "h5p.json")

    by_directory: dict[str, dict[str, bytes]] = {}
    content_files: dict[str, bytes] = {}
    for name, payload in files.items():
        if name == "h5p.json":
            continue
        if name.startswith("content/"):
            content_files[name.removeprefix("content/")] = payload
            continue
        directory, _, rest = name.partition("/")
        if not rest:
            raise PackageRejected(f"Unerwartete Datei auf oberster Ebene: „{name}“.")
        if not LIBRARY_DIRECTORY.match(directory):
            raise PackageRejected(f"Der Ordnername „{directory}“ ist ungültig.")
        by_directory.setdefault(directory, {})[rest] = payload
    for name, payload in files.items():
        if name.lower().endswith(".svg"):
            check_svg(name, payload)

    libraries = [_check_library(d, f) for d, f in sorted(by_directory.items())]
    packaged = {(lib.id.machine_name, lib.id.major, lib.id.minor): lib for lib in libraries}
    if len(packaged) != len(libraries):
        raise PackageRejected("Das Paket enthält dieselbe Bibliothek zweimal.")

    # pyh5p as a second opinion on the package structure and the content's media paths.
    try:
        package = pyh5p.read_package(
            data,
            limits=pyh5p.PackageLimits(
                max_files=limits["max_files"],
                max_file_size=limits["max_file_size"],
                max_total_size=limits["max_total_size"],
                max_compression_ratio=float(limits["max_ratio"]),
            ),
        )
        issues = package.validate(require_content=True, allow_content_only=True)
    except pyh5p.H5PError as exc:
        raise PackageRejected(f"Das Paket ist fehlerhaft: {exc}") from None
    if issues:
        raise PackageRejected(f"Das Paket ist fehlerhaft: {issues[0]}")

    main = next((key for key in dependencies if key[0] == metadata["mainLibrary"]), None)
    if main is None:
        raise PackageRejected(
            f"h5p.json: Die Hauptbibliothek „{metadata['mainLibrary']}“ steht nicht in "
            "„preloadedDependencies“."
        )
    needed = set(dependencies)
    for lib in libraries:
        for key in ("preloadedDependencies", "dynamicDependencies"):
            needed |= _dependency_keys(lib.metadata.get(key), f"{lib.directory}/library.json")
    installed = _installed(needed - packaged.keys())
    missing = sorted(needed - packaged.keys() - installed)
    if main in missing:
        raise PackageRejected(
            f"Die Hauptbibliothek {main[0]} {main[1]}.{main[2]} fehlt im Paket und ist auch "
            "nicht installiert."
        )
    if missing:
        names = ", ".join(f"{m} {a}.{b}" for m, a, b in missing)
        raise PackageRejected(
            f"Diese Bibliotheken fehlen im Paket und sind nicht installiert: {names}."
        )
    main_library = packaged.get(main)
    if main_library is not None and not main_library.metadata.get("runnable"):
        raise PackageRejected(f"Die Hauptbibliothek {main[0]} ist nicht eigenständig abspielbar.")
    return CheckedPackage(metadata, content, content_files, libraries, main, needed)


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
