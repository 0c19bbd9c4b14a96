"""Sessions only when needed and purged when expired, absolute links from SITE_URL whatever
Host a client sends, and production defaults that are safe without being set."""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.portal.test_security import PRODUCTION, run_manage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------- sessions


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/directory/shortlist/remove/", {"service": "not-an-id"}),
        ("/directory/shortlist/remove/", {"service": "5b3c1d34-0b1e-4c8f-9a51-2b8a6d6d9f11"}),
        ("/directory/shortlist/save/", {"services": "rubbish,more-rubbish"}),
        ("/directory/shortlist/save/", {"services": "5b3c1d34-0b1e-4c8f-9a51-2b8a6d6d9f11"}),
        ("/check/start-again/", {}),
        ("/check/check-your-answers/", {}),
        ("/check/date-of-birth/", {"answer_0": "1"}),
        ("/check/postcode/", {"answer": "not a postcode"}),
    ],
)
def test_a_form_that_changes_nothing_starts_no_session(
    client, council, default_ruleset, area, path, form
):
    client.post(path, form)

    assert not Session.objects.exists()


def test_pages_start_no_session(client, council, service):
    for path in ("/", "/directory/", f"/directory/services/{service.pk}/", "/check/"):
        client.get(path)

    assert not Session.objects.exists()


def test_a_form_that_keeps_something_does_start_one(client, council, service):
    client.post(reverse("directory:shortlist-add"), {"service": str(service.pk)})

    assert Session.objects.count() == 1


def test_expired_sessions_are_purged_by_the_scheduled_command(client, council, service):
    client.post(reverse("directory:shortlist-add"), {"service": str(service.pk)})
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))

    call_command("clearsessions")

    assert not Session.objects.exists()


def test_the_deployment_section_schedules_the_purge():
    readme = (ROOT / "README.md").read_text()
    deploying = readme[readme.index("## Deploying") :]

    assert "clearsessions" in deploying


# ---------------------------------------------------------------------- absolute links


@pytest.mark.parametrize("path", ["/api/openreferral/", "/api/openreferral/services?per_page=1"])
def test_the_open_data_builds_links_from_site_url_not_the_host_header(
    client, council, service, settings, path
):
    settings.SITE_URL = "https://shortbreaks.example.gov.uk"
    settings.ALLOWED_HOSTS = ["testserver", "testserver:666"]

    body = client.get(path, HTTP_HOST="testserver:666").content.decode()

    assert "testserver" not in body
    if path == "/api/openreferral/":
        assert "https://shortbreaks.example.gov.uk/api/openreferral/openapi.json" in body


def test_a_shared_shortlist_link_uses_site_url(client, council, service, settings):
    settings.SITE_URL = "https://shortbreaks.example.gov.uk"
    settings.ALLOWED_HOSTS = ["testserver", "testserver:666"]
    client.post(reverse("directory:shortlist-add"), {"service": str(service.pk)})

    page = client.get(reverse("directory:shortlist"), HTTP_HOST="testserver:666")

    assert f"https://shortbreaks.example.gov.uk/directory/shortlist/?services={service.pk}" in (
        page.content.decode()
    )


def test_the_csv_download_links_use_site_url(client, council, service, settings):
    settings.SITE_URL = "https://shortbreaks.example.gov.uk"
    settings.ALLOWED_HOSTS = ["testserver", "testserver:666"]

    response = client.get(reverse("directory:download"), HTTP_HOST="testserver:666")
    body = b"".join(response.streaming_content).decode()

    assert f"https://shortbreaks.example.gov.uk/directory/services/{service.pk}/" in body
    assert "testserver" not in body


# ---------------------------------------------------------------------- production defaults


def test_a_live_site_without_site_url_fails_the_deploy_checks():
    settings = {key: value for key, value in PRODUCTION.items() if key != "SITE_URL"}

    result = run_manage("check", "--deploy", **settings)

    assert result.returncode != 0
    assert "portal.E001" in result.stderr
    assert "Set SITE_URL" in result.stderr


def test_commissioners_need_two_factor_by_default_when_debug_is_off():
    show = "from django.conf import settings; print(settings.TWO_FACTOR_FOR_COMMISSIONERS)"

    live = run_manage("shell", "--no-imports", "-c", show, **PRODUCTION)
    local = run_manage("shell", "--no-imports", "-c", show, DEBUG="true")

    assert live.stdout.strip() == "True", live.stderr
    assert local.stdout.strip() == "False", local.stderr
