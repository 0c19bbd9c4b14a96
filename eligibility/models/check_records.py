"""The anonymous record of each completed check: the demand figures commissioners lack,
which their demand report counts."""

from django.db import models

from ..querysets import CheckRecordQuerySet
from .rulesets import ASSESSMENT_CHOICES, TARGETED_CHOICES, Ruleset


class CheckRecord(models.Model):
    """One completed check, with nothing that identifies the family: the demand figures that
    commissioners lack. No date of birth, postcode or name; the month, not the day."""

    class BenefitRoute(models.TextChoices):
        PASSPORT = "passport", "A qualifying benefit"
        EVIDENCE = "evidence", "Other evidence"
        NONE = "none", "Neither"

    month = models.DateField(help_text="The first day of the month of the check.")
    locality = models.ForeignKey(
        "directory.Locality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    age_band = models.ForeignKey(
        "directory.AgeBand", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    benefit_route = models.CharField(max_length=10, choices=BenefitRoute.choices)
    targeted = models.CharField(max_length=12, choices=TARGETED_CHOICES)
    specialist_assessment = models.CharField(max_length=20, choices=ASSESSMENT_CHOICES)
    ruleset = models.ForeignKey(Ruleset, on_delete=models.PROTECT, related_name="check_records")

    objects = CheckRecordQuerySet.as_manager()

    class Meta:
        indexes = [
            # Covers the demand report's grouped count: read in order, no table rows.
            models.Index(
                fields=["month", "locality", "age_band", "targeted", "specialist_assessment"],
                name="check_record_demand",
            )
        ]

    def __str__(self):
        return f"{self.month:%B %Y}: {self.targeted}"

    def need(self, code: str) -> "CheckRecordNeed":
        """A need of this record, with the record's month and outcomes copied beside it."""
        return CheckRecordNeed(
            record=self,
            code=code,
            month=self.month,
            targeted=self.targeted,
            specialist_assessment=self.specialist_assessment,
        )


class CheckRecordNeed(models.Model):
    """A need the family said their child has, by its code (kept even if the need is renamed).

    The record's month and outcomes are copied here (records never change once written), so
    the demand report counts needs from this table's index alone, without a join."""

    record = models.ForeignKey(CheckRecord, on_delete=models.CASCADE, related_name="needs")
    code = models.CharField(max_length=40)
    month = models.DateField(help_text="The record's month.")
    targeted = models.CharField(max_length=12, help_text="The record's targeted outcome.")
    specialist_assessment = models.CharField(
        max_length=20, help_text="The record's specialist assessment outcome."
    )

    class Meta:
        indexes = [
            # Covers the demand report's count by need: read in order, no table rows.
            models.Index(
                fields=["code", "targeted", "month", "specialist_assessment"],
                name="check_record_need_demand",
            )
        ]

    def __str__(self):
        return self.code
