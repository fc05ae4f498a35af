"""Demo content of the calendar (seed_demo, order 20): districts, venues, workshops, sessions.

Idempotent: districts, venues and services by slug, workshops by slug under /kalender/, series
by workshop, venue and rule. Demo bookings are phone-only, so seeding sends no mail.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from cms.demo import DemoSite
from courses.models import CoursePage, DigitalService
from events import services
from events.models import District, EventIndexPage, Session, SessionSeries, Venue, WorkshopPage

DISTRICTS = [
    ("innenstadt", "Innenstadt"),
    ("hagem", "Hagem"),
    ("meckinghoven", "Meckinghoven"),
    ("ahsen", "Ahsen"),
    ("horneburg", "Horneburg"),
]

VENUES = [
    {
        "name": "Stadtbibliothek Datteln",
        "district": "innenstadt",
        "street": "Kolpingstraße 1",
        "postcode": "45711",
        "latitude": Decimal("51.653910"),
        "longitude": Decimal("7.341620"),
        "step_free_access": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "parking": "Parkplatz am Neumarkt, 2 Behindertenparkplätze direkt am Eingang",
        "public_transport": "Bus SB 22 und 231, Haltestelle Datteln Busbahnhof, 200 m zu Fuß",
        "accessibility_note": "Aufzug ins Obergeschoss. Große Bildschirme und Lupen vorhanden.",
    },
    {
        "name": "Bürgerhaus Hagem",
        "district": "hagem",
        "street": "Hagemer Kirchweg 12",
        "postcode": "45711",
        "latitude": Decimal("51.660420"),
        "longitude": Decimal("7.356880"),
        "step_free_access": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "parking": "Parkplätze hinter dem Haus",
        "public_transport": "Bus 233, Haltestelle Hagem Kirche, 50 m zu Fuß",
        "accessibility_note": "Der Seminarraum liegt im Erdgeschoss.",
    },
    {
        "name": "Stadtteiltreff Meckinghoven",
        "district": "meckinghoven",
        "street": "Dortmunder Straße 160",
        "postcode": "45711",
        "latitude": Decimal("51.635210"),
        "longitude": Decimal("7.366940"),
        "step_free_access": False,
        "accessible_toilet": False,
        "hearing_loop": False,
        "parking": "Wenige Parkplätze an der Straße",
        "public_transport": "Bus SB 22, Haltestelle Meckinghoven Markt, 150 m zu Fuß",
        "accessibility_note": "Drei Stufen am Eingang, eine mobile Rampe ist vorhanden – bitte "
        "geben Sie bei der Anmeldung Bescheid.",
    },
    {
        "name": "Dorfgemeinschaftshaus Ahsen",
        "district": "ahsen",
        "street": "Ahsener Dorfstraße 5",
        "postcode": "45711",
        "latitude": Decimal("51.693050"),
        "longitude": Decimal("7.289410"),
        "step_free_access": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "parking": "Großer Parkplatz am Haus",
        "public_transport": "Bus 280, Haltestelle Ahsen Mitte, 100 m zu Fuß",
        "accessibility_note": "",
    },
    {
        "name": "Gesamtschule Datteln",
        "district": "horneburg",
        "street": "Südring 50",
        "postcode": "45711",
        "latitude": Decimal("51.646330"),
        "longitude": Decimal("7.335120"),
        "step_free_access": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "parking": "Lehrkräfte-Parkplatz am Südring",
        "public_transport": "Bus 231, Haltestelle Schulzentrum, direkt vor der Tür",
        "accessibility_note": "Computerraum 1.12 im ersten Stock, mit Aufzug erreichbar.",
    },
]

# The digital services the courses demo seeds first (courses/demo/catalogue.toml), by
# the same slugs: one "CityApp Datteln", not a second "CityApp" next to it.
SERVICES = {
    "online-terminvergabe-buergerbuero": (
        "Online-Terminvergabe Bürgerbüro",
        "Termine im Bürgerbüro online buchen.",
    ),
    "bundid": ("Bürgerkonto (BundID)", "Ein Konto für Anträge bei Stadt, Land und Bund."),
    "stadt-wlan": (
        "Stadt-WLAN Datteln",
        "Kostenloses WLAN in der Innenstadt und in städtischen Häusern.",
    ),
    "cityapp-datteln": (
        "CityApp Datteln",
        "Die App der Stadt: Termine, Abfallkalender, Mängelmelder.",
    ),
    "online-ausweis": (
        "Online-Ausweis (eID)",
        "Mit dem Personalausweis und dem Smartphone ausweisen.",
    ),
}

WORKSHOPS = [
    {
        "slug": "termine-online-buchen",
        "title": "Termine im Bürgerbüro online buchen",
        "service": "online-terminvergabe-buergerbuero",
        "audience": "senioren",
        "summary": "Wir zeigen Ihnen, wie Sie einen Termin im Bürgerbüro am Smartphone oder "
        "Computer buchen – ohne Warteschleife am Telefon.",
        "description": "<p>Gemeinsam suchen wir einen freien Termin, zum Beispiel für einen "
        "neuen Personalausweis, und buchen ihn. Sie lernen, wo die Bestätigung ankommt und wie "
        "Sie einen Termin verschieben.</p><p>Sie üben an Ihrem eigenen Gerät. Wer keins hat, "
        "bekommt ein Leihgerät.</p>",
        "what_to_bring": "Ihr Smartphone oder Tablet (aufgeladen), falls vorhanden",
        "series": [
            ("innenstadt-0", "FREQ=WEEKLY;BYDAY=TU;COUNT=13", 10, 8, 1),
            ("hagem-1", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=7", 14, 6, 1),
        ],
    },
    {
        "slug": "buergerkonto-einrichten",
        "title": "Das Bürgerkonto einrichten",
        "service": "bundid",
        "audience": "alle",
        "summary": "Schritt für Schritt zum eigenen Bürgerkonto: Anträge stellen Sie danach "
        "bequem von zu Hause.",
        "description": "<p>Wir legen zusammen Ihr Bürgerkonto an, wählen ein sicheres Passwort "
        "und stellen einen ersten Antrag zur Probe.</p>",
        "what_to_bring": "Ihren Personalausweis, Ihr Smartphone und Ihre E-Mail-Zugangsdaten",
        "series": [
            ("innenstadt-0", "FREQ=WEEKLY;BYDAY=WE;COUNT=13", 15, 6, 1),
            ("ahsen-3", "FREQ=MONTHLY;BYDAY=1SA;COUNT=3", 10, 8, 1),
        ],
    },
    {
        "slug": "stadt-wlan-sicher-nutzen",
        "title": "Sicher ins Stadt-WLAN",
        "service": "stadt-wlan",
        "audience": "alle",
        "summary": "Kostenlos surfen in der Stadt – und dabei sicher bleiben. Wir verbinden Ihr "
        "Gerät mit dem Stadt-WLAN und erklären, worauf Sie achten sollten.",
        "description": "<p>Sie lernen, woran Sie ein echtes WLAN der Stadt erkennen und warum "
        "Sie in offenen Netzen kein Online-Banking machen sollten.</p>",
        "what_to_bring": "Ihr Smartphone, Tablet oder Notebook",
        "series": [("meckinghoven-2", "FREQ=WEEKLY;BYDAY=MO;COUNT=13", 10, 6, 1)],
    },
    {
        "slug": "cityapp-kennenlernen",
        "title": "Die CityApp kennenlernen",
        "service": "cityapp-datteln",
        "audience": "senioren",
        "summary": "Abfallkalender, Mängelmelder und Veranstaltungen: Wir installieren die "
        "CityApp gemeinsam und probieren sie aus.",
        "description": "<p>Nach dem Workshop erinnert Sie die App an die Abfuhrtermine und Sie "
        "können eine kaputte Straßenlaterne mit einem Foto melden.</p>",
        "what_to_bring": "Ihr Smartphone (aufgeladen) und das Passwort für den App-Store",
        "series": [("hagem-1", "FREQ=WEEKLY;BYDAY=FR;COUNT=13", 10, 8, 1)],
    },
    {
        "slug": "online-ausweis-smartphone",
        "title": "Online-Ausweis mit dem Smartphone",
        "service": "online-ausweis",
        "audience": "alle",
        "summary": "Mit Personalausweis und Smartphone sicher online ausweisen – wir richten "
        "die AusweisApp mit Ihnen ein.",
        "description": "<p>Wir prüfen, ob die Online-Funktion Ihres Ausweises eingeschaltet ist, "
        "und üben das Ausweisen mit der AusweisApp.</p>",
        "what_to_bring": "Ihren Personalausweis und Ihre 6-stellige PIN (oder den PIN-Brief)",
        "series": [
            ("innenstadt-0", "FREQ=WEEKLY;BYDAY=TH;COUNT=13", 10, 6, 1),
            ("ahsen-3", "FREQ=MONTHLY;BYDAY=3TU;COUNT=3", 14, 6, 1),
        ],
    },
    {
        "slug": "klassenworkshop-cityapp",
        "title": "Klassen-Workshop: Die Stadt in der App",
        "service": "cityapp-datteln",
        "audience": "schulen",
        "summary": "Für Klassen 7 bis 10: Wie digitale Angebote der Stadt funktionieren – und "
        "was mit unseren Daten passiert. Lehrkräfte melden die ganze Klasse auf einmal an.",
        "description": "<p>Zwei Schulstunden mit Digitallotsen: Die Klasse erkundet die CityApp, "
        "meldet einen Mangel zur Probe und spricht über Datenschutz.</p>",
        "what_to_bring": "Schul-Tablets oder eigene Smartphones",
        "series": [("horneburg-4", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20", 8, 30, 30)],
    },
]

DEMO_PEOPLE = [
    "Erika Brandt", "Heinz Kowalski", "Gisela Schulte", "Jürgen Nowak", "Renate Hoffmann",
    "Wolfgang Becker", "Ursula Wagner", "Manfred Schröder", "Helga Krüger", "Dieter Lange",
    "Ingrid Vogel", "Klaus Richter",
]  # fmt: skip


def _monday_of_next_week() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(
        datetime.combine(today + timedelta(days=7 - today.weekday()), time.min)
    )


def seed_events(demo: DemoSite) -> None:
    calendar = demo.ensure_page(
        demo.home,
        EventIndexPage,
        "kalender",
        title="Workshops in Ihrem Stadtteil",
        show_in_menus=True,
        intro="Digitallotsen helfen Ihnen persönlich – in der Stadtbibliothek, im Bürgerhaus und "
        "in den Stadtteiltreffs. Die Teilnahme ist kostenlos. Melden Sie sich online oder am "
        "Telefon an.",
    )
    districts = {}
    for slug, name in DISTRICTS:
        districts[slug], _ = District.objects.get_or_create(slug=slug, defaults={"name": name})
    venues = []
    for data in VENUES:
        fields = {**data, "district": districts[data["district"]]}
        venue, _ = Venue.objects.get_or_create(name=data["name"], defaults=fields)
        venues.append(venue)
    week = _monday_of_next_week()
    for data in WORKSHOPS:
        name, description = SERVICES[data["service"]]
        service, _ = DigitalService.objects.get_or_create(
            slug=data["service"], defaults={"name": name, "description": description}
        )
        course = CoursePage.objects.live().filter(digital_services=service).first()
        workshop = demo.ensure_page(
            calendar,
            WorkshopPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            audience=data["audience"],
            what_to_bring=data["what_to_bring"],
            digital_service=service,
            course=course,
        )
        if workshop.course_id is None and course is not None:
            workshop.course = course
            workshop.save_revision().publish()
        for venue_key, rule, hour, capacity, group_limit in data["series"]:
            venue = venues[int(venue_key.rsplit("-", 1)[1])]
            if SessionSeries.objects.filter(workshop=workshop, venue=venue, rrule=rule).exists():
                continue
            series = SessionSeries.objects.create(
                workshop=workshop,
                venue=venue,
                rrule=rule,
                first_start=week + timedelta(hours=hour),
                duration_minutes=90,
                room="Seminarraum" if group_limit == 1 else "Raum 1.12",
                capacity=capacity,
                group_limit=group_limit,
                exdates=_holidays(),
            )
            services.generate_sessions(series)
    _demo_bookings()


def _holidays() -> str:
    return "\n".join(
        f"{year}-12-24\n{year}-12-25\n{year}-12-26\n{year}-12-31"
        for year in (timezone.localdate().year, timezone.localdate().year + 1)
    )


def _demo_bookings() -> None:
    """Full sessions with a waitlist, some partly booked, one cancelled – unless already there."""
    upcoming = Session.objects.filter(start__gt=timezone.now(), group_limit=1).order_by("start")
    if not Session.objects.filter(registrations__isnull=False).exists():
        for index, session in enumerate(upcoming[:12]):
            if index % 3 == 0:  # full, two waiting
                wanted = session.capacity + 2
            elif index % 3 == 1:
                wanted = session.capacity - 2
            else:
                wanted = 1
            for number in range(wanted):
                services.register(
                    session,
                    name=DEMO_PEOPLE[number % len(DEMO_PEOPLE)],
                    phone=f"02363 555 {100 + number}",
                )
    if not Session.objects.filter(status=Session.CANCELLED).exists():
        candidate = upcoming.annotate(booked=Sum("registrations__seats")).filter(booked=None).last()
        if candidate:
            services.cancel_session(candidate)
