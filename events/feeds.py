"""Subscribable calendar feeds (/kalender/feed.ics, per district, course and workshop).

Calendar apps poll feeds every few hours, so a feed answers from what it contains: one
aggregate query gives its version (number of sessions, newest change, sum of SEQUENCEs, newest
workshop publish). That version is the cache key and the strong ETag; the newest change is
Last-Modified; an unchanged feed is answered with 304 before anything is built. The horizon
is whole days (30 back, about 12 months ahead), so the key stays the same all day.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.i18n import source_locale_id
from courses.models import CoursePage
from events import ics
from events.models import District, EventIndexPage, Session, WorkshopPage
from events.models.pages import ics_url

PAST_DAYS = 30
AHEAD_DAYS = 366
MAX_AGE = 15 * 60  # seconds calendar clients and shared proxies may reuse a feed unasked
CACHE_SECONDS = 24 * 60 * 60  # the key changes with the content, so entries never go stale


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def in_horizon(sessions: QuerySet[Session], today: date) -> QuerySet[Session]:
    return sessions.filter(
        end__gte=_day_start(today - timedelta(days=PAST_DAYS)),
        start__lt=_day_start(today + timedelta(days=AHEAD_DAYS)),
    )


def feed(
    request: HttpRequest,
    page: EventIndexPage,
    *,
    district_slug: str | None = None,
    course_slug: str | None = None,
    workshop: WorkshopPage | None = None,
) -> HttpResponse:
    sessions = Session.objects.public()
    name = _("Lernhafen: Workshops")
    filename = "lernhafen-workshops.ics"
    if district_slug:
        district = District.objects.originals().filter(slug=district_slug).first()
        if district is None:
            raise Http404("Stadtteil nicht gefunden")
        sessions = sessions.filter(venue__district=district)
        name = _("Lernhafen: Workshops in %(district)s") % {"district": district.name}
        filename = f"workshops-{district.slug}.ics"
    if course_slug:
        course = CoursePage.objects.live().filter(slug=course_slug).first()
        if course is None:
            raise Http404("Kurs nicht gefunden")
        # A translated course page stands for its German source, which workshops point at.
        sessions = sessions.filter(workshop__course__translation_key=course.translation_key)
        name, filename = f"Lernhafen: {course.title}", f"kurs-{course.slug}.ics"
    if workshop is not None:
        sessions = sessions.filter(workshop.sessions_condition())
        name, filename = f"Lernhafen: {workshop.title}", f"workshop-{workshop.slug}.ics"
    return feed_response(request, sessions, name=name, filename=filename)


def feed_response(
    request: HttpRequest, sessions: QuerySet[Session], *, name: str, filename: str
) -> HttpResponse:
    today = timezone.localdate()
    sessions = in_horizon(sessions, today)
    base_url = request.build_absolute_uri("/").rstrip("/")
    version = sessions.order_by().aggregate(
        count=Count("pk"),
        changed=Max("updated_at"),
        sequences=Sum("sequence"),
        workshop_changed=Max("workshop__last_published_at"),
        venue_changed=Max("venue__updated_at"),
    )
    # The texts in the entries are in the request's language: one cached body per language.
    parts = (base_url, name, get_language(), today, *version.values())
    key_source = "|".join(str(part) for part in parts)
    digest = hashlib.sha256(key_source.encode()).hexdigest()[:40]
    etag = f'"{digest}"'
    # The horizon moves at midnight (sessions drop out), so the day's start counts as a change.
    changes = [
        version["changed"],
        version["workshop_changed"],
        version["venue_changed"],
        _day_start(today),
    ]
    last_modified = max(c for c in changes if c is not None).astimezone(UTC)
    last_modified_ts = int(last_modified.timestamp())

    response = get_conditional_response(request, etag=etag, last_modified=last_modified_ts)
    if response is None:
        key = f"events:feed:{digest}"
        body = cache.get(key)
        if body is None:
            body = ics.feed(
                sessions.select_related("workshop", "venue").order_by("start", "pk"),
                name=name,
                base_url=base_url,
            )
            cache.set(key, body, CACHE_SECONDS)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified_ts)
    # Calendar apps poll; let them and any shared proxy reuse the feed, then revalidate.
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def course_feed_links(request: HttpRequest, page, sessions: list[Session]) -> dict | None:
    """https and webcal:// addresses of a course's feed, for the course page, once one of the
    upcoming `sessions` shown there belongs to the course; None otherwise (no query then)."""
    if not isinstance(page, CoursePage):
        return None
    course_id = page.pk
    if page.locale_id != source_locale_id():
        # A translated course page: workshops point at its German source (one query).
        course_id = (
            CoursePage.objects.filter(translation_key=page.translation_key)
            .filter(locale_id=source_locale_id())
            .values_list("pk", flat=True)
            .first()
        )
    if not any(session.workshop.course_id == course_id for session in sessions):
        return None
    calendar = EventIndexPage.objects.parent_of(sessions[0].localized_workshop).first()
    if calendar is None:
        return None
    https = request.build_absolute_uri(ics_url(calendar, "course_feed", page.slug))
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}
