"""Publishing rulesets, versions, and the anonymous record of each check."""

import datetime as dt

import pytest

from directory.models import AgeBand
from eligibility import rules
from eligibility.models import CheckRecord, Ruleset
from eligibility.services import (
    RulesetNotPublishable,
    check_record_create,
    ruleset_new_version,
    ruleset_publish,
    ruleset_retire,
)


def test_the_default_ruleset_passes_its_own_cases_and_is_published(default_ruleset):
    assert default_ruleset.status == "published"
    assert default_ruleset.cases.count() == 21
    assert default_ruleset.passports.count() == 4
    assert Ruleset.objects.current(dt.date(2026, 11, 22)) == default_ruleset


def test_publishing_is_refused_while_a_case_fails_and_lists_the_failures(default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))
    draft.age_limit = 16  # now the cases about 16 and 17-year-olds fail
    draft.save()

    with pytest.raises(RulesetNotPublishable) as refused:
        ruleset_publish(ruleset=draft)

    assert any(
        p.startswith("FAIL PIP daily living standard rate at 16") for p in refused.value.problems
    )
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert Ruleset.objects.current(dt.date(2027, 5, 1)) == default_ruleset


def test_a_ruleset_whose_cases_pass_is_published_and_used_from_its_first_day(default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))
    draft.name = "From April 2027"
    draft.save()

    ruleset_publish(ruleset=draft, today=dt.date(2026, 12, 1))

    default_ruleset.refresh_from_db()
    assert default_ruleset.valid_to == dt.date(2027, 3, 31)
    assert default_ruleset.status == "published"  # still in force until then
    assert Ruleset.objects.current(dt.date(2027, 3, 31)) == default_ruleset
    assert Ruleset.objects.current(dt.date(2027, 4, 1)) == draft


def test_a_ruleset_with_no_cases_cannot_be_published(db):
    draft = Ruleset.objects.create(name="Empty", valid_from=dt.date(2026, 1, 1))

    with pytest.raises(RulesetNotPublishable, match="Add at least one test case"):
        ruleset_publish(ruleset=draft)


def test_a_draft_cannot_start_before_a_ruleset_already_published_after_it(default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2025, 6, 1))

    with pytest.raises(RulesetNotPublishable, match="retire it first"):
        ruleset_publish(ruleset=draft)


def test_a_new_version_is_a_draft_copy_with_its_own_version_number(default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset)

    assert draft.pk != default_ruleset.pk
    assert draft.version == default_ruleset.version + 1
    assert draft.status == "draft"
    assert draft.cases.count() == 21
    assert draft.to_rules().passports == default_ruleset.to_rules().passports


def test_retiring_stops_the_checker_using_it(default_ruleset):
    ruleset_retire(ruleset=default_ruleset)

    assert Ruleset.objects.current(dt.date(2026, 11, 22)) is None


def test_every_change_to_a_ruleset_is_kept(default_ruleset):
    assert default_ruleset.history.count() >= 2  # made, then published
    assert default_ruleset.history.first().status == "published"


def test_a_check_record_keeps_nothing_that_identifies_the_family(default_ruleset, area):
    outcome = rules.Outcome(
        rules.Targeted.LIKELY, rules.Assessment.SUGGESTED, age=9, benefit_route="passport"
    )

    record = check_record_create(
        outcome=outcome,
        ruleset_id=default_ruleset.pk,
        locality_id=area.pk,
        need_codes=["ASD", "ASD", "SLCN"],
        on=dt.date(2026, 11, 22),
    )

    assert record.month == dt.date(2026, 11, 1)
    assert record.age_band == AgeBand.objects.get(code="5-11")
    assert record.locality == area
    assert (record.targeted, record.specialist_assessment, record.benefit_route) == (
        "likely",
        "suggested",
        "passport",
    )
    assert sorted(record.needs.values_list("code", flat=True)) == ["ASD", "SLCN"]
    assert set(record.needs.values_list("month", "targeted", "specialist_assessment")) == {
        (dt.date(2026, 11, 1), "likely", "suggested")
    }
    fields = {field.name for field in CheckRecord._meta.get_fields()}
    assert not fields & {"date_of_birth", "postcode", "name", "created_at", "session_key"}
