"""Finding 8 of the security review: no bearer code in a URL or line that servers keep."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from gunicorn.config import Config

from cms.access_log import AccessLogger
from events import services as calendar
from learning.services import create_group
from tests.factories.events import EventIndexPageFactory, SessionFactory, WorkshopPageFactory

ROOT = Path(settings.BASE_DIR)


class _Response:
    status = "200 OK"
    sent = 512
    headers = ()


def _log_line(path: str, query: str = "", referer: str = "-") -> str:
    config = Config()
    logger = AccessLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{path}?{query}" if query else path,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": referer,
    }
    atoms = logger.atoms(_Response(), {}, environ, timedelta(milliseconds=12))
    fmt = '%(h)s %(t)s "%(r)s" "%(m)s %(U)s %(H)s" %(s)s "%(f)s" %(q)s'
    return fmt % atoms


def test_access_log_masks_tokens_in_paths_and_drops_query_and_referrer():
    token = "1-iHpo5_HxnS-DH2mBwGZ-7iqfoDn8X7TH6FXmc-bONAE"
    line = _log_line(
        f"/kalender/buergerkonto/abmelden/{token}/",
        query="code=ABCD-EFGH-JKMN",
        referer=f"http://127.0.0.1:8000/kalender/x/anmeldung/{token}/",
    )
    assert token not in line and "ABCD-EFGH-JKMN" not in line
    assert "/kalender/buergerkonto/abmelden/[token]/" in line


def test_make_run_logs_paths_without_query_strings_through_the_masking_logger():
    makefile = (ROOT / "Makefile").read_text()
    run_flags = makefile.split("ACCESS_LOG :=", 1)[1].split("\n\n", 1)[0]
    assert "%(U)s" in run_flags and "%(r)s" not in run_flags and "%(q)s" not in run_flags
    assert "--logger-class cms.access_log.AccessLogger" in run_flags
    assert "$(ACCESS_LOG)" in makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]


def test_make_run_writes_mails_to_var_mail_not_to_the_terminal(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", "LERNHAFEN_LOCAL_RUN": "1"})
    script = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.EMAIL_BACKEND); print(settings.EMAIL_FILE_PATH)"
    )
    command = [sys.executable, "-c", script]
    # Our own interpreter running a fixed script.
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    backend, path = result.stdout.split()
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert path == str(ROOT / "var" / "mail")
    makefile = (ROOT / "Makefile").read_text()
    assert "Mails are written to var/mail/" in makefile
    assert "Rate-limit counters are per process" in makefile


@pytest.mark.django_db
def test_the_class_join_link_carries_the_code_in_the_fragment(client, teacher):
    group = create_group(teacher, "Klasse 7b", [])
    client.force_login(teacher)
    html = client.get(reverse("learning:group", args=[group.pk])).content.decode()
    assert f"/lernen/klasse-beitreten/#code={group.join_code}" in html
    assert f"?code={group.join_code}" not in html
    join = client.get(reverse("learning:join") + f"?code={group.join_code}").content.decode()
    assert f'value="{group.join_code}"' not in join
    assert "data-code-from-fragment" in join


@pytest.mark.django_db
def test_cancelling_needs_a_post_the_link_alone_changes_nothing(client, home):
    session = SessionFactory(
        workshop=WorkshopPageFactory(parent=EventIndexPageFactory(parent=home)), capacity=3
    )
    registration = calendar.register(session, name="Erika", phone="02363 1")
    url = calendar.cancel_url(registration)
    assert "Ja, Anmeldung stornieren" in client.get(url).content.decode()
    registration.refresh_from_db()
    assert registration.status != registration.CANCELLED
