"""The council's criteria as versioned rulesets, with the benefits that qualify and the test
cases a ruleset must pass before it is published."""

import dataclasses

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from directory.ages import MAX_AGE
from directory.models.revisions import Revised

from .. import rules
from ..querysets import RulesetQuerySet

AGE = [MaxValueValidator(MAX_AGE)]


def _choices(values, labels):
    return [
        (
            value,
            labels.get(value, value.replace("_", " ").capitalize()).replace("{team}", rules.TEAM),
        )
        for value in values
    ]


CONDITION_CHOICES = _choices(rules.CONDITIONS, rules.CONDITION_NAMES)
EVIDENCE_CHOICES = _choices(rules.EQUIVALENT_EVIDENCE, rules.CONDITION_NAMES)
TRIGGER_CHOICES = _choices(rules.TRIGGERS, rules.CONDITION_NAMES)
BENEFIT_CHOICES = [(b, name[0].upper() + name[1:]) for b, name in rules.BENEFIT_NAMES.items()]
RATE_CHOICES = _choices(sorted({rate for rates in rules.AWARDED.values() for rate in rates}), {})
# The engine's outcomes: what a case expects, and what a check record keeps.
TARGETED_CHOICES = _choices([t.value for t in rules.Targeted], {})
ASSESSMENT_CHOICES = _choices([a.value for a in rules.Assessment], {})


class Ruleset(Revised):
    """One version of the council's criteria for targeted short breaks and assessments.

    The parameters are those of the eligibility specification (docs/eligibility.md). A published
    ruleset is never edited: a new version is made from it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    class EquivalentNeedOutcome(models.TextChoices):
        POSSIBLE = "possible", "Possible: the provider or a practitioner decides"
        UNLIKELY = "unlikely", "Unlikely"

    name = models.CharField(max_length=120, help_text="For the council's staff.")
    public_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="What families read, for example 'South Wessex short breaks criteria "
        "2026'. The council's name and 'short breaks criteria' if empty.",
    )
    version = models.PositiveIntegerField(unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    valid_from = models.DateField(help_text="The first day the checker uses this ruleset.")
    valid_to = models.DateField(
        null=True, blank=True, help_text="The last day. Leave empty to keep it until replaced."
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # Ages and area
    min_age = models.PositiveSmallIntegerField(
        "youngest age",
        default=0,
        validators=AGE,
        help_text="The youngest age, in whole years, that can qualify for targeted breaks.",
    )
    age_limit = models.PositiveSmallIntegerField(
        default=18,
        validators=AGE,
        help_text="Targeted breaks end on this birthday: 18 means until the 18th birthday.",
    )
    extended_age_limit = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=AGE,
        help_text="A later limit for young people who meet the conditions below. Leave empty "
        "for none.",
    )
    extended_requires = models.JSONField("conditions for the later limit", default=list, blank=True)
    school_in_area_counts = models.BooleanField(
        "a school in the area counts as living in it", default=False
    )

    # Benefits and evidence
    cdp_counts_as_dla = models.BooleanField(
        "Child Disability Payment (Scotland) counts as Disability Living Allowance", default=True
    )
    adp_counts_as_pip = models.BooleanField(
        "Adult Disability Payment (Scotland) counts as Personal Independence Payment",
        default=True,
    )
    also_require = models.JSONField(
        "also needed with a qualifying benefit", default=list, blank=True
    )
    equivalent_evidence = models.JSONField(
        "evidence that counts instead of a benefit", default=list, blank=True
    )
    equivalent_need_outcome = models.CharField(
        "outcome for a similar need without a qualifying benefit",
        max_length=10,
        choices=EquivalentNeedOutcome.choices,
        default=EquivalentNeedOutcome.POSSIBLE,
    )

    # Specialist support
    exclude_if_open_to_disability_team = models.BooleanField(
        "targeted breaks are not for children the disabled children's team supports",
        default=False,
    )
    specialist_triggers = models.JSONField(
        "answers that suggest a social-care assessment",
        default=list,
        blank=True,
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["revision"])

    objects = RulesetQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "-version"]

    def __str__(self):
        return f"{self.name} (version {self.version})"

    def save(self, *args, **kwargs):
        if self.version is None:
            last = Ruleset.objects.aggregate(models.Max("version"))["version__max"]
            self.version = (last or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        lists = {
            "extended_requires": rules.CONDITIONS,
            "also_require": rules.CONDITIONS,
            "equivalent_evidence": rules.EQUIVALENT_EVIDENCE,
            "specialist_triggers": rules.TRIGGERS,
        }
        for name, allowed in lists.items():
            value = getattr(self, name)
            if not isinstance(value, list) or any(item not in allowed for item in value):
                errors[name] = "Choose from the list."
        if (
            self.min_age is not None
            and self.age_limit is not None
            and self.min_age >= self.age_limit
        ):
            errors["age_limit"] = "The age limit must be above the youngest age."
        if (
            self.extended_age_limit is not None
            and self.age_limit is not None
            and (self.extended_age_limit <= self.age_limit)
        ):
            errors["extended_age_limit"] = "The later limit must be above the age limit."
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            errors["valid_to"] = "The last day must not be before the first."
        if errors:
            raise ValidationError(errors)

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    def to_rules(self) -> rules.Ruleset:
        """The ruleset as the engine reads it (its passports should be prefetched)."""
        return rules.Ruleset(
            name=self.name,
            min_age=self.min_age,
            age_limit=self.age_limit,
            extended_age_limit=self.extended_age_limit,
            extended_requires=tuple(self.extended_requires),
            school_in_area_counts=self.school_in_area_counts,
            passports=tuple(p.to_rules() for p in self.passports.all()),
            cdp_counts_as_dla=self.cdp_counts_as_dla,
            adp_counts_as_pip=self.adp_counts_as_pip,
            also_require=tuple(self.also_require),
            equivalent_evidence=tuple(self.equivalent_evidence),
            equivalent_need_outcome=rules.Targeted(self.equivalent_need_outcome),
            exclude_if_open_to_disability_team=self.exclude_if_open_to_disability_team,
            specialist_triggers=tuple(self.specialist_triggers),
        )


class RulesetPassport(models.Model):
    """A benefit rate that qualifies for targeted breaks, for ages in a range."""

    ruleset = models.ForeignKey(Ruleset, on_delete=models.CASCADE, related_name="passports")
    benefit = models.CharField(max_length=20, choices=BENEFIT_CHOICES)
    rate = models.CharField(max_length=10, choices=RATE_CHOICES)
    min_age = models.PositiveSmallIntegerField(
        "from age", null=True, blank=True, validators=AGE, help_text="Leave empty for any."
    )
    max_age = models.PositiveSmallIntegerField(
        "to age (inclusive)",
        null=True,
        blank=True,
        validators=AGE,
        help_text="Leave empty for any.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "qualifying benefit"
        ordering = ["benefit", "rate"]

    def __str__(self):
        return f"{self.get_benefit_display()}: {self.rate}"

    def clean(self):
        if self.benefit and self.rate and self.rate not in rules.AWARDED.get(self.benefit, ()):
            allowed = ", ".join(rules.AWARDED[self.benefit])
            raise ValidationError({"rate": f"This benefit's rates are: {allowed}."})
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError({"max_age": "The oldest age must not be below the youngest."})

    def to_rules(self) -> rules.Passport:
        return rules.Passport(self.benefit, self.rate, self.min_age, self.max_age)


class RulesetCase(models.Model):
    """A test case a ruleset must pass before it is published: answers and what to expect."""

    YES_NO = [(True, "Yes"), (False, "No")]

    ruleset = models.ForeignKey(Ruleset, on_delete=models.CASCADE, related_name="cases")
    name = models.CharField(max_length=200, help_text="The policy the case checks.")
    reference_date = models.DateField(help_text="The day of the check: ages are taken on it.")
    resident = models.BooleanField(default=True)
    school_in_area = models.BooleanField(default=False)
    date_of_birth = models.DateField()
    disability = models.CharField(
        max_length=10,
        choices=[("true", "Yes"), ("false", "No"), ("not_sure", "Not sure")],
        default="true",
    )
    needs = models.JSONField(default=list, blank=True, help_text="Need codes, such as ASD.")
    dla_care = models.CharField(
        max_length=10, choices=_choices(rules.CARE_RATES, {}), default="none"
    )
    dla_mobility = models.CharField(
        max_length=10, choices=_choices(rules.MOBILITY_RATES, {}), default="none"
    )
    pip_daily_living = models.CharField(
        max_length=10, choices=_choices(rules.DAILY_LIVING_RATES, {}), default="none"
    )
    cdp_care = models.CharField(
        max_length=10, choices=_choices(rules.CARE_RATES, {}), default="none"
    )
    adp_daily_living = models.CharField(
        max_length=10, choices=_choices(rules.DAILY_LIVING_RATES, {}), default="none"
    )
    ehcp = models.CharField(
        "EHC plan", max_length=10, choices=_choices(rules.EHCP, {}), default="none"
    )
    evidence = models.JSONField(default=list, blank=True)
    support_ratio = models.CharField(
        max_length=12, choices=_choices(rules.SUPPORT_RATIOS, {}), blank=True
    )
    night_needs = models.BooleanField(default=False)
    complex_health = models.BooleanField(default=False)
    behaviour_risk = models.BooleanField(default=False)
    carer_struggling = models.BooleanField(default=False)
    open_to_disability_team = models.BooleanField(default=False)
    unsure = models.JSONField(
        "answered not sure",
        default=list,
        blank=True,
        help_text="Any of night_needs, complex_health, behaviour_risk, carer_struggling.",
    )
    expected_targeted = models.CharField(max_length=12, choices=TARGETED_CHOICES, blank=True)
    expected_specialist_assessment = models.CharField(
        max_length=20, choices=ASSESSMENT_CHOICES, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.date_of_birth and self.reference_date and self.date_of_birth > self.reference_date:
            errors["date_of_birth"] = "The date of birth must not be after the day of the check."
        if not self.expected_targeted and not self.expected_specialist_assessment:
            errors["expected_targeted"] = "Say what at least one outcome should be."
        if any(item not in rules.EVIDENCE for item in self.evidence or []):
            errors["evidence"] = "Choose from the list."
        if not isinstance(self.unsure, list) or any(
            item not in rules.UNSURE_FLAGS for item in self.unsure
        ):
            errors["unsure"] = f"Choose from: {', '.join(rules.UNSURE_FLAGS)}."
        if errors:
            raise ValidationError(errors)

    # The model keeps the engine's answers field for field, except for these conversions.
    @staticmethod
    def fields_from(answers: rules.Answers) -> dict:
        """The case's answer fields for the engine's answers: the inverse of to_answers."""
        fields = {field.name: getattr(answers, field.name) for field in dataclasses.fields(answers)}
        return fields | {
            "disability": answers.disability.value,
            "needs": list(answers.needs),
            "evidence": list(answers.evidence),
            "unsure": list(answers.unsure),
            "support_ratio": answers.support_ratio or "",
        }

    def to_answers(self) -> rules.Answers:
        fields = {
            field.name: getattr(self, field.name) for field in dataclasses.fields(rules.Answers)
        }
        return rules.Answers(
            **fields
            | {
                "disability": rules.Disability(self.disability),
                "needs": tuple(self.needs),
                "evidence": tuple(self.evidence),
                "unsure": tuple(self.unsure or ()),
                "support_ratio": self.support_ratio or None,
            }
        )

    @property
    def expect(self) -> dict[str, str]:
        expect = {}
        if self.expected_targeted:
            expect["targeted"] = self.expected_targeted
        if self.expected_specialist_assessment:
            expect["specialist_assessment"] = self.expected_specialist_assessment
        return expect
