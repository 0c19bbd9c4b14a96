"""The back office's idle sign-out without losing work: the timeout warning on every page of a
signed-in officer, "Stay signed in", and a save sent after the sign-out kept and put back into
its form, unsaved, once the same officer signs in again."""

import time
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from directory.models import Service
from directory.roles import DIRECTORY_EDITOR
from portal.staff_sessions import LAST_SEEN
from tests.directory import conftest as directory_fixtures
from tests.directory.conftest import service_form
from tests.factories import ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db
lists = directory_fixtures.lists  # the directory's fixture, here too


@pytest.fixture
def officer(client):
    user = UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    client.force_login(user)
    return user


@pytest.fixture
def service(lists):
    return ServiceFactory(
        name="Splash club",
        needs=[lists["need"]],
        kinds=[lists["kind"]],
        localities=[lists["locality"]],
    )


def gone_idle(client, settings):
    session = client.session
    session[LAST_SEEN] = time.time() - settings.STAFF_IDLE_MINUTES * 60 - 5
    session.save()


def saved_after_the_sign_out(client, settings, service, lists):
    """The officer's save of a change to the name, sent after they were signed out: where the
    sign-in page will send them back to."""
    gone_idle(client, settings)
    data = service_form(service, lists, status=service.status, needs=[lists["need"].pk])
    response = client.post(
        reverse("admin:directory_service_change", args=[service.pk]),
        data | {"name": "Splash club (renamed)"},
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    return parse_qs(urlparse(response.url).query)["next"][0]


def test_a_save_after_the_sign_out_is_kept_and_comes_back_unsaved(
    client, settings, officer, service, lists
):
    back_to = saved_after_the_sign_out(client, settings, service, lists)
    assert Service.objects.get().name == "Splash club"
    signed_out = client.get(reverse("admin:login") + "?next=" + back_to).content.decode()
    assert "What you were saving is kept" in signed_out

    client.force_login(officer)
    page = client.get(back_to)

    assert page.status_code == 200
    assert page.context["adminform"].form["name"].value() == "Splash club (renamed)"
    assert "You were signed out before your changes were saved" in page.content.decode()
    assert Service.objects.get().name == "Splash club"  # never applied by itself
    assert client.get(back_to).context["adminform"].form["name"].value() == "Splash club"


def test_someone_else_signing_in_does_not_get_the_kept_save(
    client, settings, officer, service, lists
):
    back_to = saved_after_the_sign_out(client, settings, service, lists)

    client.force_login(UserFactory(username="other", roles=[DIRECTORY_EDITOR]))
    page = client.get(back_to)

    assert page.context["adminform"].form["name"].value() == "Splash club"


def test_a_kept_save_is_only_put_back_into_its_own_page(client, settings, officer, service, lists):
    back_to = saved_after_the_sign_out(client, settings, service, lists)
    key = parse_qs(urlparse(back_to).query)["restore"][0]
    client.force_login(officer)

    page = client.get(reverse("admin:directory_service_add") + f"?restore={key}")

    assert page.status_code == 200
    assert not page.context["adminform"].form.is_bound


def test_the_timeout_warning_is_on_an_officers_pages(client, officer, settings):
    page = client.get(reverse("admin:index")).content.decode()

    assert 'id="timeout-warning"' in page
    warn_after = (settings.STAFF_IDLE_MINUTES * 60) - 60 - 120
    assert f'data-warn-after="{warn_after}"' in page
    assert "js/timeout-warning" in page and "<script>" not in page


def test_no_timeout_warning_before_signing_in(client):
    assert 'id="timeout-warning"' not in client.get(reverse("admin:login")).content.decode()


def test_staying_signed_in_records_activity(client, officer):
    session = client.session
    session[LAST_SEEN] = time.time() - 600
    session.save()

    response = client.get(reverse("portal:staff-keep-alive"))

    assert response.json()["signed_in"] is True
    assert client.session[LAST_SEEN] > time.time() - 5


def test_staying_signed_in_after_the_sign_out_says_so(client, settings, officer):
    gone_idle(client, settings)

    response = client.get(reverse("portal:staff-keep-alive"))

    assert response.status_code == 302  # signed out: the warning says so
    assert client.get(reverse("portal:staff-keep-alive")).json() == {"signed_in": False}
