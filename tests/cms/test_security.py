"""Security baseline: headers, CSP without inline scripts, admin brute-force lockout."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_pages_send_secure_headers(client, home):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_csp_allows_only_our_own_origin_and_no_inline_code(client, home):
    csp = _csp(client.get("/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert not any("unsafe" in value for values in csp.values() for value in values)


def test_admin_allows_inline_styles_but_never_inline_scripts(client, db):
    csp = _csp(client.get("/admin/login/"))
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["script-src"] == ["'self'"]


def test_public_pages_contain_no_inline_script(client, demo_site):
    for url in ["/", "/barrierefreiheit/", "/datenschutz/", "/suche/?q=WLAN", "/darstellung/"]:
        html = client.get(url).content.decode()
        for chunk in html.split("<script")[1:]:
            assert chunk.split(">", 1)[0].strip().startswith("src="), (url, chunk[:80])


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_out_after_repeated_wrong_passwords(client, admin_user):
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    response = client.post(
        "/admin/login/", {"username": "redaktion", "password": "ein-sicheres-passwort"}
    )
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_admin_login_still_works_with_the_right_password(client, admin_user):
    response = client.post(
        "/admin/login/", {"username": "redaktion", "password": "ein-sicheres-passwort"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_unchanged_pages_can_be_revalidated_with_an_etag(client, home):
    first = client.get("/")
    etag = first["ETag"]
    again = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
