"""The signed links emailed to personal assistants: to confirm they are still available, and to
update or withdraw their profile. Each names one PA and one purpose, and expires."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "personal-assistants"
LIFETIMES = {
    "confirm": dt.timedelta(days=30),  # a reminder comes two weeks before a lapse
    "manage": dt.timedelta(days=1),  # asked for on the "manage your profile" page
}
URL_NAMES = {"confirm": "personal_assistants:confirm", "manage": "personal_assistants:manage"}


def make_token(pa_id, purpose: str) -> str:
    return signing.dumps({"pa": str(pa_id), "for": purpose}, salt=SALT, compress=True)


def read_token(token: str, purpose: str) -> str | None:
    """The PA's id the link was made for, or None if it is tampered with, expired or made for
    another purpose."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LIFETIMES[purpose])
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("for") != purpose:
        return None
    pa_id = data.get("pa")
    return pa_id if isinstance(pa_id, str) else None


def link(pa_id, purpose: str) -> str:
    """The full address emailed to the PA."""
    path = reverse(URL_NAMES[purpose], kwargs={"token": make_token(pa_id, purpose)})
    return f"{settings.SITE_URL}{path}"
