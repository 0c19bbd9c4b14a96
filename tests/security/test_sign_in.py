"""Staff sign-in: one message whatever was wrong, wrong codes count, a limit per address across
usernames, a lockout of fixed length said in words, lockouts a commissioner can lift, and the
client's address taken only from our own proxies' header."""

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from portal.client_ip import address_behind_proxies
from tests.factories import UserFactory
from tests.security.conftest import PASSWORD, code_for, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_otp_throttle")]
GENERIC = "The username, password or code is wrong"


@pytest.fixture
def eddie_with_app(db):
    user = UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


# ---------------------------------------------------------------------- one message


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("wrong", ""),  # wrong password, no code
        ("wrong", "123456"),  # wrong password, a code
        (PASSWORD, ""),  # the right password and no code: must not say so
        (PASSWORD, "123456"),  # the right password and a wrong code
    ],
)
def test_every_wrong_sign_in_gets_the_same_message(client, eddie_with_app, password, code):
    response = sign_in(client, "eddie", password, otp_token=code)

    page = response.content.decode()
    assert response.status_code == 200
    assert GENERIC in page
    assert "6-digit" not in page
    assert "_auth_user_id" not in client.session


def test_the_right_password_and_code_sign_in(client, eddie_with_app):
    response = sign_in(client, "eddie", otp_token=code_for(eddie_with_app))

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_codes_count_toward_the_lockout(client, eddie_with_app, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "eddie", otp_token="000000")

    response = sign_in(client, "eddie", otp_token=code_for(eddie_with_app))

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


# ---------------------------------------------------------------------- limits


def test_one_address_cannot_guess_across_many_usernames(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 6
    UserFactory(username="cara", roles=[COMMISSIONER])
    for number in range(6):  # two tries at each of three names: no name reaches its own limit
        sign_in(client, f"name{number % 3}", "wrong")

    response = sign_in(client, "cara")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "cara", address="198.51.100.7").status_code == 302


def test_signing_in_to_ones_own_account_does_not_clear_the_addresss_count(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 4
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    UserFactory(username="cara", roles=[COMMISSIONER])
    for _ in range(3):
        sign_in(client, "cara", "wrong")
    assert sign_in(client, "eddie").status_code == 302
    client.logout()

    sign_in(client, "cara", "wrong")

    assert sign_in(client, "cara").status_code == 429


def test_a_lockout_lasts_a_fixed_time_that_more_attempts_do_not_extend(client, settings):
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "eddie", "wrong")
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        assert sign_in(client, "eddie", "wrong").status_code == 429
        assert sign_in(client, "eddie").status_code == 429

    with time_machine.travel(start + dt.timedelta(minutes=30, seconds=1), tick=False):
        response = sign_in(client, "eddie")

    assert response.status_code == 302


def test_the_lockout_page_says_how_long_in_words(client, settings):
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "eddie", "wrong")

    page = response.content.decode()
    assert response.status_code == 429
    assert "locked for 30 minutes" in page
    assert "PT30M" not in page


# ---------------------------------------------------------------------- lifting a lockout


def test_a_commissioner_sees_and_lifts_a_lockout(client, settings):
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "eddie", "wrong")
    officer = type(client)()
    officer.force_login(UserFactory(username="cara", roles=[COMMISSIONER]))

    listing = officer.get(reverse("admin:axes_accessattempt_changelist"))
    attempt = AccessAttempt.objects.get(username="eddie")
    lifted = officer.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "lift", "_selected_action": [attempt.pk]},
    )

    assert listing.status_code == 200
    assert "Account locked at this address until" in listing.content.decode()
    assert lifted.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "eddie").status_code == 302


@pytest.mark.parametrize("role", [DIRECTORY_EDITOR])
def test_other_roles_cannot_see_lockouts(client, role):
    client.force_login(UserFactory(roles=[role]))

    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


# ---------------------------------------------------------------------- the client's address


@pytest.mark.parametrize(
    ("forwarded_for", "hops", "expected"),
    [
        ("", 0, "10.0.0.1"),
        ("198.51.100.7", 0, "10.0.0.1"),  # no proxy of ours: the header is anyone's
        ("198.51.100.7", 1, "198.51.100.7"),  # nginx appended the address it saw
        ("6.6.6.6, 198.51.100.7", 1, "198.51.100.7"),  # a forged entry before it is ignored
        ("6.6.6.6, 198.51.100.7, 192.0.2.1", 2, "198.51.100.7"),  # a load balancer, then nginx
        ("198.51.100.7", 2, "10.0.0.1"),  # shorter than our proxies make: not through them
        ("not-an-address", 1, "10.0.0.1"),
    ],
)
def test_the_client_address_comes_only_from_our_own_proxies(forwarded_for, hops, expected):
    assert address_behind_proxies("10.0.0.1", forwarded_for, hops) == expected


def test_a_forged_header_cannot_dodge_the_lockout(client, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client,
            "eddie",
            "wrong",
            address="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 198.51.100.7",
        )

    response = sign_in(
        client, "eddie", address="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.99, 198.51.100.7"
    )

    assert response.status_code == 429
