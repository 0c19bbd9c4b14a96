"""Reading rulesets: the one in force on a day, and the engine's cached copy of one."""

import datetime as dt

import pytest

from eligibility.models import Ruleset
from eligibility.services import ruleset_new_version

pytestmark = pytest.mark.django_db


def test_the_ruleset_in_force_is_the_latest_published_one_started(default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))

    assert Ruleset.objects.current(dt.date(2026, 11, 22)) == default_ruleset
    assert Ruleset.objects.current(dt.date(2025, 12, 31)) is None
    assert Ruleset.objects.current(dt.date(2027, 4, 1)) == default_ruleset  # drafts never run
    assert draft.status == Ruleset.Status.DRAFT


def test_the_rules_of_a_published_ruleset_are_read_once_then_cached(
    default_ruleset, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the ruleset and its passports
        first = Ruleset.objects.rules_for(default_ruleset.pk)
    with django_assert_num_queries(0):
        again = Ruleset.objects.rules_for(default_ruleset.pk)

    assert again == first == default_ruleset.to_rules()


@pytest.mark.parametrize("tampered", [None, "1", "1 OR 1=1", 1.5, [1]])
def test_a_ruleset_id_that_is_not_a_whole_number_finds_nothing(default_ruleset, tampered):
    assert Ruleset.objects.rules_for(tampered) is None


def test_a_draft_or_missing_ruleset_has_no_rules_for_the_checker(default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset)

    assert Ruleset.objects.rules_for(draft.pk) is None
    assert Ruleset.objects.rules_for(draft.pk + 1000) is None
