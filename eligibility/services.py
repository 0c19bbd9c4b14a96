"""Writing eligibility data: publishing rulesets, new versions, and anonymous demand records."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from directory.models import AgeBand

from .case_files import Case, CaseFile, CaseResult, run_case
from .models import CheckRecord, CheckRecordNeed, Ruleset, RulesetCase, RulesetPassport
from .rules import Outcome


class RulesetNotPublishable(Exception):
    """Publishing was refused; `problems` says why, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def ruleset_case_results(*, ruleset: Ruleset) -> list[CaseResult]:
    """Each of the ruleset's own cases run against it."""
    engine = ruleset.to_rules()
    return [
        run_case(Case(case.name, case.reference_date, case.to_answers(), case.expect, 0), engine)
        for case in ruleset.cases.all()
    ]


def ruleset_publish(*, ruleset: Ruleset, by=None, today: dt.date | None = None) -> Ruleset:
    """Publish a draft so the checker uses it from its first day. Refused while any of its cases
    fails, if it has none, or if another published ruleset starts on or after that day. A
    published ruleset that would still be running is ended the day before."""
    today = today or timezone.localdate()
    with transaction.atomic():
        ruleset = Ruleset.objects.select_for_update().with_rules_data().get(pk=ruleset.pk)
        ruleset.full_clean()
        problems = []
        if ruleset.status != Ruleset.Status.DRAFT:
            problems.append("Only a draft can be published.")
        results = ruleset_case_results(ruleset=ruleset)
        if not results:
            problems.append("Add at least one test case before you publish.")
        problems += [result.describe() for result in results if not result.passed]
        later = Ruleset.objects.published().filter(valid_from__gte=ruleset.valid_from)
        problems += [
            f"{other} is published from {other.valid_from:%d %B %Y}: retire it first."
            for other in later
        ]
        if problems:
            raise RulesetNotPublishable(problems)
        for earlier in Ruleset.objects.published().filter(valid_from__lt=ruleset.valid_from):
            if earlier.valid_to is None or earlier.valid_to >= ruleset.valid_from:
                earlier.valid_to = ruleset.valid_from - dt.timedelta(days=1)
                earlier.status = (
                    Ruleset.Status.RETIRED if earlier.valid_to < today else earlier.status
                )
                earlier.save()
        ruleset.status = Ruleset.Status.PUBLISHED
        ruleset.published_at = timezone.now()
        ruleset.published_by = by
        ruleset.save()
    return ruleset


def ruleset_retire(*, ruleset: Ruleset) -> Ruleset:
    """Stop the checker using a published ruleset."""
    with transaction.atomic():
        ruleset.status = Ruleset.Status.RETIRED
        ruleset.save()
    return ruleset


def ruleset_new_version(*, ruleset: Ruleset, valid_from: dt.date | None = None) -> Ruleset:
    """A draft copy of a ruleset, with its qualifying benefits and cases, to edit and publish."""
    with transaction.atomic():
        passports = list(ruleset.passports.all())
        cases = list(ruleset.cases.all())
        copy = Ruleset.objects.get(pk=ruleset.pk)
        copy.pk = copy.version = copy.published_at = copy.published_by = copy.valid_to = None
        copy.status = Ruleset.Status.DRAFT
        copy.valid_from = valid_from or max(ruleset.valid_from, timezone.localdate())
        copy.save()
        for item in (*passports, *cases):
            item.pk = None
            item.ruleset = copy
        bulk_create_with_history(passports, RulesetPassport)
        bulk_create_with_history(cases, RulesetCase)
    return copy


def ruleset_from_case_file(*, case_file: CaseFile, valid_from: dt.date) -> Ruleset:
    """A draft ruleset with a case file's parameters and cases."""
    rules = case_file.ruleset
    with transaction.atomic():
        ruleset = Ruleset(
            name=rules.name,
            valid_from=valid_from,
            min_age=rules.min_age,
            age_limit=rules.age_limit,
            extended_age_limit=rules.extended_age_limit,
            extended_requires=list(rules.extended_requires),
            school_in_area_counts=rules.school_in_area_counts,
            cdp_counts_as_dla=rules.cdp_counts_as_dla,
            adp_counts_as_pip=rules.adp_counts_as_pip,
            also_require=list(rules.also_require),
            equivalent_evidence=list(rules.equivalent_evidence),
            equivalent_need_outcome=rules.equivalent_need_outcome.value,
            exclude_if_open_to_disability_team=rules.exclude_if_open_to_disability_team,
            specialist_triggers=list(rules.specialist_triggers),
        )
        ruleset.full_clean(exclude=["version"])
        ruleset.save()
        for passport in rules.passports:
            RulesetPassport(
                ruleset=ruleset,
                benefit=passport.benefit,
                rate=passport.rate,
                min_age=passport.min_age,
                max_age=passport.max_age,
            ).save()
        for case in case_file.cases:
            RulesetCase(
                ruleset=ruleset,
                name=case.name[:200],
                reference_date=case.reference_date,
                **RulesetCase.fields_from(case.answers),
                expected_targeted=case.expect.get("targeted", ""),
                expected_specialist_assessment=case.expect.get("specialist_assessment", ""),
            ).save()
    return ruleset


def check_record_create(
    *, outcome: Outcome, ruleset_id: int, locality_id, need_codes, on: dt.date
) -> CheckRecord:
    """Keep the anonymous record of a completed check: month, area, age band, needs, benefit
    route, outcomes and ruleset. Nothing that identifies the family."""
    band = AgeBand.objects.filter(min_age__lte=outcome.age, max_age__gte=outcome.age).first()
    with transaction.atomic():
        record = CheckRecord.objects.create(
            month=on.replace(day=1),
            locality_id=locality_id,
            age_band=band,
            benefit_route=outcome.benefit_route,
            targeted=outcome.targeted.value,
            specialist_assessment=outcome.specialist_assessment.value,
            ruleset_id=ruleset_id,
        )
        CheckRecordNeed.objects.bulk_create(record.need(code) for code in dict.fromkeys(need_codes))
    return record
