"""Short-notice places a provider offers on one of its services, and families' email alerts."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ..ages import MAX_AGE
from .querysets import AlertQuerySet, PlaceQuerySet

MOST_PLACES = 50


class PlaceStatus(models.TextChoices):
    OPEN = "open", "Offered"
    TAKEN = "taken", "Taken"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ClaimBy(models.TextChoices):
    """How a family claims a place."""

    FIRST_TO_CALL = "first_to_call", "First to call gets the place"
    PHONE = "phone", "Phone to ask for it"
    EMAIL = "email", "Email to ask for it"


class ShortNoticePlace(models.Model):
    """A place on a service that has come free at short notice (a cancellation, a spare bed):
    when, how many, who it suits within what the service says, how to claim it and until when.
    It is public while it is offered and has not started; nothing deletes it, so the
    commissioners' report can count what was taken and what went unused."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="short_notice_places"
    )
    kind = models.ForeignKey(
        "directory.BreakKind",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="kind of break",
        help_text="One of the service's kinds of break.",
    )
    starts_on = models.DateField("date", help_text="The day, or the first day of a stay.")
    ends_on = models.DateField(
        "last day", null=True, blank=True, help_text="For a stay: the day it ends. Else empty."
    )
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    places = models.PositiveSmallIntegerField(
        "number of places",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MOST_PLACES)],
    )
    min_age = models.PositiveSmallIntegerField(
        "youngest age",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="Empty for the service's own.",
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="Empty for the service's own.",
    )
    needs = models.ManyToManyField(
        "directory.Need",
        blank=True,
        related_name="+",
        verbose_name="needs it can support",
        help_text="Empty for all the service's own; else some of them.",
    )
    claim_by = models.CharField(
        "how to claim it", max_length=16, choices=ClaimBy.choices, default=ClaimBy.FIRST_TO_CALL
    )
    claim_phone = models.CharField("phone", max_length=40, blank=True)
    claim_email = models.EmailField("email", blank=True)
    notes = models.CharField(
        max_length=300, blank=True, help_text="Anything else families should know."
    )
    offered_until = models.DateTimeField(help_text="When the offer ends, if no one claims it.")
    status = models.CharField(max_length=10, choices=PlaceStatus.choices, default=PlaceStatus.OPEN)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    posted_at = models.DateTimeField(auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Every write sets it (a save; place_mark_taken and place_withdraw by update): the places
    # page keeps the places' facts until it moves (directory.short_notice.open_places).
    changed_at = models.DateTimeField(auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = "short-notice place"
        ordering = ["starts_on", "start_time"]
        indexes = [
            models.Index(fields=["status", "starts_on"], name="short_notice_open"),
            models.Index(fields=["service", "status", "starts_on"], name="short_notice_service"),
            models.Index(fields=["posted_at"], name="short_notice_posted"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(places__gte=1), name="short_notice_places"),
        ]

    def __str__(self):
        return f"{self.service} on {self.starts_on:%Y-%m-%d}"

    @property
    def last_day(self):
        return self.ends_on or self.starts_on


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", "As soon as there is something new"
    DAILY = "daily", "Once a day at most"


class Alert(models.Model):
    """A family's request to hear by email about new places and services that fit a directory
    search: the email address and the search (a query string), nothing else. Confirmed by a
    link; deleted unconfirmed after 7 days and 12 months after its confirmation or last
    renewal (directory.short_notice.services)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField()
    search = models.CharField(max_length=1500, blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    renewed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        verbose_name = "email alert"
        indexes = [models.Index(fields=["confirmed_at", "renewed_at"], name="alert_confirmed")]

    def __str__(self):
        return f"Alert {self.pk}"


class SentAlert(models.Model):
    """A place or a new service an alert has told its family about: never told twice."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sent")
    place = models.ForeignKey(
        ShortNoticePlace, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "place"], name="sent_alert_place_once"),
            models.UniqueConstraint(fields=["alert", "service"], name="sent_alert_service_once"),
            models.CheckConstraint(
                condition=models.Q(place__isnull=False) ^ models.Q(service__isnull=False),
                name="sent_alert_place_or_service",
            ),
        ]

    def __str__(self):
        return f"Sent {self.sent_at:%Y-%m-%d %H:%M}"
