"""Security headers, the Content Security Policy, and settings that keep production safe."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_sends_the_security_headers(client, council):
    response = client.get("/", secure=True)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in policy


def test_content_security_policy_allows_only_our_own_origin(client, council):
    response = client.get("/")

    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_error_pages_carry_the_headers_too(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_cookies_are_secure_and_http_only_when_debug_is_off(settings):
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.CSRF_COOKIE_HTTPONLY is True


def run_manage(*args, **env):
    """Run manage.py in a fresh process with only the environment given, as a server would."""
    environment = {
        "PATH": os.environ["PATH"],
        "ENV_FILE": str(ROOT / "no-such.env"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DATABASE_URL": "sqlite:///:memory:",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_off_without_a_secret_key_refuses_to_start_with_a_clear_message():
    result = run_manage("check", DEBUG="false")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_defaults_to_off_so_a_missing_secret_key_is_never_ignored():
    result = run_manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_on_runs_without_a_secret_key_for_local_development():
    result = run_manage("check", DEBUG="true")

    assert result.returncode == 0, result.stderr


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "shortbreaks.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://shortbreaks.example.gov.uk",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
    "SITE_URL": "https://shortbreaks.example.gov.uk",
}


def test_deploy_checks_report_nothing_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_deploy_checks_warn_when_rate_limits_cannot_be_shared_between_workers():
    settings = {key: value for key, value in PRODUCTION.items() if key != "CACHE_URL"}

    result = run_manage("check", "--deploy", **settings)

    assert "portal.W001" in result.stderr
    assert "Set CACHE_URL to a shared cache" in result.stderr
