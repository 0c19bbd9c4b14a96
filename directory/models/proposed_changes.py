"""Changes a provider proposes to its listings, held until an editor approves or rejects them."""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from ..querysets import ProposedChangeQuerySet


class ProposedChange(models.Model):
    """A provider's new listing, or its edit of a published one, waiting for a decision.

    `listing` holds the listing as the provider wants it (the shape is directory.listings'); the
    live service does not change until an editor approves. A service has at most one change
    waiting: a provider saving again replaces it."""

    class Kind(models.TextChoices):
        NEW = "new", "New listing"
        EDIT = "edit", "Change to a published listing"

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for approval"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="proposed_changes"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    listing = models.JSONField(encoder=DjangoJSONEncoder, editable=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(
        "reason for rejecting", blank=True, help_text="Sent to the provider, so write it to them."
    )

    objects = ProposedChangeQuerySet.as_manager()

    class Meta:
        ordering = ["proposed_at"]
        permissions = [("approve_proposedchange", "Can approve or reject proposed changes")]
        constraints = [
            models.UniqueConstraint(
                fields=["service"],
                condition=models.Q(state="waiting"),
                name="proposed_change_one_waiting_per_service",
            )
        ]
        indexes = [models.Index(fields=["state", "proposed_at"], name="proposed_change_state")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.service}"
