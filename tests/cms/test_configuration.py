"""Configuration from the environment, production checks and clear errors for operators."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "lernhafen.datteln.example",
}


def manage(
    *args: str, env: dict[str, str], unset: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    full_env = {
        k: v for k, v in os.environ.items() if k not in unset and not k.startswith("DJANGO_")
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_value(expression: str, env: dict[str, str]) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_check_deploy_passes_without_a_single_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY is missing or too short"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS is empty"),
    ],
)
def test_production_without_required_setting_stops_with_a_clear_message(missing, message):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env, unset=(missing,))
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_setting_is_explained():
    result = manage(
        "check",
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "RATELIMIT_ENABLE": "vielleicht"},
    )
    assert result.returncode != 0
    assert "RATELIMIT_ENABLE must be 1/0" in result.stderr and "Traceback" not in result.stderr


def test_production_serves_hashed_compressed_static_files_and_is_https_only():
    values = settings_value(
        "settings.STORAGES['staticfiles']['BACKEND'], settings.SECURE_SSL_REDIRECT, "
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS, settings.DEBUG",
        PRODUCTION_ENV,
    )
    assert values.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "True",
        "True",
        "True",
        "31536000",
        "False",
    ]


def test_sqlite_is_the_default_with_wal_and_immediate_transactions():
    env = {"DATABASE_URL": ""}
    assert settings_value("settings.DATABASES['default']['ENGINE']", env) == (
        "django.db.backends.sqlite3"
    )
    options = settings_value("settings.DATABASES['default']['OPTIONS']", env)
    assert "'transaction_mode': 'IMMEDIATE'" in options
    assert "journal_mode=WAL" in options and "'timeout': 20" in options


def test_database_url_selects_postgresql():
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/lernhafen"}
    assert settings_value("settings.DATABASES['default']['ENGINE']", env) == (
        "django.db.backends.postgresql"
    )


def test_redis_url_switches_the_cache_to_redis_and_locmem_otherwise():
    assert settings_value("settings.CACHES['default']['BACKEND']", {"REDIS_URL": ""}).endswith(
        "LocMemCache"
    )
    env = {"REDIS_URL": "redis://127.0.0.1:6379/3"}
    assert settings_value("settings.CACHES['default']['BACKEND']", env) == (
        "django.core.cache.backends.redis.RedisCache"
    )


def test_email_url_configures_smtp():
    env = {"EMAIL_URL": "smtp://lernhafen:geheim@mail.datteln.example:587/?tls=True"}
    assert (
        settings_value(
            "settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, "
            "settings.EMAIL_USE_TLS",
            env,
        )
        == "django.core.mail.backends.smtp.EmailBackend mail.datteln.example 587 True"
    )


def test_redis_cache_works_against_a_real_server():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    code = (
        "from django.core.cache import cache; cache.set('lh-probe', 'ja', 5); "
        "print(cache.get('lh-probe'))"
    )
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "ja"
