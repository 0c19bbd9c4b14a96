"""Which questions a family is asked: only those the council's ruleset needs, in order."""

import datetime as dt

import pytest

from eligibility.journey import BY_NAME, Journey
from eligibility.rules import Disability, Passport, Ruleset

TODAY = dt.date(2026, 11, 22)
IN_AREA = {"postcode": "DT1 1XJ", "in_area": True, "locality": None}


def asked(ruleset=None, **answers):
    journey = Journey(
        ruleset or Ruleset(), {k.replace("_", "-"): v for k, v in answers.items()}, TODAY
    )
    return [step.name for step in journey.steps()]


def test_the_default_ruleset_asks_these_questions_of_a_ten_year_old():
    assert asked(postcode=IN_AREA, date_of_birth="2016-03-01", disability="true") == [
        "postcode",
        "date-of-birth",
        "disability",
        "needs",
        "dla-care",
        "support",
        "complex-health",
        "night-needs",
        "behaviour-risk",
        "carer-struggling",
        "disabled-childrens-team",
    ]


def test_a_sixteen_year_old_is_asked_about_pip_not_dla():
    steps = asked(postcode=IN_AREA, date_of_birth="2010-09-01")

    assert "pip" in steps and "dla-care" not in steps


def test_an_unknown_postcode_asks_whether_they_live_in_the_area():
    outside = {"postcode": "BA1 1AA", "in_area": False, "locality": None}

    assert "live-in-area" in asked(postcode=outside)
    assert "live-in-area" not in asked(postcode=IN_AREA)


def test_school_in_the_area_is_asked_only_where_it_counts_and_they_live_outside():
    outside = {"postcode": "", "in_area": False, "locality": None}
    counts = Ruleset(school_in_area_counts=True)

    assert "school-in-area" in asked(counts, postcode=outside, live_in_area=False)
    assert "school-in-area" not in asked(counts, postcode=outside, live_in_area=True)
    assert "school-in-area" not in asked(postcode=outside, live_in_area=False)


def test_questions_the_ruleset_does_not_need_are_skipped():
    lean = Ruleset(
        passports=(Passport("dla_care", "highest"),), specialist_triggers=("night_needs",)
    )

    steps = asked(lean, postcode=IN_AREA, date_of_birth="2016-03-01", disability="false")

    assert steps == [
        "postcode",
        "date-of-birth",
        "disability",
        "dla-care",
        "night-needs",
        "disabled-childrens-team",
    ]


def test_evidence_and_ehcp_are_asked_when_the_ruleset_reads_them():
    reads = Ruleset(equivalent_evidence=("diagnosis",), also_require=("ehcp",))

    steps = asked(reads, postcode=IN_AREA, date_of_birth="2016-03-01")

    assert "ehcp" in steps and "evidence" in steps
    assert "ehcp" not in asked(postcode=IN_AREA, date_of_birth="2016-03-01")


def test_scottish_benefits_are_asked_only_after_choosing_them():
    assert "cdp-care" in asked(postcode=IN_AREA, date_of_birth="2016-03-01", dla_care="other")
    assert "cdp-care" not in asked(postcode=IN_AREA, date_of_birth="2016-03-01", dla_care="none")


def test_nobody_may_skip_ahead():
    journey = Journey(Ruleset(), {"postcode": IN_AREA}, TODAY)

    assert journey.may_ask(BY_NAME["date-of-birth"])
    assert not journey.may_ask(BY_NAME["disability"])
    assert not journey.may_ask(BY_NAME["live-in-area"])  # does not apply
    assert journey.next_step().name == "date-of-birth"


def test_only_answers_to_questions_that_apply_count():
    journey = Journey(
        Ruleset(),
        {
            "postcode": IN_AREA,
            "date-of-birth": "2010-09-01",  # 16: DLA no longer applies
            "dla-care": "middle",
            "pip": "other",
            "adp": "enhanced",
            "disability": "not_sure",
            "needs": ["ASD"],
            "support": "two_to_one",
            "night-needs": True,
        },
        TODAY,
    )

    answers = journey.to_answers()

    assert answers.resident is True
    assert answers.dla_care == "none"
    assert (answers.pip_daily_living, answers.adp_daily_living) == ("none", "enhanced")
    assert answers.disability == Disability.NOT_SURE
    assert answers.needs == ("ASD",)
    assert answers.support_ratio == "two_to_one"
    assert answers.night_needs is True and answers.complex_health is False


@pytest.mark.parametrize(("live_in_area", "resident"), [(True, True), (False, False)])
def test_without_a_known_postcode_residence_is_what_the_family_says(live_in_area, resident):
    answers = {
        "postcode": {"postcode": "", "in_area": False, "locality": None},
        "live-in-area": live_in_area,
        "date-of-birth": "2016-03-01",
    }

    assert Journey(Ruleset(), answers, TODAY).to_answers().resident is resident
