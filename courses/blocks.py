"""StreamField blocks of lessons and tutorials (STYLE.md §5).

General blocks (text, image, callout, downloads) come from `cms.blocks`; this module adds what
lessons need: audio/video with a captions track, numbered step lists, and the exercise blocks
another app offers through ``settings.LERNHAFEN_EXERCISE_BLOCKS`` (courses never imports them).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.module_loading import import_string
from wagtail import blocks
from wagtail.blocks import Block, StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import (
    RICH_TEXT_FEATURES,
    AccessibleImageBlock,
    CalloutBlock,
    DownloadsBlock,
)

VIDEO_EXTENSIONS = {"mp4", "webm"}
AUDIO_EXTENSIONS = {"mp3", "ogg", "oga", "m4a"}
MEDIA_TYPES = {
    "mp4": "video/mp4",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "m4a": "audio/mp4",
}


def exercise_blocks() -> list[tuple[str, Block]]:
    """The exercise blocks configured in ``settings.LERNHAFEN_EXERCISE_BLOCKS``, instantiated."""
    return [(name, import_string(path)()) for name, path in settings.LERNHAFEN_EXERCISE_BLOCKS]


class MediaBlock(blocks.StructBlock):
    """A video or audio file from the media library (documents) with a captions track."""

    title = blocks.CharBlock(label="Titel", max_length=120)
    media = DocumentChooserBlock(
        label="Video- oder Audiodatei",
        help_text="MP4 oder WebM für Videos, MP3 oder OGG für Audio. Laden Sie die Datei unter "
        "„Dokumente“ hoch.",
    )
    captions = DocumentChooserBlock(
        label="Untertitel (WebVTT)",
        help_text="Untertitel als .vtt-Datei. Pflicht: Ohne Untertitel können gehörlose und "
        "schwerhörige Menschen nicht folgen.",
    )
    transcript = blocks.TextBlock(
        label="Abschrift",
        required=False,
        help_text="Der gesprochene Text zum Nachlesen. Für Audio besonders wichtig.",
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        media = value.get("media")
        if media and media.file_extension.lower() not in VIDEO_EXTENSIONS | AUDIO_EXTENSIONS:
            errors["media"] = ErrorList(
                [
                    ValidationError(
                        "Bitte eine Video- (MP4, WebM) oder Audiodatei (MP3, OGG) wählen."
                    )
                ]
            )
        captions = value.get("captions")
        if captions and captions.file_extension.lower() != "vtt":
            errors["captions"] = ErrorList(
                [ValidationError("Bitte eine Untertiteldatei im WebVTT-Format (.vtt) wählen.")]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        extension = value["media"].file_extension.lower() if value.get("media") else ""
        context["is_video"] = extension in VIDEO_EXTENSIONS
        context["media_type"] = MEDIA_TYPES.get(extension, "")
        return context

    class Meta:
        icon = "media"
        label = "Video oder Audio"
        template = "courses/blocks/media.html"


class StepItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Schritt", max_length=160, help_text="Eine Handlung.")
    text = blocks.TextBlock(label="Erklärung", required=False, max_length=500)


class StepListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", required=False, max_length=120)
    steps = blocks.ListBlock(StepItemBlock(), label="Schritte", min_num=2)

    class Meta:
        icon = "list-ol"
        label = "Nummerierte Schritte"
        template = "courses/blocks/step_list.html"


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Text", features=RICH_TEXT_FEATURES, template="components/rich_text.html"
    )
    image = AccessibleImageBlock()
    media = MediaBlock()
    callout = CalloutBlock()
    steps = StepListBlock()
    downloads = DownloadsBlock()


def lesson_body_blocks() -> list[tuple[str, Block]]:
    """The child blocks of a lesson's body, with the configured exercise blocks at the end."""
    return [*LessonBodyBlock.base_blocks.items(), *exercise_blocks()]
