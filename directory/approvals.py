"""Providers' changes held for approval: saving a listing from the back office (held, or
saved), approving (the change goes live) and rejecting with a reason, each decision emailed to
the person who proposed it."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.urls import reverse
from django.utils import timezone

from .listings import listing_from_forms, listing_of
from .models import ProposedChange, Service, Status, Venue
from .proposal_merge import Merge, proposal_merge
from .roles import acts_for_providers
from .services import listing_apply, service_refresh_derived_fields, service_version_record

Kind, State = ProposedChange.Kind, ProposedChange.State

# A provider user changes its drafts and published listings; an archived one is the council's.
PROVIDER_CHANGEABLE = (Status.DRAFT, Status.PUBLISHED)


class Decision(models.TextChoices):
    """An editor's decision on a proposed change."""

    APPROVE = "approve", "Approve: put it live now"
    REJECT = "reject", "Reject it"


@dataclass(frozen=True)
class ListingSaved:
    """What became of a listing saved in the back office. `proposed` is the change it left
    waiting for approval, if any."""

    service: Service
    proposed: ProposedChange | None = None

    @property
    def held(self) -> bool:
        """The live listing is as it was: the change waits for approval."""
        return self.proposed is not None and self.proposed.kind == Kind.EDIT


def listing_changeable_by(*, service: Service, user) -> bool:
    """Whether the user may change this listing at all, their role's permissions apart."""
    return not acts_for_providers(user) or service.status in PROVIDER_CHANGEABLE


def listing_held(*, service: Service, by, created: bool) -> bool:
    """Whether a save of the listing by `by` waits for approval, the live page staying as it
    is: a provider user's change to a published listing."""
    return not created and service.status == Status.PUBLISHED and acts_for_providers(by)


def listing_save(
    *, form: ModelForm, formsets: Sequence[BaseInlineFormSet], by, created: bool
) -> ListingSaved:
    """Save a listing as a valid service form and its inlines (sessions, venues) describe it,
    or hold it for approval: the one place the back office decides which.

    A provider user's change to a published listing is held: it becomes a proposed change
    (replacing any of theirs still waiting) and nothing else is written. Anything else is
    saved, lists and inlines too, as one version; a provider user's listing is saved as a draft
    and waits for approval as a new listing."""
    service = form.save(commit=False)  # writes nothing; lets save_m2m write the lists later
    if not created and not listing_changeable_by(service=service, user=by):
        raise PermissionDenied("An archived listing is changed by the council.")
    with transaction.atomic():
        if listing_held(service=service, by=by, created=created):
            listing = listing_from_forms(form, formsets)
            change = proposed_change_submit(service=service, listing=listing, by=by, kind=Kind.EDIT)
            return ListingSaved(service, change)
        for_a_provider = acts_for_providers(by)
        if for_a_provider:
            service.status = Status.DRAFT
        elif "last_checked_on" in form.changed_data:
            service.last_checked_by = by  # whoever sets the day checked it
        service.full_clean()
        service.skip_history_when_saving = True  # one version, once the inlines are saved too
        service.save()
        form.save_m2m()
        for formset in formsets:
            formset.save()
        service_refresh_derived_fields(service=service)
        del service.skip_history_when_saving
        service_version_record(service=service, created=created)
        if not for_a_provider:
            return ListingSaved(service)
        change = proposed_change_submit(
            service=service, listing=listing_of(service), by=by, kind=Kind.NEW
        )
        return ListingSaved(service, change)


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


def proposal_base(change: ProposedChange) -> dict | None:
    """The listing as it was when the change was proposed: the service's version current
    then (every save of a listing is one), or None if none was kept."""
    version = (
        change.service.history.filter(history_date__lte=change.proposed_at)
        .exclude(listing=None)
        .order_by("-history_date", "-history_id")
        .first()
    )
    return version.listing if version is not None else None


def proposed_change_merge(*, change: ProposedChange, choices=None) -> Merge:
    """What approving the change would make the listing: only what the provider changed, each
    field an officer also changed since as the approver chose (directory.proposal_merge)."""
    return proposal_merge(
        base=proposal_base(change),
        proposed=change.listing,
        live=listing_of(change.service),
        choices=choices,
    )


def deleted_venues(merge: Merge) -> list[str]:
    """The names of the venues the provider's change adds or keeps that were deleted since."""
    if "venues" not in merge.provider_changed:
        return []
    wanted = set(merge.listing.get("venues", []))
    gone = wanted - {
        str(pk) for pk in Venue.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    }
    if not gone:
        return []
    names = {
        str(record.id): record.name
        for record in Venue.history.filter(id__in=gone).order_by("history_date")
    }
    return sorted(names.get(pk, "a venue") for pk in gone)


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else "someone since removed"


def credit(change: ProposedChange, by) -> str:
    """Who made the version an approval makes: the provider's person and the approver."""
    return f"Proposed by {_person(change.proposed_by)}, approved by {_person(by)}"


def proposed_change_approve(*, change: ProposedChange, by, choices=None) -> ProposedChange:
    """Put the change live: for an edit, only the fields the provider changed, each field an
    officer also changed since as `choices` says (field name to Keep); a new listing is
    published as it is now. Approving counts as checking the listing, by the approver, today;
    the version it makes names who proposed and who approved. Raises ValidationError, writing
    nothing, if a clash has no choice or a venue the change names was deleted since."""
    with transaction.atomic():
        change = _waiting(change)
        service = change.service
        service.status = Status.PUBLISHED
        service.last_checked_on, service.last_checked_by = timezone.localdate(), by
        service._change_reason = credit(change, by)
        service._history_user = by
        if change.kind == Kind.EDIT:
            merge = proposed_change_merge(change=change, choices=choices)
            if merge.unresolved:
                raise ValidationError(
                    "Choose which value to keep where the listing was changed since the "
                    "provider proposed this."
                )
            gone = deleted_venues(merge)
            if gone:
                raise ValidationError(
                    {
                        "venues": f"{', '.join(gone)} was deleted since the provider proposed "
                        "this change. Reject it with a reason, or restore the venue first."
                    }
                )
            listing_apply(service=service, listing=merge.listing)
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


def proposed_change_decide(
    *, change: ProposedChange, by, decision: Decision, reason: str = "", choices=None
) -> ProposedChange:
    """Approve or reject the change, as the editor decided (see the two functions above)."""
    if decision == Decision.APPROVE:
        return proposed_change_approve(change=change, by=by, choices=choices)
    return proposed_change_reject(change=change, by=by, reason=reason)


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
