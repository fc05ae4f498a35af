"""StreamField blocks: images always have alt text or are marked decorative."""

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.blocks import AccessibleImageBlock, CalloutBlock, DownloadsBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return Image.objects.create(title="Bürgerbüro", file=get_test_image_file())


def test_image_without_alt_text_is_rejected_unless_decorative(image):
    block = AccessibleImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "alt_text" in error.value.block_errors

    assert block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Eingang des Rathauses"}))


def test_decorative_image_cannot_also_have_alt_text(image):
    block = AccessibleImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "Text", "decorative": True}))
    assert "decorative" in error.value.block_errors


def test_image_renders_its_alt_text_or_an_empty_alt(image):
    block = AccessibleImageBlock()
    html = block.render(block.to_python({"image": image.pk, "alt_text": "Eingang des Rathauses"}))
    assert 'alt="Eingang des Rathauses"' in html
    html = block.render(block.to_python({"image": image.pk, "decorative": True}))
    assert 'alt=""' in html


@pytest.mark.parametrize(
    ("kind", "css", "prefix"),
    [
        ("info", "kern-alert--info", ""),
        ("tip", "kern-alert--info", "Tipp: "),
        ("warning", "kern-alert--warning", "Achtung: "),
        ("success", "kern-alert--success", ""),
    ],
)
def test_callout_uses_kern_alert_variants(kind, css, prefix):
    block = CalloutBlock()
    html = block.render(block.to_python({"kind": kind, "title": "Wichtig", "text": "<p>x</p>"}))
    assert f"kern-alert {css}" in html
    assert f"{prefix}Wichtig" in html
    assert 'aria-hidden="true"' in html  # the icon is decoration


def test_downloads_say_file_type_and_size():
    document = Document.objects.create(
        title="Arbeitsblatt", file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="a.pdf")
    )
    block = DownloadsBlock()
    html = block.render(
        block.to_python(
            {"heading": "Material", "items": [{"document": document.pk, "description": "2 Seiten"}]}
        )
    )
    assert "Arbeitsblatt" in html and "PDF, 2,0" in html and "2 Seiten" in html


def test_every_component_template_documents_its_parameters():
    from pathlib import Path

    from django.conf import settings

    for template in (Path(settings.BASE_DIR) / "templates" / "components").glob("*.html"):
        assert template.read_text().lstrip().startswith("{% comment %}"), template.name
    assert render_to_string("components/search_form.html", {"id_prefix": "t"})
