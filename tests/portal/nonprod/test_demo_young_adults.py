"""The demo council's criteria and its young-adult services tell one story (issue 21): every
targeted service is for ages the criteria can reach, and every young adult past the children's
offer is pointed to a route with the council's contacts."""

import datetime as dt

import pytest

from directory.models import Council
from eligibility import rules
from eligibility.presenters import young_adult_route
from portal.nonprod.demo.catalogue import CATALOGUE
from portal.nonprod.demo.council import DEMO_COUNCIL
from portal.nonprod.demo.eligibility import demo_case_file

ON = dt.date(2026, 11, 22)


def young_person(age, **answers):
    born = ON.replace(year=ON.year - age)
    return rules.Answers(
        resident=True, date_of_birth=born, disability=rules.Disability.YES, **answers
    )


@pytest.mark.django_db
def test_every_targeted_demo_service_is_reachable_or_has_a_named_route_at_every_age():
    """Below the later limit (the 25th birthday, with an EHC plan) a targeted service is
    likely; at 25 the result names Adult Social Care instead (presenters.young_adult_route)."""
    ruleset = demo_case_file().ruleset
    targeted = [
        entry for entries in CATALOGUE.values() for entry in entries if entry["tier"] == "targeted"
    ]
    assert targeted
    for entry in targeted:
        youngest, oldest = entry["ages"]
        for age in range(max(youngest, ruleset.min_age), oldest + 1):
            outcome = rules.assess(
                young_person(age, pip_daily_living="enhanced", dla_care="middle", ehcp="issued"),
                ruleset,
                ON,
            )
            expected = (
                rules.Targeted.LIKELY
                if age < ruleset.extended_age_limit
                else rules.Targeted.OVER_AGE
            )
            assert outcome.targeted == expected, (entry["name"], age)
            if expected == rules.Targeted.OVER_AGE:
                assert young_adult_route(
                    {"age": age, "targeted": "over_age", "specialist_assessment": "not_suggested"},
                    Council(**DEMO_COUNCIL),
                ).adult


def test_the_demo_cases_pass_and_name_the_routes_for_young_adults():
    case_file = demo_case_file()
    from eligibility.case_files import run_case

    assert all(run_case(case, case_file.ruleset).passed for case in case_file.cases)
    for key in ("adult_social_care_name", "adult_social_care_phone", "transition_team_name"):
        assert DEMO_COUNCIL[key]
