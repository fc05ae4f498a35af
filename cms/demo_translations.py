"""Translations of the demo content, loaded from PO files through wagtail-localize.

Every app keeps the translations of the demo objects it owns in
`<app>/demo/translations/<language>/<name>.po`: one file per object, in the format the admin's
"Export PO" gives a translation office. The header field `X-Lernhafen-Source` names the German
source – `page:<path below the German home>` ("page:/" is the home page),
`snippet:<app_label.Model>:<slug>` or, for models without a slug,
`snippet:<app_label.Model>:<name>`.
Entries carry the German msgid without msgctxt, so a file fits any database, whatever block ids a
seed made.

The loader translates the way an editor would in the admin: a `Translation` of the object's
`TranslationSource` into the target locale, one manual `StringTranslation` per source string,
then the translated page or snippet is saved and published. Idempotent: a second run finds every
string translated already and saves nothing. Strings an editor changed in the admin (they carry
the editor as `last_translated_by`) are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale, Page, Site, TranslatableMixin
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

SOURCE_HEADER = "X-Lernhafen-Source"


@dataclass
class TranslationFile:
    """One PO file: which object it translates into which language, and its strings."""

    path: Path
    language: str
    source_id: str
    strings: dict[str, str]

    @property
    def is_page(self) -> bool:
        return self.source_id.startswith("page:")


@dataclass
class LoadReport:
    """What a run did (`saved`) and what a translator should look at (`problems`)."""

    saved: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def translation_files() -> list[TranslationFile]:
    """Every `<app>/demo/translations/<language>/*.po` of the installed apps, sorted by path."""
    found = []
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path) / "demo" / "translations"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*/*.po")):
            po = polib.pofile(str(path))
            found.append(
                TranslationFile(
                    path=path,
                    language=path.parent.name,
                    source_id=po.metadata.get(SOURCE_HEADER, ""),
                    strings={
                        entry.msgid: entry.msgstr
                        for entry in po
                        if not entry.obsolete and entry.msgid
                    },
                )
            )
    return found


def resolve_source(source_id: str) -> TranslatableMixin:
    """The German object a source id names; `LookupError` if there is none."""
    kind, _, rest = source_id.partition(":")
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    if kind == "page":
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise LookupError("no default site")
        home = site.root_page
        url_path = home.url_path + rest.strip("/") + "/" if rest.strip("/") else home.url_path
        page = Page.objects.filter(url_path=url_path, locale=source_locale).first()
        if page is None:
            raise LookupError(f"no German page at {url_path}")
        return page.specific
    if kind == "snippet":
        label, _, key = rest.partition(":")
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise LookupError(f"no model {label!r}") from error
        names = {model_field.name for model_field in model._meta.get_fields()}
        key_field = "slug" if "slug" in names else "name"
        instance = model._default_manager.filter(**{key_field: key, "locale": source_locale})
        if not instance.exists():
            raise LookupError(f"no German {label} with {key_field} {key!r}")
        return instance.get()
    raise LookupError(f"unknown source kind {kind!r}")


def _order(item: tuple[TranslationFile, TranslatableMixin]) -> tuple:
    # Snippets first (pages point at them), then pages parents before children.
    file, instance = item
    if isinstance(instance, Page):
        return (1, instance.depth, instance.path, file.language)
    return (0, 0, file.source_id, file.language)


def load_demo_translations(log: Callable[[str], None] = print) -> LoadReport:
    """Translate the demo objects named by the PO files; report missing and stale strings."""
    report = LoadReport()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    work = []
    for file in translation_files():
        where = f"{file.path.parent.name}/{file.path.name}"
        if file.language not in locales or file.language == settings.LANGUAGE_CODE:
            report.problems.append(f"{where}: no target locale {file.language!r}")
            continue
        try:
            work.append((file, resolve_source(file.source_id)))
        except LookupError as error:
            report.problems.append(f"{where}: source {file.source_id!r} not found ({error})")
    for file, instance in sorted(work, key=_order):
        try:
            with transaction.atomic():
                _translate(file, instance, locales[file.language], report, log)
        except ValidationError as error:  # a translation too long for its field, say
            report.problems.append(f"{file.path.parent.name}/{file.path.name}: {error}")
    return report


def _translate(
    file: TranslationFile,
    instance: TranslatableMixin,
    locale: Locale,
    report: LoadReport,
    log: Callable[[str], None],
) -> None:
    where = f"{file.path.parent.name}/{file.path.name}"
    source, changed = TranslationSource.update_or_create_from_instance(instance)
    _translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    changed = changed or created
    wanted = set()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        msgid = segment.string.data
        wanted.add(msgid)
        msgstr = file.strings.get(msgid, "")
        if not msgstr.strip():
            report.problems.append(f"{where}: untranslated (German shown): {msgid[:80]!r}")
            continue
        changed |= _set_string(segment, locale, msgstr)
    for msgid in sorted(file.strings.keys() - wanted):
        report.problems.append(f"{where}: stale (not in the German source): {msgid[:80]!r}")
    changed |= _translate_related_objects(source, locale, report, log)
    if changed or not _has_live_translation(instance, locale):
        translated = _save_translation(source, locale)
        report.saved.append(f"{locale.language_code}: {_describe(translated)}")
        log(f"  + Übersetzung ({locale.language_code}): {_describe(translated)}")


def _set_string(segment: StringSegment, locale: Locale, msgstr: str) -> bool:
    """Store one translated string; True when it is new or the file's text changed."""
    string_translation, created = StringTranslation.objects.get_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={
            "data": msgstr,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "updated_at": timezone.now(),
        },
    )
    if created:
        return True
    if string_translation.data == msgstr or string_translation.last_translated_by_id:
        return False  # up to date, or an editor's text from the admin: theirs stays
    string_translation.data = msgstr
    string_translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    string_translation.updated_at = timezone.now()
    string_translation.has_error = False
    string_translation.save()
    return True


def _translate_related_objects(
    source: TranslationSource, locale: Locale, report: LoadReport, log: Callable[[str], None]
) -> bool:
    """Give the snippets a translation points at (a tutorial's digital service) a translation.

    An object without a file for this language is copied with its German text (wagtail-localize's
    fallback), so the translated page refers to an object in its own locale; its file, when one
    comes, replaces the German text. Pages linked from a page are not copied: links to pages are
    localised when the page is shown.
    """
    changed = False
    for segment in RelatedObjectSegment.objects.filter(source=source).select_related("object"):
        related = segment.object
        if related.has_translation(locale):
            continue
        instance = related.get_instance(source.locale)
        related_source, _ = TranslationSource.update_or_create_from_instance(instance)
        Translation.objects.get_or_create(
            source=related_source, target_locale=locale, defaults={"enabled": True}
        )
        translated = _save_translation(related_source, locale)
        report.problems.append(
            f"{locale.language_code}: no file for {_describe(instance)}, German text copied"
        )
        log(f"  + Übersetzung ({locale.language_code}, deutscher Text): {_describe(translated)}")
        changed = True
    return changed


def _has_live_translation(instance: TranslatableMixin, locale: Locale) -> bool:
    translated = instance.get_translation_or_none(locale)
    if translated is None:
        return False
    if isinstance(translated, Page):
        return translated.live and translated.alias_of_id is None
    return True


def _save_translation(source: TranslationSource, locale: Locale) -> models.Model:
    """Save and publish the translation, as "Publish" in wagtail-localize's editor does.

    `Translation.save_target` publishes pages on commit; the seed runs in one transaction and
    must see its pages live before that (a child is copied below its published parent), so the
    revision is published right away here.
    """
    draftable = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
    translated, _created = source.create_or_update_translation(
        locale, publish=not draftable, copy_parent_pages=True, fallback=True
    )
    if draftable:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated


def _describe(instance: models.Model) -> str:
    if isinstance(instance, Page):
        return instance.url_path
    return f"{instance._meta.verbose_name} „{instance}“"
