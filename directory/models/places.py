"""Where: the council's localities, postcode centroids for distance searches, and venues."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..postcodes import parse_postcode
from ..querysets import PostcodeQuerySet, VenueQuerySet
from .revisions import Revised
from .taxonomies import MaskedTerm, TaxonomyTerm

LATITUDE = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE = [MinValueValidator(-180), MaxValueValidator(180)]


class Locality(MaskedTerm, TaxonomyTerm):
    """An area the council plans and reports by, such as 'Chesil', made of postcode districts."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name_plural = "localities"


class PostcodeDistrict(models.Model):
    """The outward part of a postcode (DT1), with its centre and the locality it belongs to."""

    code = models.CharField("district", max_length=4, primary_key=True)
    latitude = models.FloatField(validators=LATITUDE)
    longitude = models.FloatField(validators=LONGITUDE)
    locality = models.ForeignKey(
        Locality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="postcode_districts",
    )

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


class Postcode(models.Model):
    """A full postcode and where it is, loaded by `manage.py import_postcodes`."""

    postcode = models.CharField(max_length=8, primary_key=True)
    latitude = models.FloatField(validators=LATITUDE)
    longitude = models.FloatField(validators=LONGITUDE)
    locality = models.ForeignKey(
        Locality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PostcodeQuerySet.as_manager()

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return self.postcode


class Venue(Revised):
    """A place where a service happens, and what it offers disabled visitors."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(
        "directory.Provider",
        on_delete=models.CASCADE,
        related_name="venues",
        help_text="The organisation that looks after this venue's details.",
    )
    name = models.CharField(max_length=150)
    address_line_1 = models.CharField("address line 1", max_length=150)
    address_line_2 = models.CharField("address line 2", max_length=150, blank=True)
    town = models.CharField("town or city", max_length=80)
    postcode = models.CharField(max_length=8)
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=LATITUDE,
        help_text="Leave empty to use the postcode's position.",
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=LONGITUDE,
        help_text="Leave empty to use the postcode's position.",
    )
    accessibility_features = models.ManyToManyField(
        "directory.AccessibilityFeature", blank=True, related_name="venues"
    )
    accessibility_notes = models.TextField(
        blank=True,
        help_text="Anything else families should know, such as where the accessible entrance is.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VenueQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["updated_at", "revision"], m2m_fields=[accessibility_features]
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="venue_position")]
        permissions = [("purge_venue", "Can delete a deleted venue for good")]

    def __str__(self):
        return f"{self.name}, {self.town}"

    def clean(self):
        """A venue's postcode is a whole one ("DT1 1XJ"), kept in its standard form."""
        parsed = parse_postcode(self.postcode)
        if self.postcode and (parsed is None or not parsed.is_full):
            raise ValidationError({"postcode": "Enter a real postcode, like DT1 1XJ."})
        if parsed is not None:
            self.postcode = parsed.text

    @property
    def address_lines(self):
        return [
            line
            for line in (self.address_line_1, self.address_line_2, self.town, self.postcode)
            if line
        ]
