"""Providers' changes held for approval: proposing, approving (the change goes live) and
rejecting with a reason, each decision emailed to the person who proposed it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import ProposedChange, Service, Status
from .services import listing_apply

Kind, State = ProposedChange.Kind, ProposedChange.State


def proposed_change_submit(*, service: Service, listing: dict, by, kind: str) -> ProposedChange:
    """Hold a provider's listing for approval, replacing any change of theirs still waiting."""
    with transaction.atomic():
        change = service.proposed_changes.waiting().select_for_update().first()
        if change is None:
            change = ProposedChange(service=service)
        change.kind, change.listing = kind, listing
        change.proposed_by, change.proposed_at = by, timezone.now()
        change.save()
    return change


def _decide(change: ProposedChange, state: str, by, reason: str = "") -> ProposedChange:
    change.state, change.decided_by, change.decided_at = state, by, timezone.now()
    change.reason = reason
    change.save(update_fields=["state", "decided_by", "decided_at", "reason"])
    transaction.on_commit(lambda: decision_send(change))
    return change


def _waiting(change: ProposedChange) -> ProposedChange:
    """The change, locked, if still waiting; otherwise a ValidationError."""
    change = ProposedChange.objects.select_for_update().select_related("service").get(pk=change.pk)
    if change.state != State.WAITING:
        raise ValidationError(f"This change was already {change.get_state_display().lower()}.")
    return change


def proposed_change_approve(*, change: ProposedChange, by) -> ProposedChange:
    """Put the change live: an edit is applied to the published service, a new listing is
    published as it is now. Approving counts as checking the listing, by the approver, today."""
    with transaction.atomic():
        change = _waiting(change)
        service = change.service
        service.status = Status.PUBLISHED
        service.last_checked_on, service.last_checked_by = timezone.localdate(), by
        if change.kind == Kind.EDIT:
            listing_apply(service=service, listing=change.listing)
        else:
            service.save(update_fields=["status", "last_checked_on", "last_checked_by"])
        return _decide(change, State.APPROVED, by)


def proposed_change_reject(*, change: ProposedChange, by, reason: str) -> ProposedChange:
    """Turn the change down with a reason for the provider; the live listing stays as it is."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the change is not approved."})
    with transaction.atomic():
        return _decide(_waiting(change), State.REJECTED, by, reason)


def decision_text(change: ProposedChange) -> tuple[str, str]:
    """The subject and body of the email telling the provider what was decided."""
    service = change.service
    what = "new listing" if change.kind == Kind.NEW else "change to the listing"
    if change.state == State.APPROVED:
        subject = f"Approved: {service.name}"
        lines = [
            f"Your {what} '{service.name}' has been approved and is now live:",
            f"{settings.SITE_URL}{service.get_absolute_url()}",
        ]
    else:
        subject = f"Not approved: {service.name}"
        edit = reverse("admin:directory_service_change", args=[service.pk])
        lines = [
            f"Your {what} '{service.name}' has not been approved, for this reason:",
            "",
            change.reason,
            "",
            "You can sign in, change it and send it again:",
            f"{settings.SITE_URL}{edit}",
        ]
    return subject, "\n".join(["Hello,", "", *lines, "", "The short breaks team"])


def decision_send(change: ProposedChange) -> bool:
    """Email the decision to whoever proposed the change (or the provider). Whether it went."""
    proposer = change.proposed_by
    to = (proposer.email if proposer else "") or change.service.provider.email
    if not to:
        return False
    subject, body = decision_text(change)
    send_mail(subject, body, None, [to])
    return True
