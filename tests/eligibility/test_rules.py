"""The eligibility rules: every parameter at its boundaries, each case named for its policy.

No database: answers and a ruleset in, an outcome out."""

import datetime as dt

import pytest

from eligibility.rules import (
    RULES,
    Answers,
    Assessment,
    Disability,
    Passport,
    Ruleset,
    Targeted,
    age_on,
    assess,
)

DAY = dt.date(2026, 11, 22)


def born(years, days=0):
    """A date of birth that makes the child `years` old on DAY, `days` after the birthday."""
    return dt.date(DAY.year - years, DAY.month, DAY.day) - dt.timedelta(days=days)


def child(age=10, **answers):
    return Answers(resident=True, date_of_birth=born(age), disability=Disability.YES, **answers)


def outcome(answers, **ruleset):
    return assess(answers, Ruleset(**ruleset), DAY)


# ---------------------------------------------------------------------------- age


@pytest.mark.parametrize(
    ("date_of_birth", "on", "age"),
    [
        (dt.date(2016, 3, 1), dt.date(2026, 2, 28), 9),
        (dt.date(2016, 3, 1), dt.date(2026, 3, 1), 10),
        (dt.date(2016, 2, 29), dt.date(2026, 2, 28), 9),
        (dt.date(2016, 2, 29), dt.date(2026, 3, 1), 10),
        (dt.date(2016, 2, 29), dt.date(2028, 2, 29), 12),
        (dt.date(2026, 11, 22), dt.date(2026, 11, 22), 0),
    ],
)
def test_age_counts_whole_years_and_a_birthday_counts_from_the_day(date_of_birth, on, age):
    assert age_on(date_of_birth, on) == age


@pytest.mark.parametrize(
    ("date_of_birth", "targeted"),
    [
        (born(18, days=-1), Targeted.LIKELY),
        (born(18), Targeted.OVER_AGE),
        (born(18, 1), Targeted.OVER_AGE),
    ],
    ids=["the day before the 18th birthday", "on the 18th birthday", "the day after"],
)
def test_targeted_breaks_end_on_the_age_limit_birthday(date_of_birth, targeted):
    answers = Answers(resident=True, date_of_birth=date_of_birth, dla_care="middle")

    assert outcome(answers).targeted == targeted


@pytest.mark.parametrize(("age", "targeted"), [(4, Targeted.UNDER_AGE), (5, Targeted.LIKELY)])
def test_min_age_is_the_youngest_age_that_qualifies(age, targeted):
    assert outcome(child(age, dla_care="middle"), min_age=5).targeted == targeted


@pytest.mark.parametrize(
    ("age", "ehcp", "targeted"),
    [
        (19, "issued", Targeted.LIKELY),
        (24, "issued", Targeted.LIKELY),
        (25, "issued", Targeted.OVER_AGE),
        (19, "requested", Targeted.OVER_AGE),
        (19, "none", Targeted.OVER_AGE),
        (17, "none", Targeted.LIKELY),
    ],
)
def test_the_extension_applies_only_to_those_who_meet_its_conditions(age, ehcp, targeted):
    answers = child(age, pip_daily_living="enhanced", ehcp=ehcp)

    result = outcome(answers, extended_age_limit=25, extended_requires=("ehcp",))

    assert result.targeted == targeted


def test_an_extension_with_no_conditions_applies_to_everyone():
    assert outcome(child(20, pip_daily_living="standard"), extended_age_limit=25).targeted == (
        Targeted.LIKELY
    )


# ---------------------------------------------------------------------------- area


@pytest.mark.parametrize(
    ("resident", "school_in_area", "counts", "targeted"),
    [
        (True, False, False, Targeted.LIKELY),
        (False, True, False, Targeted.NOT_IN_AREA),
        (False, True, True, Targeted.LIKELY),
        (False, False, True, Targeted.NOT_IN_AREA),
    ],
)
def test_a_school_in_the_area_counts_as_residence_only_where_the_council_says(
    resident, school_in_area, counts, targeted
):
    answers = Answers(
        resident=resident,
        school_in_area=school_in_area,
        date_of_birth=born(10),
        dla_care="middle",
    )

    assert outcome(answers, school_in_area_counts=counts).targeted == targeted


def test_checks_go_area_then_age_then_exclusion():
    answers = Answers(resident=False, date_of_birth=born(30), open_to_disability_team=True)

    assert (
        outcome(answers, exclude_if_open_to_disability_team=True).targeted == Targeted.NOT_IN_AREA
    )
    answers = Answers(resident=True, date_of_birth=born(30), open_to_disability_team=True)
    assert outcome(answers, exclude_if_open_to_disability_team=True).targeted == Targeted.OVER_AGE


# ---------------------------------------------------------------------------- exclusion


@pytest.mark.parametrize(
    ("exclude", "targeted"), [(True, Targeted.EXCLUDED), (False, Targeted.LIKELY)]
)
def test_children_with_a_specialist_package_are_excluded_only_where_the_council_says(
    exclude, targeted
):
    answers = child(dla_care="highest", open_to_disability_team=True)

    result = outcome(answers, exclude_if_open_to_disability_team=exclude)

    assert result.targeted == targeted
    assert result.specialist_assessment == Assessment.ALREADY_SUPPORTED


# ---------------------------------------------------------------------------- passports


@pytest.mark.parametrize(
    ("answers", "targeted"),
    [
        ({"dla_care": "lowest"}, Targeted.POSSIBLE),
        ({"dla_care": "middle"}, Targeted.LIKELY),
        ({"dla_care": "highest"}, Targeted.LIKELY),
        ({"dla_care": "applied"}, Targeted.POSSIBLE),
        ({"dla_mobility": "higher"}, Targeted.POSSIBLE),
        ({"pip_daily_living": "standard"}, Targeted.LIKELY),
        ({"pip_daily_living": "enhanced"}, Targeted.LIKELY),
        ({"cdp_care": "middle"}, Targeted.LIKELY),
        ({"cdp_care": "lowest"}, Targeted.POSSIBLE),
        ({"adp_daily_living": "standard"}, Targeted.LIKELY),
    ],
)
def test_the_default_passports_are_dla_care_middle_or_highest_and_pip_daily_living(
    answers, targeted
):
    assert outcome(child(**answers)).targeted == targeted


def test_scottish_benefits_count_only_where_the_council_says():
    assert outcome(child(cdp_care="middle"), cdp_counts_as_dla=False).targeted == Targeted.POSSIBLE
    assert outcome(child(adp_daily_living="enhanced"), adp_counts_as_pip=False).targeted == (
        Targeted.POSSIBLE
    )


LEICESTERSHIRE = {
    "passports": (
        Passport("dla_care", "highest", min_age=5, max_age=15),
        Passport("pip_daily_living", "enhanced", min_age=16, max_age=17),
    ),
    "also_require": ("ehcp",),
}


@pytest.mark.parametrize(
    ("age", "answers", "targeted"),
    [
        (4, {"dla_care": "highest", "ehcp": "issued"}, Targeted.POSSIBLE),
        (5, {"dla_care": "highest", "ehcp": "issued"}, Targeted.LIKELY),
        (15, {"dla_care": "highest", "ehcp": "issued"}, Targeted.LIKELY),
        (16, {"dla_care": "highest", "ehcp": "issued"}, Targeted.POSSIBLE),
        (16, {"pip_daily_living": "enhanced", "ehcp": "issued"}, Targeted.LIKELY),
        (17, {"pip_daily_living": "enhanced", "ehcp": "issued"}, Targeted.LIKELY),
        (10, {"dla_care": "middle", "ehcp": "issued"}, Targeted.POSSIBLE),
        (10, {"dla_care": "highest", "ehcp": "requested"}, Targeted.POSSIBLE),
        (10, {"dla_care": "highest"}, Targeted.POSSIBLE),
    ],
)
def test_per_passport_ages_are_inclusive_and_also_require_needs_an_issued_plan(
    age, answers, targeted
):
    assert outcome(child(age, **answers), **LEICESTERSHIRE).targeted == targeted


def test_a_passport_without_what_is_also_required_explains_what_is_missing():
    result = outcome(child(10, dla_care="highest"), **LEICESTERSHIRE)

    rules = [reason.rule for reason in result.reasons]
    assert rules[:3] == ["targeted.passport", "targeted.also_require", "targeted.equivalent_need"]
    assert "education, health and care (EHC) plan" in result.reasons[1].text


# ---------------------------------------------------------------------------- evidence


@pytest.mark.parametrize(
    ("evidence", "answers", "targeted"),
    [
        (("ehcp",), {"ehcp": "issued"}, Targeted.LIKELY),
        (("ehcp",), {"ehcp": "requested"}, Targeted.POSSIBLE),
        (("diagnosis",), {"evidence": ("diagnosis",)}, Targeted.LIKELY),
        (("diagnosis",), {"evidence": ("professional_letter",)}, Targeted.POSSIBLE),
        (
            ("professional_letter", "special_school_place"),
            {"evidence": ("special_school_place",)},
            Targeted.LIKELY,
        ),
        ((), {"ehcp": "issued", "evidence": ("diagnosis",)}, Targeted.POSSIBLE),
    ],
)
def test_equivalent_evidence_counts_instead_of_a_passport(evidence, answers, targeted):
    assert outcome(child(**answers), equivalent_evidence=evidence).targeted == targeted


@pytest.mark.parametrize(
    ("answers", "targeted"),
    [
        ({"disability": Disability.YES}, Targeted.POSSIBLE),
        ({"disability": Disability.NOT_SURE}, Targeted.POSSIBLE),
        ({"disability": Disability.NO}, Targeted.UNLIKELY),
        ({"disability": Disability.NO, "pip_daily_living": "not_sure"}, Targeted.POSSIBLE),
        ({"disability": Disability.NO, "dla_care": "applied"}, Targeted.POSSIBLE),
    ],
)
def test_equivalent_need_without_a_passport_is_possible(answers, targeted):
    answers = Answers(resident=True, date_of_birth=born(10), **answers)

    assert outcome(answers).targeted == targeted


def test_a_council_can_make_equivalent_need_unlikely():
    assert outcome(child(), equivalent_need_outcome=Targeted.UNLIKELY).targeted == Targeted.UNLIKELY


# ---------------------------------------------------------------------------- assessment


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"support_ratio": "two_to_one"}, Assessment.SUGGESTED),
        ({"support_ratio": "one_to_one"}, Assessment.NOT_SUGGESTED),
        ({"behaviour_risk": True}, Assessment.SUGGESTED),
        ({"complex_health": True}, Assessment.SUGGESTED),
        ({"night_needs": True}, Assessment.SUGGESTED),
        ({"carer_struggling": True}, Assessment.SUGGESTED),
        ({}, Assessment.NOT_SUGGESTED),
        ({"night_needs": True, "open_to_disability_team": True}, Assessment.ALREADY_SUPPORTED),
    ],
)
def test_any_trigger_suggests_an_assessment(answers, expected):
    assert outcome(child(**answers)).specialist_assessment == expected


def test_only_the_councils_triggers_count():
    answers = child(night_needs=True, support_ratio="two_to_one")

    result = outcome(answers, specialist_triggers=("carer_struggling",))

    assert result.specialist_assessment == Assessment.NOT_SUGGESTED


@pytest.mark.parametrize(
    ("answers", "ruleset", "expected"),
    [
        ({"resident": False}, {}, Assessment.NOT_SUGGESTED),
        ({"date_of_birth": born(18)}, {}, Assessment.NOT_SUGGESTED),
        ({"date_of_birth": born(18, days=-1)}, {}, Assessment.SUGGESTED),
        (
            {"date_of_birth": born(20), "ehcp": "issued"},
            {"extended_age_limit": 25, "extended_requires": ("ehcp",)},
            Assessment.SUGGESTED,
        ),
    ],
)
def test_an_assessment_is_suggested_only_to_residents_under_the_age_limit(
    answers, ruleset, expected
):
    base = {"resident": True, "date_of_birth": born(10), "complex_health": True}

    assert (
        assess(Answers(**(base | answers)), Ruleset(**ruleset), DAY).specialist_assessment
        == expected
    )


# ---------------------------------------------------------------------------- reasons


def test_every_outcome_gives_plain_english_reasons_that_name_their_rule():
    result = outcome(child(dla_care="middle", night_needs=True))

    assert [reason.rule for reason in result.reasons] == [
        "targeted.passport",
        "assessment.suggested",
    ]
    assert result.reasons[0].text == (
        "Your child gets the middle rate of the care part of Disability Living Allowance, which "
        "qualifies for targeted short breaks."
    )
    assert "needs at night" in result.reasons[1].text


def test_every_rule_has_an_id_and_a_reason_with_nothing_left_unfilled():
    answers_by_rule = {
        "targeted.not_in_area": Answers(date_of_birth=born(10)),
        "targeted.over_age": child(30),
    }
    assert len(RULES) >= 12
    for rule_id, apply in RULES.items():
        assert apply.__doc__.strip(), rule_id
        answers = answers_by_rule.get(rule_id, child(dla_care="middle", night_needs=True))
        reason = apply(answers, Ruleset(exclude_if_open_to_disability_team=True), 30)
        if reason is not None:
            assert "{" not in reason.text and reason.rule == rule_id


def test_the_benefit_route_is_recorded_for_demand_figures():
    assert outcome(child(dla_care="middle")).benefit_route == "passport"
    assert outcome(child(ehcp="issued"), equivalent_evidence=("ehcp",)).benefit_route == "evidence"
    assert outcome(child()).benefit_route == "none"


@pytest.mark.parametrize("date_of_birth", [None, DAY + dt.timedelta(days=1)])
def test_an_impossible_date_of_birth_is_refused(date_of_birth):
    with pytest.raises(ValueError):
        assess(Answers(resident=True, date_of_birth=date_of_birth), Ruleset(), DAY)
