"""Factories for the calendar: districts, venues, workshops, sessions (STYLE.md §7)."""

from datetime import timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from events.models import District, EventIndexPage, Room, Session, Venue, WorkshopPage, room_key


class DistrictFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Stadtteil {n}")
    slug = factory.Sequence(lambda n: f"stadtteil-{n}")

    class Meta:
        model = District
        django_get_or_create = ("slug",)


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bürgerhaus {n}")
    district = factory.SubFactory(DistrictFactory)
    street = "Hohe Straße 1"
    postcode = "45711"
    latitude = Decimal("51.653910")
    longitude = Decimal("7.341620")
    step_free_access = True
    accessible_toilet = True
    public_transport = "Bus SB 22, Haltestelle Rathaus"

    class Meta:
        model = Venue


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Workshops"
    slug = "kalender"
    intro = "Hilfe in Ihrem Stadtteil."

    class Meta:
        model = EventIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    summary = "Wir zeigen Ihnen Schritt für Schritt, wie es geht."
    what_to_bring = "Ihr Smartphone"

    class Meta:
        model = WorkshopPage


class SessionFactory(factory.django.DjangoModelFactory):
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(minutes=90))
    venue = factory.SubFactory(VenueFactory)
    room = "Seminarraum"
    # The venue's room of that name (made if missing), as the workspace form would choose it.
    venue_room = factory.LazyAttribute(
        lambda o: (
            Room.objects.get_or_create(
                venue=o.venue, key=room_key(o.room), defaults={"name": o.room}
            )[0]
            if o.room
            else None
        )
    )
    capacity = 8
    group_limit = 1

    class Meta:
        model = Session


def bulk_sessions(workshop, venue, count: int, languages: tuple[str, ...] = ("de",)) -> None:
    """`count` sessions of one hour, six hours apart from tomorrow on, in one INSERT; their
    languages cycle through `languages`. For query budgets that must not grow with the data."""
    start = timezone.now() + timedelta(days=1)
    Session.objects.bulk_create(
        Session(
            workshop=workshop,
            venue=venue,
            start=start + timedelta(hours=6 * i),
            end=start + timedelta(hours=6 * i + 1),
            capacity=5,
            language=languages[i % len(languages)],
        )
        for i in range(count)
    )
