"""A provider saying its listings are still correct: in one click when signed in, or from the
link in a review reminder without an account.

Either way the listing counts as checked today and gets a version naming who confirmed it (the
provider user, or no one for the link: the version's reason names the organisation); no
proposal is made, since nothing changed. Corrections sent from the link become a problem report
in the editors' inbox (and so an email to the council, directory.tasks)."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from .models import ProblemReport, Provider, Service
from .services import problem_report_create

LINK_DAYS = 30  # a reminder's link works this long; reminders come every 14 days at most
LINK_SALT = "directory.listing-confirmation"


class LinkExpired(Exception):
    """The link was real, but is older than LINK_DAYS."""


def listing_confirm(*, service: Service, on: dt.date, by=None, reason: str = "") -> Service:
    """Record that the provider says the listing is still correct: checked on the day, by
    `by` (None for a confirmation without an account), as a new version."""
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        service.last_checked_on, service.last_checked_by = on, by
        service._history_user = by
        service._change_reason = reason or "Confirmed still correct by the provider"
        service.full_clean(exclude=["provider"])
        service.save(update_fields=["last_checked_on", "last_checked_by", "updated_at"])
    return service


def confirmable_by_link(provider: Provider):
    """The listings a provider's link lets its contact confirm: its published ones."""
    return provider.services.published().order_by("name")


def link_token(provider: Provider) -> str:
    """The signed part of a provider's confirmation link."""
    return signing.dumps({"provider": str(provider.pk)}, salt=LINK_SALT, compress=True)


def link_url(provider: Provider) -> str:
    """The whole address, for an email."""
    return settings.SITE_URL + reverse("directory:listing-review", args=[link_token(provider)])


def provider_of_link(token: str) -> Provider:
    """The provider a link was made for. Raises LinkExpired if it is too old, and
    signing.BadSignature if it was never ours (or was changed), or Provider.DoesNotExist if the
    provider has gone since."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=dt.timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        raise LinkExpired from None
    if not isinstance(data, dict) or not isinstance(data.get("provider"), str):
        raise signing.BadSignature("Not a confirmation link")
    return Provider.objects.get(pk=data["provider"])


def corrections_send(*, provider: Provider, service: Service, changes: str) -> ProblemReport:
    """What the provider's contact says has changed, for the editors: a problem report about
    the listing, with the provider's email address to reply to."""
    details = f"From {provider.name}, by the link in a review reminder:\n{changes.strip()}"
    return problem_report_create(
        service=service,
        kind=ProblemReport.Kind.OUT_OF_DATE,
        details=details[:1200],
        email=provider.email,
    )
