"""What: the short-break services families search for, and when they run."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..ages import MAX_AGE
from ..querysets import ServiceLocationQuerySet, ServiceQuerySet
from ..querysets.services import MASKED_LISTS, SEARCH_COLUMNS
from ..timings import DAY_COLUMNS, TIME_COLUMNS, Weekday
from .revisions import Revised

OVERNIGHT_STARTS_FROM = dt.time(12, 0)


class Tier(models.TextChoices):
    """The graduated offer: who decides whether a family can use a service."""

    UNIVERSAL = "universal", "Open to everyone"
    TARGETED = "targeted", "Targeted (no assessment needed)"
    SPECIALIST = "specialist", "Specialist (after an assessment)"


class AccessRoute(models.TextChoices):
    """How a family gets a place."""

    OPEN = "open", "Open to all: contact the provider or just turn up"
    PROVIDER_CRITERIA = "provider_criteria", "The provider checks your child meets its criteria"
    ASSESSMENT = "assessment", "Needs a social-care assessment"
    DIRECT_PAYMENT = "direct_payment", "Bought with a direct payment or paid for yourself"
    EARLY_HELP = "early_help", "Through Early Help"


class CostUnit(models.TextChoices):
    SESSION = "session", "per session"
    HOUR = "hour", "per hour"
    DAY = "day", "per day"
    NIGHT = "night", "per night"
    WEEK = "week", "per week"
    TERM = "term", "per term"
    YEAR = "year", "per year"


class Availability(models.TextChoices):
    PLACES = "places", "Places available"
    WAITING_LIST = "waiting_list", "Waiting list"
    FULL = "full", "Full"
    NOT_KNOWN = "not_known", "Not known"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class ListingVersion(models.Model):
    """A version of a service also keeps its whole listing (directory.listings): its lists,
    venues and sessions as well as its own fields, so it can be compared and restored whole."""

    listing = models.JSONField(encoder=DjangoJSONEncoder, null=True, editable=False)

    class Meta:
        abstract = True


# The columns derived from others (see Service), which
# directory.services.services_refresh_derived_fields writes.
DERIVED_FIELDS = [
    *DAY_COLUMNS,
    *TIME_COLUMNS.values(),
    "has_venue",
    *MASKED_LISTS.values(),
    "search_document",
]
# Derived columns change with what they are derived from, and updated_at with every save:
# none is worth a version.
NOT_VERSIONED = [*DERIVED_FIELDS, "updated_at", "revision"]
SERVICE_HISTORY = HistoricalRecords(excluded_fields=NOT_VERSIONED, bases=[ListingVersion])


class Service(Revised):
    """A short break a provider runs: who it is for, what happens, when, where, cost and access.

    The `on_<day>` and `runs_<time>` columns are derived from the sessions, the `<list>_mask`
    columns from the taxonomies (a bit per term), and `search_document` from the text, by
    `directory.services.services_refresh_derived_fields`, so that the search index and the
    reports need no joins.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(
        "directory.Provider", on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=150)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences shown in search results."
    )
    description = models.TextField(
        help_text="What happens, who it is for and what support is offered, in plain English."
    )

    # Who it is for and how to get in
    tier = models.CharField(max_length=12, choices=Tier.choices)
    access_route = models.CharField(
        "how to get a place", max_length=20, choices=AccessRoute.choices
    )
    how_to_access = models.TextField(
        "how to get a place: details",
        blank=True,
        help_text="What a family should do, for example 'Call Sam to arrange a visit first'.",
    )
    min_age = models.PositiveSmallIntegerField(
        "youngest age", validators=[MaxValueValidator(MAX_AGE)]
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age", validators=[MaxValueValidator(MAX_AGE)]
    )
    needs = models.ManyToManyField("directory.Need", blank=True, related_name="services")
    kinds = models.ManyToManyField(
        "directory.BreakKind", related_name="services", verbose_name="kinds of break"
    )
    localities = models.ManyToManyField(
        "directory.Locality",
        related_name="services",
        verbose_name="localities served",
        help_text="Where families must live to use it.",
    )
    venues = models.ManyToManyField(
        "directory.Venue", through="ServiceLocation", blank=True, related_name="services"
    )

    # When
    timing_notes = models.TextField(
        blank=True, help_text="For example 'Not on bank holidays' or 'Dates agreed with you'."
    )

    # Cost
    is_free = models.BooleanField("free", default=False)
    cost_amount = models.DecimalField(
        "cost in pounds",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_unit = models.CharField(max_length=10, choices=CostUnit.choices, blank=True)
    cost_description = models.CharField(
        max_length=300, blank=True, help_text="For example 'Includes lunch. Siblings half price.'"
    )
    accepts_direct_payments = models.BooleanField(default=False)

    # Support offered
    ratio_one_to_three = models.BooleanField("1:3 (one worker to three children)", default=False)
    ratio_one_to_two = models.BooleanField("1:2 (one worker to two children)", default=False)
    ratio_one_to_one = models.BooleanField("1:1 (one worker to one child)", default=False)
    ratio_two_to_one = models.BooleanField("2:1 (two workers to one child)", default=False)
    personal_care = models.BooleanField(default=False)
    medication = models.BooleanField("gives medication", default=False)
    gastrostomy_feeding = models.BooleanField(default=False)
    moving_and_handling = models.BooleanField("moving and handling (hoisting)", default=False)

    # Places
    availability = models.CharField(
        max_length=12, choices=Availability.choices, default=Availability.NOT_KNOWN
    )
    availability_on = models.DateField(
        "availability as of", null=True, blank=True, help_text="When the provider said so."
    )

    # Contact, if different from the provider's
    contact_name = models.CharField(max_length=120, blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_email = models.EmailField(blank=True)
    website = models.URLField(blank=True)

    # Publication and review
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    last_checked_on = models.DateField(null=True, blank=True)
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Derived from the sessions and text (see the docstring)
    on_monday = models.BooleanField(default=False, editable=False)
    on_tuesday = models.BooleanField(default=False, editable=False)
    on_wednesday = models.BooleanField(default=False, editable=False)
    on_thursday = models.BooleanField(default=False, editable=False)
    on_friday = models.BooleanField(default=False, editable=False)
    on_saturday = models.BooleanField(default=False, editable=False)
    on_sunday = models.BooleanField(default=False, editable=False)
    runs_after_school = models.BooleanField(default=False, editable=False)
    runs_evenings = models.BooleanField(default=False, editable=False)
    runs_weekends = models.BooleanField(default=False, editable=False)
    runs_school_holidays = models.BooleanField(default=False, editable=False)
    runs_overnight = models.BooleanField(default=False, editable=False)
    has_venue = models.BooleanField(default=False, editable=False)
    needs_mask = models.BigIntegerField(default=0, editable=False)
    kinds_mask = models.BigIntegerField(default=0, editable=False)
    localities_mask = models.BigIntegerField(default=0, editable=False)
    features_mask = models.BigIntegerField(
        default=0, editable=False, help_text="Features of any of the service's venues."
    )
    search_document = models.TextField(default="", editable=False)

    objects = ServiceQuerySet.as_manager()
    history = SERVICE_HISTORY

    class Meta:
        ordering = ["name"]
        permissions = [("purge_service", "Can delete a deleted service for good")]
        indexes = [
            # Covers every column the reports count services by (portal.reports.supply), so
            # they read this index rather than the wide rows.
            models.Index(
                fields=["status", *SEARCH_COLUMNS, "id", "name"],
                name="service_search_facets",
            ),
            models.Index(fields=["status", "name"], name="service_status_name"),
            models.Index(fields=["status", "last_checked_on"], name="service_status_checked"),
            # A provider's published services, and the first few of them by name that a
            # service's page lists, read from the index alone however many the provider runs.
            models.Index(
                fields=["provider", "status", "name", "id"], name="service_provider_status_name"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__lte=models.F("max_age")),
                name="service_min_age_not_above_max",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:service", args=[self.pk])

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    def clean(self):
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = "The oldest age must not be below the youngest age."
        if self.is_free and self.cost_amount:
            errors["cost_amount"] = "A free service has no cost: clear the cost or untick free."
        if self.cost_amount is not None and not self.cost_unit:
            errors["cost_unit"] = "Say what the cost is for, for example per session."
        if self.last_checked_on is not None and self.last_checked_on > timezone.localdate():
            errors["last_checked_on"] = "The date it was last checked must be today or in the past."
        if errors:
            raise ValidationError(errors)


class ServiceLocation(models.Model):
    """A service at a venue (Open Referral's 'service at location').

    The venue's position is copied here by directory.services, so that "within 5 miles" is one
    indexed range over this table rather than a join per service."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="locations")
    venue = models.ForeignKey(
        "directory.Venue", on_delete=models.CASCADE, related_name="service_locations"
    )
    latitude = models.FloatField(null=True, editable=False)
    longitude = models.FloatField(null=True, editable=False)

    objects = ServiceLocationQuerySet.as_manager()

    class Meta:
        verbose_name = "venue"
        constraints = [
            models.UniqueConstraint(fields=["service", "venue"], name="service_location_unique")
        ]
        indexes = [
            models.Index(
                fields=["latitude", "longitude", "service"], name="service_location_position"
            )
        ]

    def __str__(self):
        return f"{self.service} at {self.venue}"


class Session(models.Model):
    """A regular time a service runs: a weekday, start and end, and in which weeks."""

    Weekday = Weekday  # directory.timings' days, at hand beside Period as the field's choices

    class Period(models.TextChoices):
        TERM_TIME = "term_time", "Term time"
        SCHOOL_HOLIDAYS = "school_holidays", "School holidays"
        ALL_YEAR = "all_year", "All year"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="sessions")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    start_time = models.TimeField()
    end_time = models.TimeField(help_text="Earlier than the start for an overnight session.")
    period = models.CharField(max_length=16, choices=Period.choices, default=Period.ALL_YEAR)

    class Meta:
        ordering = ["weekday", "start_time"]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M} to {self.end_time:%H:%M}"

    def clean(self):
        if self.start_time is None or self.end_time is None:
            return
        if self.start_time == self.end_time:
            raise ValidationError({"end_time": "The end time must be different from the start."})
        # Ending "before" it starts is an overnight session only if it starts from midday and
        # ends by the next midday; otherwise the times were typed the wrong way round.
        overnight = self.start_time >= OVERNIGHT_STARTS_FROM >= self.end_time
        if self.end_time < self.start_time and not overnight:
            raise ValidationError(
                {
                    "end_time": "The end time must be after the start time. An overnight session "
                    "starts from midday and ends by midday the next day."
                }
            )
