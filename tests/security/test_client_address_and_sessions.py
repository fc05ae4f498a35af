"""Findings 2 and 11 of the security review: who is counted by rate limits and lock-outs,
password resets, staff session lifetime and logout."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import RequestFactory, override_settings
from django.urls import reverse

from cms.ratelimits import client_ip
from events.models import Registration
from learning.models import Membership
from learning.services import create_group
from tests.factories.events import EventIndexPageFactory, SessionFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"
REDIS_URL = os.environ.get("LERNHAFEN_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


def _request(peer: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


# --- The client address -------------------------------------------------------------------------


def test_forwarded_header_is_ignored_unless_a_proxy_is_configured(settings):
    settings.LERNHAFEN_TRUSTED_PROXY_COUNT = 0
    settings.LERNHAFEN_TRUSTED_PROXIES = []
    assert client_ip(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_one_trusted_proxy_names_the_client_and_ignores_what_the_client_prepends(settings):
    settings.LERNHAFEN_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(PROXY, "203.0.113.9")) == "203.0.113.9"
    # A client that sends its own X-Forwarded-For cannot choose its counter.
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    # Without the header (a health check from the proxy host) the peer counts.
    assert client_ip(_request(PROXY)) == PROXY


def test_trusted_proxy_addresses_only_count_when_the_request_came_through_them(settings):
    settings.LERNHAFEN_TRUSTED_PROXIES = [PROXY]
    assert client_ip(_request(PROXY, "203.0.113.9")) == "203.0.113.9"
    # Straight from a client that is not our proxy: its own header is not believed.
    assert client_ip(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_registration_limits_count_each_client_behind_the_proxy(client, home, settings):
    settings.LERNHAFEN_TRUSTED_PROXY_COUNT = 1
    settings.LERNHAFEN_EVENTS_REGISTRATION_RATE = "1/h"
    session = SessionFactory(
        workshop=WorkshopPageFactory(parent=EventIndexPageFactory(parent=home)), capacity=10
    )
    data = {"name": "Erika", "seats": "1", "privacy_consent": "on"}
    for n, address in enumerate(["203.0.113.1", "203.0.113.2", "203.0.113.3"]):
        response = client.post(
            session.get_url(),
            {**data, "phone": f"02363 55{n}"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )
        assert response.status_code == 302, address
    assert Registration.objects.count() == 3
    again = client.post(
        session.get_url(),
        {**data, "phone": "02363 999"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.1",
    )
    assert again.status_code == 429


def test_default_limits_let_a_school_register_a_class_from_one_address(client, home):
    session = SessionFactory(
        workshop=WorkshopPageFactory(parent=EventIndexPageFactory(parent=home)), capacity=40
    )
    for n in range(30):
        response = client.post(
            session.get_url(),
            {"name": f"Kind {n}", "phone": f"02363 5{n:03}", "seats": "1", "privacy_consent": "on"},
        )
        assert response.status_code == 302, n
    assert Registration.objects.count() == 30


def test_a_whole_class_joins_with_one_code_from_one_address(client, django_user_model):
    teacher = django_user_model.objects.create_user("lehrerin", password="x" * 12)
    group = create_group(teacher, "Klasse 7b", [])
    for n in range(30):
        client.cookies.clear()
        response = client.post(
            reverse("learning:join"), {"join_code": group.join_code, "nickname": f"Wal {n}"}
        )
        assert response.status_code == 200, n
    assert Membership.objects.filter(group=group).count() == 30


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, LERNHAFEN_TRUSTED_PROXY_COUNT=1)
def test_wrong_passwords_from_others_behind_the_proxy_do_not_lock_the_user_out(client, admin_user):
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": "redaktion", "password": "falsch"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 10}",
        )
    response = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "ein-sicheres-passwort"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


# --- Password reset, session lifetime, logout ----------------------------------------------------


def test_password_reset_is_limited_per_account(client, admin_user, settings):
    settings.LERNHAFEN_PASSWORD_RESET_RATE = "2/h"
    url = reverse("wagtailadmin_password_reset")
    codes = [
        client.post(url, {"email": admin_user.email}, REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(4)
    ]
    assert codes == [302, 302, 429, 429]
    assert len(mail.outbox) == 2


def test_password_reset_is_limited_per_address(client, admin_user, settings):
    settings.LERNHAFEN_PASSWORD_RESET_RATE = "2/h"
    url = reverse("wagtailadmin_password_reset")
    codes = [client.post(url, {"email": f"person{n}@example.org"}).status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert "zu viele Links" in client.post(url, {"email": "x@example.org"}).content.decode()


def test_staff_sessions_last_a_working_day_and_end_with_the_browser():
    assert 8 * 3600 <= django_settings.SESSION_COOKIE_AGE <= 10 * 3600
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_the_login_cookie_is_a_browser_session_cookie(client, admin_user):
    response = client.post(
        "/admin/login/", {"username": "redaktion", "password": "ein-sicheres-passwort"}
    )
    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie.value and not cookie["expires"] and not cookie["max-age"]


def test_logout_needs_post_and_ends_the_server_side_session(client, admin_user):
    client.force_login(admin_user)
    old_cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    refused = client.get("/admin/logout/")
    assert refused.status_code == 405
    # GET acts on nothing: it neither ends the session nor drops the browser's cookie.
    assert django_settings.SESSION_COOKIE_NAME not in refused.cookies
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    stolen = type(client)()
    stolen.cookies[django_settings.SESSION_COOKIE_NAME] = old_cookie
    response = stolen.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_django_ratelimit_and_axes_read_the_same_client_address():
    from axes.helpers import get_client_ip_address
    from django.utils.module_loading import import_string

    request = _request("198.51.100.7")
    assert import_string(django_settings.RATELIMIT_IP_META_KEY)(request) == "198.51.100.7"
    assert get_client_ip_address(request) == "198.51.100.7"


def test_ipv6_clients_are_counted_by_their_network(client, home, settings):
    settings.LERNHAFEN_EVENTS_REGISTRATION_RATE = "1/h"
    session = SessionFactory(
        workshop=WorkshopPageFactory(parent=EventIndexPageFactory(parent=home)), capacity=10
    )
    data = {"name": "Erika", "seats": "1", "privacy_consent": "on"}
    first = client.post(
        session.get_url(), {**data, "phone": "02363 1"}, REMOTE_ADDR="2001:db8:1:2::1"
    )
    second = client.post(
        session.get_url(), {**data, "phone": "02363 2"}, REMOTE_ADDR="2001:db8:1:2::ffff"
    )
    assert (first.status_code, second.status_code) == (302, 429)


COUNT_ONCE = """
import django, uuid
django.setup()
from django.test import RequestFactory
from cms.ratelimits import rate_limited
request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.99")
print(rate_limited(request, "shared-counter-test:" + GROUP, "1/h"))
"""


def _count_in_a_new_process(group: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    env.update({"LERNHAFEN_LOCAL_RUN": "1", "REDIS_URL": REDIS_URL})
    script = f"GROUP = {group!r}\n{COUNT_ONCE}"
    command = [sys.executable, "-c", script]
    result = subprocess.run(
        command, cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_with_redis_the_counters_are_shared_between_worker_processes():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at " + REDIS_URL)
    group = uuid.uuid4().hex
    # Two separate processes, like two gunicorn workers: the second sees the first's count.
    assert [_count_in_a_new_process(group), _count_in_a_new_process(group)] == ["False", "True"]
