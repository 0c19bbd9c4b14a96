"""The engine's decisions for young people and unsure answers: "not sure" on the four yes-or-no
questions, DLA while a PIP claim is decided at 16 and 17, the adults' route past the age limit,
and the team's name."""

import pytest

from eligibility.rules import (
    Answers,
    Assessment,
    Passport,
    Ruleset,
    Targeted,
    assess,
)
from tests.eligibility.test_rules import DAY, child, outcome

LEICESTERSHIRE = {
    "passports": (
        Passport("dla_care", "highest", min_age=5, max_age=15),
        Passport("pip_daily_living", "enhanced", min_age=16, max_age=17),
    ),
}


def test_not_sure_about_a_trigger_suggests_an_assessment_and_says_so():
    result = outcome(child(unsure=("night_needs",)))

    assert result.specialist_assessment == Assessment.SUGGESTED
    text = result.reasons_for("assessment.")[0].text
    assert text.startswith("You were not sure about needs at night.")
    assert "When you are not sure, it is worth asking." in text
    assert "You told us about" not in text


def test_yes_and_not_sure_are_told_apart():
    result = outcome(child(complex_health=True, unsure=("carer_struggling",)))

    assert result.reasons_for("assessment.")[0].text.startswith(
        "You told us about complex health needs, and you were not sure about a carer who is "
        "finding it very hard to cope."
    )


def test_not_sure_never_meets_a_condition():
    ruleset = {"also_require": ("night_needs",)}

    assert outcome(child(dla_care="middle", night_needs=True), **ruleset).targeted == (
        Targeted.LIKELY
    )
    assert outcome(child(dla_care="middle", unsure=("night_needs",)), **ruleset).targeted == (
        Targeted.POSSIBLE
    )


def test_not_sure_about_a_question_that_is_no_trigger_counts_for_nothing():
    result = outcome(child(unsure=("night_needs",)), specialist_triggers=("complex_health",))

    assert result.specialist_assessment == Assessment.NOT_SUGGESTED


@pytest.mark.parametrize(
    ("age", "answers", "targeted"),
    [
        (16, {"dla_care": "highest", "pip_daily_living": "applied"}, Targeted.LIKELY),
        (17, {"dla_care": "highest", "pip_daily_living": "applied"}, Targeted.LIKELY),
        (16, {"dla_care": "highest"}, Targeted.POSSIBLE),  # no PIP claim: DLA is ending
        (16, {"dla_care": "middle", "pip_daily_living": "applied"}, Targeted.POSSIBLE),
        (18, {"dla_care": "highest", "pip_daily_living": "applied"}, Targeted.OVER_AGE),
    ],
)
def test_dla_still_paid_while_pip_is_decided_counts_at_16_and_17(age, answers, targeted):
    result = outcome(child(age, **answers), **LEICESTERSHIRE)

    assert result.targeted == targeted
    if targeted == Targeted.LIKELY:
        assert result.reasons[0].rule == "targeted.continuing_dla"
        assert "while their Personal Independence Payment claim is decided" in (
            result.reasons[0].text
        )


@pytest.mark.parametrize(
    ("age", "words"),
    [(20, "a Care Act assessment"), (17, "the council's team for young people moving")],
)
def test_past_the_age_limit_a_trigger_points_to_the_adults_route(age, words):
    result = outcome(child(age, night_needs=True), age_limit=17 if age == 17 else 18)

    assert result.specialist_assessment == Assessment.NOT_SUGGESTED
    reason = result.reasons_for("assessment.")[0]
    assert reason.rule == "assessment.adult_route"
    assert reason.text.startswith("You told us about needs at night.")
    assert words in reason.text


def test_past_the_age_limit_without_a_trigger_nothing_is_suggested():
    result = outcome(child(20))

    assert result.reasons_for("assessment.")[0].rule == "assessment.not_suggested"


def test_the_reasons_use_the_councils_name_for_its_team():
    answers = Answers(
        resident=True, date_of_birth=child().date_of_birth, open_to_disability_team=True
    )
    ruleset = Ruleset(exclude_if_open_to_disability_team=True)

    result = assess(answers, ruleset, DAY, team="Children with Disabilities team")

    texts = " ".join(reason.text for reason in result.reasons)
    assert texts.count("the Children with Disabilities team") == 2
    assert "disabled children's team" not in texts
    assert "{team}" not in texts


def test_a_council_that_makes_similar_need_unlikely_says_so_plainly():
    result = outcome(child(), equivalent_need_outcome=Targeted.UNLIKELY)

    assert result.targeted == Targeted.UNLIKELY
    assert result.reasons[0].rule == "targeted.no_equivalent"
    assert "provider, or a practitioner, decides" not in result.reasons[0].text
