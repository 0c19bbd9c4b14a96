"""The signed links of an alert's emails: confirm, renew and unsubscribe. Each names its alert
and its purpose and expires (django.core.signing.TimestampSigner)."""

import datetime as dt
import uuid

from django.core import signing

from .querysets import LAPSE_DAYS, UNCONFIRMED_DAYS

# How long each kind of link works: a confirmation as long as the request is kept; renewal
# and unsubscribing as long as an alert can live, and a little more.
LIFETIMES = {
    "confirm": dt.timedelta(days=UNCONFIRMED_DAYS),
    "renew": dt.timedelta(days=LAPSE_DAYS + 31),
    "unsubscribe": dt.timedelta(days=LAPSE_DAYS + 31),
}
LONGEST_TOKEN = 200


def token_for(alert_id, purpose: str) -> str:
    """A token for the alert and purpose, signed now."""
    signer = signing.TimestampSigner(salt=f"short_notice.alert.{purpose}")
    return signer.sign(str(alert_id))


def alert_id_from(token: str, purpose: str) -> uuid.UUID | None:
    """The alert a token names for the purpose, or None for one tampered with, expired, for
    another purpose or not a token at all."""
    if not token or len(token) > LONGEST_TOKEN:
        return None
    signer = signing.TimestampSigner(salt=f"short_notice.alert.{purpose}")
    try:
        value = signer.unsign(token, max_age=LIFETIMES[purpose])
        return uuid.UUID(value)
    except (signing.BadSignature, ValueError):
        return None
