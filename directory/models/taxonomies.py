"""The council's own lists, edited in the admin: needs, kinds of break, accessibility features,
age bands and localities (see places.py). Each is published as an Open Referral taxonomy."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..ages import MAX_AGE
from ..querysets import TaxonomyQuerySet

MAX_TERMS = 63  # each term is a bit in a service's 64-bit mask for that list


class MaskedTerm(models.Model):
    """A term services are filtered and counted by, through a bit in a per-service mask.

    `bit` is given once, when the term is made, and never changes.
    """

    bit = models.PositiveSmallIntegerField(editable=False, unique=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.bit is None:
            self.bit = self._free_bit()
        super().save(*args, **kwargs)

    @property
    def mask(self) -> int:
        return 1 << self.bit

    def _free_bit(self):
        used = set(type(self).objects.exclude(pk=self.pk).values_list("bit", flat=True))
        return next((bit for bit in range(MAX_TERMS) if bit not in used), None)

    def clean(self):
        super().clean()
        if self.bit is None and self._free_bit() is None:
            raise ValidationError(
                f"This list already has {MAX_TERMS} terms, the most it can hold. "
                "Remove one that is no longer used first."
            )


class TaxonomyTerm(models.Model):
    """A term in one of the council's lists: a stable code for URLs and imports, and a name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(
        max_length=40,
        unique=True,
        help_text="A short, permanent code used in web addresses and imports. Letters, numbers "
        "and hyphens.",
    )
    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in lists and filters."
    )

    objects = TaxonomyQuerySet.as_manager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Need(MaskedTerm, TaxonomyTerm):
    """A need a service supports: the DfE SEN primary needs, plus what families search for."""

    is_sen_primary_need = models.BooleanField(
        "DfE SEN primary need",
        default=False,
        help_text="One of the Department for Education's special educational needs categories.",
    )

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "need"


class BreakKind(MaskedTerm, TaxonomyTerm):
    """A kind of short break, filed under one of the four headings of the 2011 Regulations."""

    class Heading(models.TextChoices):
        DAYTIME_CARE = "daytime_care", "Daytime care in the home or elsewhere"
        OVERNIGHT_CARE = "overnight_care", "Overnight care in the home or elsewhere"
        ACTIVITIES = "activities", "Educational or leisure activities outside the home"
        OUT_OF_HOURS = "out_of_hours", "Services in the evenings, at weekends and in the holidays"

    heading = models.CharField(
        "heading in the Regulations",
        max_length=20,
        choices=Heading.choices,
        help_text="The Breaks for Carers of Disabled Children Regulations 2011 group breaks "
        "under four headings; the Short Breaks Statement uses them.",
    )

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "kind of break"
        verbose_name_plural = "kinds of break"

    @property
    def is_overnight(self):
        return self.heading == self.Heading.OVERNIGHT_CARE


class AccessibilityFeature(MaskedTerm, TaxonomyTerm):
    """Something a venue offers disabled children and their families, such as a hoist."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "accessibility feature"


class AgeBand(TaxonomyTerm):
    """An age range families filter by and reports count by, such as 5 to 11."""

    min_age = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_AGE)])
    max_age = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_AGE)])

    class Meta(TaxonomyTerm.Meta):
        ordering = ["min_age"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__lte=models.F("max_age")),
                name="age_band_min_not_above_max",
            )
        ]

    def clean(self):
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError({"max_age": "The oldest age must not be below the youngest."})
