"""Fixtures for the security suite: a published service, the checker's ruleset and area; and
signing in to the back office as staff do (tests/portal/test_staff_security.py signs in too)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp

from tests.eligibility.conftest import area, default_ruleset  # noqa: F401 (fixtures)
from tests.factories import ServiceFactory

PASSWORD = "a-long-test-password"  # every UserFactory user's


@pytest.fixture
def service(council):
    return ServiceFactory()


def sign_in(client, username, password=PASSWORD, address="203.0.113.9", **extra):
    """The back office's sign-in form, sent from one address (any other field, the code
    `otp_token` among them, as a keyword)."""
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/", **extra},
        REMOTE_ADDR=address,
    )


def code_for(device):
    """The code an authenticator app with this device's key shows now."""
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(
        device.digits
    )


@pytest.fixture
def no_otp_throttle(settings):
    """django-otp slows down guessing after a wrong code; these tests guess wrong on purpose."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
