"""EMAIL_URL: every scheme the README names works (cms/settings/base.py parse_email_url)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, get_connection

from cms.settings.base import BASE_DIR, parse_email_url


def _send(settings_dict: dict) -> None:
    options = {
        key.removeprefix("EMAIL_").lower(): value
        for key, value in settings_dict.items()
        if key != "EMAIL_BACKEND"
    }
    connection = get_connection(settings_dict["EMAIL_BACKEND"], **options)
    message = EmailMessage("Betreff", "Hallo", "a@example.org", ["b@example.org"])
    message.connection = connection
    message.send()


def test_console_prints_the_mail(capsys):
    parsed = parse_email_url("console://")
    assert parsed == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    _send(parsed)
    assert "Subject: Betreff" in capsys.readouterr().out


def test_locmem_keeps_mails_in_the_outbox():
    from django.core import mail

    parsed = parse_email_url("locmem://")
    assert parsed["EMAIL_BACKEND"] == "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    _send(parsed)
    assert [m.subject for m in mail.outbox] == ["Betreff"]


def test_file_writes_each_mail_into_the_directory(tmp_path):
    parsed = parse_email_url(f"file://{tmp_path}/mails")
    assert parsed["EMAIL_FILE_PATH"] == f"{tmp_path}/mails"
    _send({"EMAIL_BACKEND": parsed["EMAIL_BACKEND"], "EMAIL_FILE_PATH": parsed["EMAIL_FILE_PATH"]})
    (written,) = Path(tmp_path, "mails").iterdir()
    assert "Subject: Betreff" in written.read_text()


def test_smtp_with_starttls_and_percent_encoded_password():
    parsed = parse_email_url("smtp://lotse%40stadt.de:p%2Fw@mail.stadt.de:587/?tls=True")
    assert parsed["EMAIL_HOST"] == "mail.stadt.de" and parsed["EMAIL_PORT"] == 587
    assert (parsed["EMAIL_HOST_USER"], parsed["EMAIL_HOST_PASSWORD"]) == ("lotse@stadt.de", "p/w")
    assert (parsed["EMAIL_USE_TLS"], parsed["EMAIL_USE_SSL"]) == (True, False)
    assert parse_email_url("smtp://relay")["EMAIL_PORT"] == 25


def test_smtps_is_tls_from_the_start_on_465():
    parsed = parse_email_url("smtps://user:pw@mail.stadt.de")
    assert (parsed["EMAIL_USE_TLS"], parsed["EMAIL_USE_SSL"]) == (False, True)
    assert parsed["EMAIL_PORT"] == 465
    options = {k.removeprefix("EMAIL_").lower(): v for k, v in parsed.items()}
    backend = get_connection(options.pop("backend"), **options)
    assert backend.use_ssl and not backend.use_tls and backend.port == 465


@pytest.mark.parametrize(
    "url", ["memory://", "file://", "file://relative/dir", "smtp://host:port", "ftp://x"]
)
def test_unsupported_or_broken_urls_say_so(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url(url)


def test_the_site_starts_with_locmem_and_file_urls(tmp_path):
    for url in ("locmem://", f"file://{tmp_path}"):
        env = {**os.environ, "EMAIL_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
        code = "import django; django.setup(); from django.conf import settings; "
        code += "print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        if url.startswith("file"):
            assert str(tmp_path) in result.stdout
