"""The Short Breaks Statement: versions written by commissioners in ordered Markdown sections,
with sections generated from the live directory and rules (portal.generated_sections).

One version is published at a time; publishing freezes its generated sections and supersedes
the one before, which stays readable in the archive at its own address."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from directory.models.revisions import Revised

from .querysets import StatementQuerySet


def one_year_after(day: dt.date) -> dt.date:
    """The same day next year (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


class StatementContent(models.Model):
    """A version of a Statement also keeps its sections, so its history shows them too."""

    sections = models.JSONField(encoder=DjangoJSONEncoder, default=list, editable=False)

    class Meta:
        abstract = True


STATEMENT_HISTORY = HistoricalRecords(
    excluded_fields=["updated_at", "revision"], bases=[StatementContent]
)


class Statement(Revised):
    """One version of the council's Short Breaks Services Statement."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    number = models.PositiveIntegerField(
        "version",
        unique=True,
        editable=False,
        help_text="Its address: /statement/ then the number, as in /statement/3/.",
    )
    title = models.CharField(max_length=200, default="Short Breaks Services Statement")
    effective_on = models.DateField(
        "effective from", help_text="The day this version takes effect."
    )
    review_due_on = models.DateField(
        "next review due",
        blank=True,
        help_text="Leave empty for one year after the day it takes effect.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    superseded_at = models.DateTimeField(null=True, blank=True, editable=False)
    generated = models.JSONField(
        encoder=DjangoJSONEncoder,
        null=True,
        blank=True,
        editable=False,
        help_text="The generated sections as they were when this version was published.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = STATEMENT_HISTORY
    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        permissions = [("publish_statement", "Can publish the Short Breaks Statement")]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="one_published_statement",
            )
        ]

    def __str__(self):
        return f"{self.title}, version {self.number}"

    def save(self, *args, **kwargs):
        if self.number is None:
            last = Statement.objects.aggregate(models.Max("number"))["number__max"]
            self.number = (last or 0) + 1
        if self.review_due_on is None and self.effective_on is not None:
            self.review_due_on = one_year_after(self.effective_on)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.status == self.Status.DRAFT:
            return reverse("portal:statement-preview", args=[self.pk])
        return reverse("portal:statement-version", args=[self.number])

    def clean(self):
        if self.review_due_on and self.effective_on and self.review_due_on <= self.effective_on:
            raise ValidationError(
                {"review_due_on": "The next review must be after the day it takes effect."}
            )

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Report(models.Model):
    """No table: the permission to read the commissioners' reports (portal.reports)."""

    class Meta:
        managed = False
        default_permissions = ("view",)

    def __str__(self):
        return "Reports"


class Activity(models.Model):
    """No table: the permission to read the activity log of every record's changes
    (portal.reports.activity)."""

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name_plural = "activity"

    def __str__(self):
        return "Activity log"


class StatementSection(models.Model):
    """A part of a Statement: written by commissioners in Markdown, or one of the generated
    sections, placed where the commissioner puts it and introduced by its text."""

    class Kind(models.TextChoices):
        WRITTEN = "written", "Written by the council"
        FAMILIES_VIEWS = "families_views", "How families' views were gathered"
        RANGE = "range", "Generated: the range of short breaks"
        WHO = "who", "Generated: who can use them"
        HOW = "how", "Generated: how to get a short break"

    GENERATED = (Kind.RANGE, Kind.WHO, Kind.HOW)

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are shown in this order, lowest first."
    )
    heading = models.CharField(max_length=120)
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.WRITTEN,
        help_text="Every Statement needs a section on how families' views were gathered. A "
        "generated section shows the live figures after its text; any generated section not "
        "placed here comes after the others.",
    )
    body = models.TextField(
        blank=True,
        help_text="Markdown: a blank line between paragraphs, '- ' for a list item, "
        "[words](https://...) for a link, '## ' for a sub-heading. HTML is shown as text.",
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading

    def clean(self):
        if self.kind not in self.GENERATED and not (self.body or "").strip():
            raise ValidationError({"body": "Enter the section's text."})

    def content(self) -> dict:
        """The section as its Statement's versions keep it."""
        return {"heading": self.heading, "kind": self.kind, "body": self.body}
