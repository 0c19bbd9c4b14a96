"""The register of personal assistants (PAs) families can employ with a direct payment, and the
only trace a family's message leaves: a count.

A PA's name, email, phone, home postcode, position and referees are private: the council's
officers read them in the back office; public pages show only what `presenters` chooses."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from directory.models.council import LONGEST_SEARCH_RADIUS_MILES
from directory.models.places import LATITUDE, LONGITUDE
from directory.timings import TimeOfWeek, Weekday

from .querysets import PersonalAssistantQuerySet

DAYS = [(day.code, day.label) for day in Weekday]
TIMES = TimeOfWeek.choices
HIGHEST_RATE = 200  # pounds an hour: anything above is a typing mistake


class Status(models.TextChoices):
    PENDING = "pending", "Waiting for checks"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    LAPSED = "lapsed", "Lapsed (not confirmed for 6 months)"
    WITHDRAWN = "withdrawn", "Withdrawn (personal data deleted)"


class Offer(models.TextChoices):
    PERSONAL_CARE = "personal_care", "Personal care"
    MEDICATION = "medication", "Giving medication"
    MOVING_AND_HANDLING = "moving_and_handling", "Moving and handling"
    DRIVING = "driving", "Driving (with their own car)"
    SLEEP_INS = "sleep_ins", "Sleep-ins"
    ACTIVITIES = "activities", "Trips out and activities"
    HOME_SUPPORT = "home_support", "Support at home"
    COMMUNICATION = "communication", "Signing or other communication support"


DBS_NUMBER = RegexValidator(
    r"^\d{12}$", "Enter the 12-digit certificate number from your DBS certificate"
)


class PersonalAssistant(models.Model):
    """A personal assistant's application and, once approved, their profile on the register."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)

    # Private: officers only.
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    postcode = models.CharField("home postcode", max_length=8, blank=True)
    latitude = models.FloatField(null=True, blank=True, validators=LATITUDE)
    longitude = models.FloatField(null=True, blank=True, validators=LONGITUDE)
    referee_1_name = models.CharField("first referee's name", max_length=100, blank=True)
    referee_1_contact = models.CharField("first referee's contact", max_length=200, blank=True)
    referee_2_name = models.CharField("second referee's name", max_length=100, blank=True)
    referee_2_contact = models.CharField("second referee's contact", max_length=200, blank=True)
    dbs_certificate_number = models.CharField(
        "DBS certificate number", max_length=12, blank=True, validators=[DBS_NUMBER]
    )

    # Kept after a withdrawal, for the reports: nothing here identifies anyone.
    locality = models.ForeignKey(
        "directory.Locality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    travel_miles = models.PositiveSmallIntegerField(
        "travels up to (miles)",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_SEARCH_RADIUS_MILES)],
    )
    age_bands = models.ManyToManyField("directory.AgeBand", blank=True, related_name="+")
    needs = models.ManyToManyField("directory.Need", blank=True, related_name="+")
    offers = models.JSONField("what they offer", default=list, blank=True)
    days = models.JSONField("days available", default=list, blank=True)
    times = models.JSONField("times available", default=list, blank=True)

    # Public once approved.
    description = models.TextField("about them", max_length=1000, blank=True)
    experience = models.TextField(max_length=1000, blank=True)
    training = models.TextField(max_length=1000, blank=True)
    hourly_rate = models.DecimalField(
        "hourly rate (£)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(HIGHEST_RATE)],
        help_text="Empty for 'to discuss'.",
    )
    dbs_issued_on = models.DateField("DBS certificate date", null=True, blank=True)
    dbs_update_service = models.BooleanField("on the DBS update service", default=False)

    # The officers' checks and decision.
    identity_seen = models.BooleanField("identity seen", default=False)
    dbs_seen = models.BooleanField(
        "enhanced DBS certificate (children's barred list) seen",
        default=False,
        help_text="Tick when you have seen the certificate; correct its date above if needed.",
    )
    references_taken = models.BooleanField("two references taken", default=False)
    decision_reason = models.TextField("reason for the decision", blank=True)
    verified_on = models.DateField("last verified by the council", null=True, blank=True)
    confirmed_on = models.DateField(
        "last confirmed available", null=True, blank=True, help_text="By the council or the PA."
    )
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    consented_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField("applied", auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonalAssistantQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["updated_at", "reminded_on"], m2m_fields=[age_bands, needs]
    )

    class Meta:
        verbose_name = "personal assistant"
        ordering = ["status", "-created_at"]
        default_permissions = ("view", "change")
        permissions = [
            ("approve_personalassistant", "PA register: approve or refuse personal assistants")
        ]

    def __str__(self):
        if self.status == Status.WITHDRAWN:
            return "Withdrawn personal assistant"
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def public_name(self) -> str:
        """First name and initial: all of their name a family sees."""
        initial = self.last_name[:1].upper()
        return f"{self.first_name} {initial}" if initial else self.first_name

    @property
    def checklist_done(self) -> bool:
        return self.identity_seen and self.dbs_seen and self.references_taken


class ContactTally(models.Model):
    """How many families sent a message to a PA, by month, the PA's area and the need the
    family named: all the register keeps of a message once it is sent."""

    month = models.DateField()
    locality = models.ForeignKey(
        "directory.Locality", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    need = models.ForeignKey(
        "directory.Need", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["month", "locality", "need"], name="contact_tally_key")]

    def __str__(self):
        return f"{self.month:%B %Y}: {self.count}"
