"""What families tell us is wrong with a listing, for the council's editors to put right."""

import uuid

from django.conf import settings
from django.db import models


class ProblemReport(models.Model):
    """A 'report a problem with this page' submission about one service."""

    class Kind(models.TextChoices):
        OUT_OF_DATE = "out_of_date", "Information is out of date"
        CLOSED = "closed", "The service has closed"
        WRONG_CONTACT = "wrong_contact", "Contact details are wrong"
        OTHER = "other", "Something else"

    class State(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        RESOLVED = "resolved", "Resolved"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="problem_reports"
    )
    kind = models.CharField("what is wrong", max_length=16, choices=Kind.choices)
    details = models.TextField(max_length=1200)
    email = models.EmailField(
        blank=True, help_text="Only if the person wants a reply. Delete it once answered."
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.NEW)
    resolution_note = models.TextField("what was done", blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "created_at"], name="problem_report_state")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.service}"
