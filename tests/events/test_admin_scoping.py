"""Every admin route Wagtail adds for the calendar's and the learning app's snippets answers a
Digitallotse only with their own districts' data: listings, search, choosers, bulk actions,
inspect, history, usage, edit, copy and delete — all through one permission policy per model."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLResolver, get_resolver, reverse

from cms.models import EDITORS_GROUP
from events import services
from events.models import (
    District,
    LotseProfile,
    Registration,
    Room,
    Session,
    SessionSeries,
    Venue,
)
from learning.models import H5PContent, H5PLibrary, Lerngruppe
from tests.factories.events_workspace import UserFactory, make_world

pytestmark = pytest.mark.django_db

SCOPED_MODELS = {
    "events": [
        "session",
        "sessionseries",
        "registration",
        "venue",
        "district",
        "lotseprofile",
        "room",
    ],
    "learning": ["h5pcontent", "h5plibrary", "lerngruppe"],
}


def _walk(patterns, namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            extra = (pattern.namespace,) if pattern.namespace else ()
            yield from _walk(pattern.url_patterns, namespaces + extra)
        else:
            yield ":".join((*namespaces, pattern.name or "")), list(pattern.pattern.converters)


def admin_routes() -> list[tuple[str, str, str, list[str]]]:
    """(url name, app label, model name, URL arguments) of every snippet and chooser view."""
    routes = []
    for name, arguments in _walk(get_resolver().url_patterns):
        namespace = name.rpartition(":")[0]
        for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
            if not namespace.startswith(prefix):
                continue
            app_label, _, model_name = namespace.removeprefix(prefix).partition("_")
            if model_name in SCOPED_MODELS.get(app_label, []):
                routes.append((name, app_label, model_name, arguments))
    return routes


ROUTES = admin_routes()


def test_the_route_list_covers_every_kind_of_view():
    names = {name.rpartition(":")[2] for name, *_ in ROUTES}
    assert {"list", "list_results", "add", "edit", "delete", "copy", "inspect", "history"} <= names
    assert {"usage", "choose", "choose_results", "chosen", "chosen_multiple", "create"} <= names
    assert len(ROUTES) >= 10 * 14


@pytest.fixture
def world(home):
    world = make_world(home)
    # Another day and hour, so the session's title differs from the Lotse's own session.
    world.session_ahsen.start += timedelta(days=1, hours=3)
    world.session_ahsen.end += timedelta(days=1, hours=3)
    world.session_ahsen.save()
    return world


@pytest.fixture
def other_district(world):
    """Rows only people with access to Ahsen (or to the learning app) may ever see."""
    teacher = UserFactory(username="lehrerin", first_name="Hiltrud", last_name="Lehmkuhl")
    library = H5PLibrary.objects.create(
        machine_name="H5P.Geheim", major_version=1, minor_version=0, title="Geheimbibliothek"
    )
    objects = {
        ("events", "session"): world.session_ahsen,
        ("events", "sessionseries"): SessionSeries.objects.create(
            workshop=world.workshop,
            first_start=world.session_ahsen.start + timedelta(days=30),
            duration_minutes=90,
            rrule="FREQ=WEEKLY;COUNT=2",
            venue=world.venue_ahsen,
            capacity=5,
        ),
        ("events", "registration"): services.register(
            world.session_ahsen, name="Walburga Quast", email="walburga@example.org"
        ),
        ("events", "venue"): world.venue_ahsen,
        ("events", "district"): world.ahsen,
        ("events", "lotseprofile"): world.lotse_ahsen,
        ("events", "room"): Room.objects.create(venue=world.venue_ahsen, name="Geheimraum Ahsen"),
        ("learning", "h5plibrary"): library,
        ("learning", "h5pcontent"): H5PContent.objects.create(
            title="Geheimquiz", storage_key="geheim", main_library=library
        ),
        ("learning", "lerngruppe"): Lerngruppe.objects.create(
            name="Klasse 7b Geheimgruppe", teacher=teacher, join_code="GEHEIM-7B"
        ),
    }
    services.register(world.session_hagem, name="Otto Eigenbrod", email="otto@example.org")
    return objects


def _markers(world, objects) -> list[str]:
    return [
        "Walburga Quast",
        "walburga@example.org",
        "Sabine Kühn",
        "Dorfgemeinschaftshaus",
        str(world.session_ahsen),
        str(objects["events", "sessionseries"]),
        "Geheimbibliothek",
        "Geheimquiz",
        "Klasse 7b Geheimgruppe",
        "Lehmkuhl",
        "Geheimraum",
    ]


def _lotse_with_every_model_permission(world):
    """A Lotse someone gave every snippet permission: the policy still keeps to their district."""
    user = world.lotse_hagem.user
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="events",
            content_type__model__in=SCOPED_MODELS["events"],
            codename__regex=r"^(add|change|delete|view)_",
        )
    )
    return user


@pytest.fixture(params=["lotse", "lotse_with_model_permissions"])
def lotse(request, world):
    if request.param == "lotse":
        return world.lotse_hagem.user
    return _lotse_with_every_model_permission(world)


SEARCH_WORDS = ["Walburga", "Sabine", "Dorfgemeinschafts", "Geheim", "Ahsen"]


def _refused(response) -> bool:
    """404, 403, 405 (a GET-only view), or Wagtail's "no permission" redirect to the dashboard."""
    return response.status_code in (403, 404, 405) or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def _text(response) -> str:
    """The body as a person would read it; choosers answer JSON with escaped umlauts."""
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)
    return body


def _requests(name, app_label, model_name, arguments, obj, markers):
    """The requests an attacker sends to one route, aimed at the other district's row."""
    if "pk" in arguments:
        url = reverse(name, kwargs={"pk": obj.pk})
        return [("get", url, {}), ("post", url, {})]
    url = reverse(name)
    # Search words that would find the row; a page may repeat the query, never the full name.
    return [
        *[("get", url, {"q": word}) for word in SEARCH_WORDS],
        ("get", url, {"id": obj.pk}),
        ("post", url, {"name": "x", "title": "x"}),
    ]


def test_no_admin_route_shows_a_lotse_another_district_s_rows(client, world, other_district, lotse):
    client.force_login(lotse)
    markers = _markers(world, other_district)
    counts = {model: model.objects.count() for model in (Registration, Session, SessionSeries)}
    for name, app_label, model_name, arguments in ROUTES:
        obj = other_district[app_label, model_name]
        for method, url, data in _requests(name, app_label, model_name, arguments, obj, markers):
            response = getattr(client, method)(url, data)
            body = _text(response)
            where = f"{method.upper()} {url} {data} → {response.status_code}"
            assert response.status_code < 500, where
            if "pk" in arguments:
                assert _refused(response), where
            leaked = [marker for marker in markers if marker in body]
            assert not leaked, f"{where} shows {leaked}"
    for model, count in counts.items():
        assert model.objects.count() == count
    assert Registration.objects.filter(name="Walburga Quast").exists()


@pytest.mark.parametrize(
    "app_label,model_name",
    [(app, model) for app, models in SCOPED_MODELS.items() for model in models],
)
def test_bulk_actions_never_name_another_district_s_rows(
    client, world, other_district, lotse, app_label, model_name
):
    client.force_login(lotse)
    obj = other_district[app_label, model_name]
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
    markers = _markers(world, other_district)
    for method, query in (("get", f"?id={obj.pk}"), ("post", f"?id={obj.pk}"), ("get", "?id=all")):
        response = getattr(client, method)(url + query)
        body = _text(response)
        if query != "?id=all":  # "all" may list the Lotse's own rows, never another's
            assert response.status_code in (403, 404), (method, query, response.status_code)
        assert not [marker for marker in markers if marker in body], (method, query)
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_a_lotse_with_model_permissions_sees_own_district_in_listing_and_chooser(
    client, world, other_district
):
    client.force_login(_lotse_with_every_model_permission(world))
    listing = client.get(reverse("wagtailsnippets_events_registration:list")).content.decode()
    chooser = client.get(reverse("wagtailsnippetchoosers_events_registration:choose"))
    chooser = _text(chooser)
    for page in (listing, chooser):
        assert "Otto Eigenbrod" in page
        assert "Walburga Quast" not in page
    own = world.session_hagem.registrations.get()
    inspect = reverse("wagtailsnippets_events_registration:inspect", args=[own.pk])
    assert client.get(inspect).status_code == 200


def test_koordination_sees_every_district_but_registrations_stay_read_only(
    client, world, other_district
):
    client.force_login(world.coordinator)
    chooser = client.get(reverse("wagtailsnippetchoosers_events_registration:choose"))
    assert "Walburga Quast" in chooser.content.decode()
    assert "Otto Eigenbrod" in chooser.content.decode()
    registration = other_district["events", "registration"]
    inspect = reverse("wagtailsnippets_events_registration:inspect", args=[registration.pk])
    assert "Walburga Quast" in client.get(inspect).content.decode()
    for name in ("edit", "delete", "copy"):
        url = reverse(f"wagtailsnippets_events_registration:{name}", args=[registration.pk])
        assert _refused(client.post(url, {"name": "Geändert", "seats": 5})), name
    assert _refused(client.post(reverse("wagtailsnippets_events_registration:add")))
    bulk = reverse("wagtail_bulk_action", args=["events", "registration", "delete"])
    client.post(f"{bulk}?id={registration.pk}")
    registration.refresh_from_db()
    assert registration.name == "Walburga Quast" and registration.seats == 1


def test_learners_data_is_out_of_reach_for_koordination_too(client, world, other_district):
    client.force_login(world.coordinator)
    for model_name in ("lerngruppe", "h5plibrary"):
        response = client.get(reverse(f"wagtailsnippetchoosers_learning_{model_name}:choose"))
        assert "Geheim" not in response.content.decode()


def test_editors_may_still_choose_h5p_content_for_lessons(client, world, other_district):
    editor = UserFactory(groups=[EDITORS_GROUP])
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippetchoosers_learning_h5pcontent:choose"))
    assert "Geheimquiz" in response.content.decode()
    response = client.get(reverse("wagtailsnippetchoosers_learning_lerngruppe:choose"))
    assert "Geheimgruppe" not in response.content.decode()


def test_district_policies_are_what_the_admin_asks():
    from wagtail.permissions import policy_registry

    from events.permissions import POLICIES

    for model in (District, LotseProfile, Registration, Session, SessionSeries, Venue):
        assert policy_registry.get_by_type(model) is POLICIES[model]
