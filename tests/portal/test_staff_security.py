"""Staff sign-in: lockout after repeated failures, idle sessions ended, and two-factor
authentication (required for commissioners when the council turns it on)."""

import time

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from portal.staff_sessions import LAST_SEEN, is_idle
from tests.factories import UserFactory
from tests.security.conftest import code_for, no_otp_throttle, sign_in  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------- lockout


def test_five_wrong_passwords_lock_the_account_out_even_with_the_right_one(client, settings):
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "eddie", "wrong").status_code == 200
    assert sign_in(client, "eddie", "wrong").status_code == 429

    response = sign_in(client, "eddie")

    assert response.status_code == 429
    assert "Sign-in locked for now" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_good_sign_in_resets_the_count(client, settings):
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "eddie", "wrong")
    assert sign_in(client, "eddie").status_code == 302
    client.logout()

    sign_in(client, "eddie", "wrong")

    assert sign_in(client, "eddie").status_code == 302


def test_the_lockout_is_per_username(client, settings):
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    UserFactory(username="cara", roles=[DIRECTORY_EDITOR])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "eddie", "wrong")

    assert sign_in(client, "cara").status_code == 302


# ---------------------------------------------------------------------- idle sessions


@pytest.mark.parametrize(
    ("seconds_ago", "idle"), [(None, False), (60, False), (30 * 60, False), (30 * 60 + 1, True)]
)
def test_idle_means_longer_than_the_limit(seconds_ago, idle):
    now = 1_000_000.0

    assert is_idle(None if seconds_ago is None else now - seconds_ago, now, 30) is idle


def test_an_idle_staff_session_ends_with_a_message(client, settings):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    session = client.session
    session[LAST_SEEN] = time.time() - settings.STAFF_IDLE_MINUTES * 60 - 5
    session.save()

    response = client.get(reverse("admin:directory_service_changelist"), follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("admin:login"))
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_active_staff_session_goes_on(client):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))

    client.get(reverse("admin:index"))
    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert client.session[LAST_SEEN] > time.time() - 5


def test_families_sessions_are_left_alone(client):
    client.get("/directory/")

    assert LAST_SEEN not in client.session


# ---------------------------------------------------------------------- two-factor


@pytest.mark.usefixtures("no_otp_throttle")
def test_commissioners_must_set_up_two_factor_when_the_council_requires_it(client, settings):
    settings.TWO_FACTOR_FOR_COMMISSIONERS = True
    user = UserFactory(username="cara", roles=[COMMISSIONER])
    sign_in(client, "cara")

    assert client.get(reverse("admin:index")).status_code == 302
    setup = client.get(reverse("admin:two-factor"))
    assert "Enter this key" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(reverse("admin:two-factor"), {"token": "000000"})
    assert "The code is wrong or has expired" in wrong.content.decode()

    done = client.post(reverse("admin:two-factor"), {"token": code_for(device)})

    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_editors_need_no_second_factor_even_when_commissioners_do(client, settings):
    settings.TWO_FACTOR_FOR_COMMISSIONERS = True
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    sign_in(client, "eddie")

    assert client.get(reverse("admin:index")).status_code == 200


def test_with_the_setting_off_commissioners_sign_in_with_a_password(client, settings):
    settings.TWO_FACTOR_FOR_COMMISSIONERS = False
    UserFactory(username="cara", roles=[COMMISSIONER])
    sign_in(client, "cara")

    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.usefixtures("no_otp_throttle")
def test_someone_with_an_app_gives_its_code_at_sign_in(client):
    user = UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)

    missing = sign_in(client, "eddie")
    wrong = sign_in(client, "eddie", otp_token="123456")
    right = sign_in(client, "eddie", otp_token=code_for(device))

    for response in (missing, wrong):
        assert "The username, password or code is wrong" in response.content.decode()
    assert right.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
