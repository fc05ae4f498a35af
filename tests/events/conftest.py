import pytest

from tests.factories.events import (
    EventIndexPageFactory,
    SessionFactory,
    VenueFactory,
    WorkshopPageFactory,
)


@pytest.fixture
def calendar_page(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def workshop(calendar_page):
    return WorkshopPageFactory(parent=calendar_page, slug="termine-online-buchen")


@pytest.fixture
def venue(db):
    return VenueFactory(name="Stadtbibliothek")


@pytest.fixture
def session(workshop, venue):
    return SessionFactory(workshop=workshop, venue=venue, capacity=3)
