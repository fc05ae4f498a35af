"""Factories for the Digitallotsen workspace: users in the two roles and Lotse profiles."""

import importlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from events.models import (
    District,
    EventIndexPage,
    LotseProfile,
    Room,
    Session,
    Venue,
    WorkshopPage,
)
from events.models.lotsen import DIGITALLOTSEN_GROUP, KOORDINATION_GROUP
from tests.factories.events import (
    DistrictFactory,
    EventIndexPageFactory,
    SessionFactory,
    VenueFactory,
    WorkshopPageFactory,
)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person-{n}")
    first_name = "Petra"
    last_name = factory.Sequence(lambda n: f"Albers {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@datteln.example")
    password = factory.PostGenerationMethodCall("set_password", "ein-sicheres-passwort")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(role_group(name))
        self.save()


def role_group(name: str) -> Group:
    """The group the data migration made; transactional tests flush it, so rebuild it then."""
    group = Group.objects.filter(name=name).first()
    if group is not None:
        return group
    migration = importlib.import_module("events.migrations.0003_lotsen_groups")
    wanted = {
        DIGITALLOTSEN_GROUP: migration.LOTSE_PERMISSIONS,
        KOORDINATION_GROUP: migration.KOORDINATION_PERMISSIONS,
    }.get(name, [])
    if name == KOORDINATION_GROUP:  # rooms came later (0008_rooms_per_venue)
        wanted = [*wanted, *[("events", f"{a}_room") for a in ("add", "change", "delete", "view")]]
    group = Group.objects.create(name=name)
    for app_label, codename in wanted:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


class LotseProfileFactory(factory.django.DjangoModelFactory):
    """A Digitallotse (user in the group) working in `districts`."""

    user = factory.SubFactory(UserFactory, groups=[DIGITALLOTSEN_GROUP])
    display_name = factory.LazyAttribute(lambda o: o.user.get_full_name())
    phone = "02363 107-410"

    class Meta:
        model = LotseProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if extracted:
            self.districts.set(extracted)


def coordinator(**kwargs):
    return UserFactory(groups=[KOORDINATION_GROUP], first_name="Andrea", **kwargs)


@dataclass
class World:
    """Two districts with a venue, a Lotse and an upcoming session each, and a coordinator."""

    calendar: EventIndexPage
    workshop: WorkshopPage
    hagem: District
    ahsen: District
    venue_hagem: Venue
    venue_ahsen: Venue
    lotse_hagem: LotseProfile
    lotse_ahsen: LotseProfile
    coordinator: object
    session_hagem: Session
    session_ahsen: Session
    rooms: dict[str, Room]  # "hagem", "hagem-kueche", "ahsen"


def make_world(home) -> World:
    calendar = EventIndexPageFactory(parent=home)
    workshop = WorkshopPageFactory(
        parent=calendar,
        title="Das Bürgerkonto einrichten",
        slug="buergerkonto-einrichten",
        audience="senioren",
    )
    hagem = DistrictFactory(name="Hagem", slug="hagem")
    ahsen = DistrictFactory(name="Ahsen", slug="ahsen")
    venue_hagem = VenueFactory(name="Bürgerhaus Hagem", district=hagem)
    venue_ahsen = VenueFactory(name="Dorfgemeinschaftshaus Ahsen", district=ahsen)
    lotse_hagem = LotseProfileFactory(
        user__username="lotse-hagem",
        user__first_name="Murat",
        user__last_name="Yılmaz",
        districts=[hagem],
    )
    lotse_ahsen = LotseProfileFactory(
        user__username="lotsin-ahsen",
        user__first_name="Sabine",
        user__last_name="Kühn",
        districts=[ahsen],
    )
    # A morning a week ahead: a session starting late in the evening would end after midnight,
    # which the workspace's day-plus-times form cannot express, and tests would fail by the clock.
    start = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=7), time(10, 0))
    )
    rooms = {
        "hagem": Room.objects.create(venue=venue_hagem, name="Seminarraum", capacity=10),
        "hagem-kueche": Room.objects.create(venue=venue_hagem, name="Küche"),
        "ahsen": Room.objects.create(venue=venue_ahsen, name="Seminarraum"),
    }
    session_hagem = SessionFactory(
        workshop=workshop, venue=venue_hagem, capacity=3, start=start, venue_room=rooms["hagem"]
    )
    session_hagem.digitallotsen.add(lotse_hagem.user)
    session_ahsen = SessionFactory(
        workshop=workshop, venue=venue_ahsen, capacity=3, start=start, venue_room=rooms["ahsen"]
    )
    session_ahsen.digitallotsen.add(lotse_ahsen.user)
    return World(
        calendar,
        workshop,
        hagem,
        ahsen,
        venue_hagem,
        venue_ahsen,
        lotse_hagem,
        lotse_ahsen,
        coordinator(username="koordination"),
        session_hagem,
        session_ahsen,
        rooms,
    )


def session_form_data(session: Session, **changes) -> dict:
    """What the workspace's session form posts for `session`, with `changes` (start/end too)."""
    start = timezone.localtime(changes.pop("start", session.start))
    end = timezone.localtime(changes.pop("end", session.end))
    data = {
        "workshop": session.workshop_id,
        "day": start.date().isoformat(),
        "start_time": start.strftime("%H:%M"),
        "end_time": end.strftime("%H:%M"),
        "venue": session.venue_id,
        "room": session.venue_room_id or "",
        "capacity": session.capacity,
        "group_limit": session.group_limit,
        "digitallotsen": [user.pk for user in session.digitallotsen.all()],
    }
    data.update(changes)
    return data
