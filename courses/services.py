"""What the courses app writes: the DigComp framework and merging duplicate digital services.

Reading for pages (filters, the tutorial views, structured data) lives in `courses/queries.py`.
The data migration 0003, the demo content, the admin and the tests call these functions.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, Revision

from courses.digcomp import AREAS, COMPETENCES
from courses.models import DigCompArea, DigCompCompetence, DigitalService

# --- DigComp ------------------------------------------------------------------------------------


def ensure_digcomp_framework(area_model=DigCompArea, competence_model=DigCompCompetence) -> int:
    """Create the 5 areas and 21 competences of DigComp 2.2 where missing; returns how many.

    Takes the models as arguments so the data migration can pass its historical models.
    Existing rows are left alone: editors may have refined the plain-German phrases.
    """
    created = 0
    areas = {}
    for number, name in AREAS:
        areas[number], was_created = area_model.objects.get_or_create(
            number=number, defaults={"name": name}
        )
        created += was_created
    for code, name, plain_name in COMPETENCES:
        _competence, was_created = competence_model.objects.get_or_create(
            code=code,
            defaults={
                "area": areas[int(code.split(".")[0])],
                "name": name,
                "plain_name": plain_name,
            },
        )
        created += was_created
    return created


# --- Digital services ---------------------------------------------------------------------------


def merge_digital_services(duplicate: DigitalService, into: DigitalService) -> None:
    """Point everything that names `duplicate` (tutorials, courses, workshops – in any app) at
    `into`, including the pages' latest revisions the edit form loads, then delete it."""
    with transaction.atomic():
        for relation in DigitalService._meta.related_objects:
            model = relation.related_model
            field = relation.field
            if relation.many_to_many:
                through = field.remote_field.through
                own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
                owners = list(
                    through.objects.filter(**{other: duplicate}).values_list(own, flat=True)
                )
                # An owner that names both keeps a single link.
                linked_to_both = through.objects.filter(**{other: into}).values(own)
                through.objects.filter(**{other: duplicate, f"{own}__in": linked_to_both}).delete()
                through.objects.filter(**{other: duplicate}).update(**{other: into})
            else:
                owners = list(
                    model._default_manager.filter(**{field.name: duplicate}).values_list(
                        "pk", flat=True
                    )
                )
                model._default_manager.filter(pk__in=owners).update(**{field.name: into})
            if issubclass(model, Page):
                _repoint_latest_revisions(model, owners, field.name, duplicate.pk, into.pk)
        duplicate.delete()


def _repoint_latest_revisions(model, page_ids, key: str, old: int, new: int) -> None:
    revision_ids = model._default_manager.filter(pk__in=page_ids).values("latest_revision_id")
    for revision in Revision.objects.filter(pk__in=revision_ids):
        value = revision.content.get(key)
        if value == old:
            revision.content[key] = new
        elif isinstance(value, list) and old in value:
            revision.content[key] = list(dict.fromkeys(new if v == old else v for v in value))
        else:
            continue
        revision.save(update_fields=["content"])
