"""Who: the organisations that run short breaks."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..querysets import ProviderQuerySet
from .revisions import Revised

OFSTED_URN = RegexValidator(
    r"^(EY|SC|SC\d)?\d{6,7}$", "Enter an Ofsted unique reference number, like EY123456 or 123456"
)
CQC_ID = RegexValidator(r"^1-\d{6,12}$", "Enter a CQC ID, like 1-123456789")
CHARITY_NUMBER = RegexValidator(
    r"^\d{6,8}(-\d{1,2})?$", "Enter a registered charity number, like 1123456"
)


class Provider(Revised):
    """An organisation that runs one or more short-break services."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(help_text="Who the organisation is and what it does.")
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    ofsted_number = models.CharField(
        "Ofsted URN", max_length=10, blank=True, validators=[OFSTED_URN]
    )
    cqc_number = models.CharField("CQC ID", max_length=20, blank=True, validators=[CQC_ID])
    charity_number = models.CharField(
        "registered charity number", max_length=12, blank=True, validators=[CHARITY_NUMBER]
    )
    safeguarding_lead = models.CharField("safeguarding lead's name", max_length=120, blank=True)
    safeguarding_email = models.EmailField("safeguarding lead's email", blank=True)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="providers",
        verbose_name="people who update its listings",
        help_text="Back-office users in the Provider role who act for this organisation.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProviderQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "revision"])

    class Meta:
        ordering = ["name"]
        permissions = [("purge_provider", "Can delete a deleted provider for good")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:provider", args=[self.pk])
