"""Case files: read strictly, so a council's own file is never guessed at."""

import datetime as dt
from pathlib import Path

import pytest

from eligibility.case_files import CaseFileError, parse_case_file, run_case
from eligibility.rules import Passport, Targeted

FIXTURE = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "eligibility"
    / "west-sussex-style-cases.yaml"
)

CASE = """
  - name: {name}
    reference_date: 2026-11-22
    answers: {answers}
    expect: {expect}
"""


def file_with(
    answers="{resident: true, date_of_birth: 2016-03-01}",
    expect="{targeted: possible}",
    ruleset="",
    name="a case",
):
    return (
        (f"ruleset:\n  name: Test\n{ruleset}" if ruleset or True else "")
        + "cases:"
        + CASE.format(name=name, answers=answers, expect=expect)
    )


def test_the_shipped_cases_all_pass_under_their_ruleset():
    case_file = parse_case_file(FIXTURE.read_text())

    results = [run_case(case, case_file.ruleset) for case in case_file.cases]

    assert len(results) == 21
    assert all(result.passed for result in results), [r.describe() for r in results]
    assert case_file.ruleset.name == "West Sussex style (default)"


def test_every_ruleset_parameter_is_read():
    text = file_with(
        ruleset="""  min_age: 5
  age_limit: 18
  extended_age_limit: 25
  extended_requires: [ehcp]
  school_in_area_counts: true
  passports:
    - {dla_care: highest, min_age: 5, max_age: 15}
    - pip_daily_living: enhanced
    - "pip_daily_living standard"
  cdp_counts_as_dla: false
  adp_counts_as_pip: false
  also_require: [ehcp]
  equivalent_evidence: [diagnosis, ehcp]
  equivalent_need_outcome: unlikely
  exclude_if_open_to_disability_team: true
  specialist_triggers: [two_to_one, night_needs]
"""
    )

    ruleset = parse_case_file(text).ruleset

    assert (ruleset.min_age, ruleset.age_limit, ruleset.extended_age_limit) == (5, 18, 25)
    assert ruleset.extended_requires == ("ehcp",)
    assert ruleset.school_in_area_counts is True
    assert ruleset.passports == (
        Passport("dla_care", "highest", 5, 15),
        Passport("pip_daily_living", "enhanced"),
        Passport("pip_daily_living", "standard"),
    )
    assert (ruleset.cdp_counts_as_dla, ruleset.adp_counts_as_pip) == (False, False)
    assert ruleset.also_require == ("ehcp",)
    assert ruleset.equivalent_evidence == ("diagnosis", "ehcp")
    assert ruleset.equivalent_need_outcome == Targeted.UNLIKELY
    assert ruleset.exclude_if_open_to_disability_team is True
    assert ruleset.specialist_triggers == ("two_to_one", "night_needs")


def test_every_answer_is_read():
    text = file_with(
        answers="""{resident: true, school_in_area: true, date_of_birth: 2016-03-01,
      disability: not_sure, needs: [ASD, SLCN], dla_care: applied, dla_mobility: higher,
      pip_daily_living: none,
      cdp_care: lowest, adp_daily_living: not_sure, ehcp: requested,
      evidence: [diagnosis, professional_letter], support_ratio: two_to_one, night_needs: true,
      complex_health: true, behaviour_risk: true, carer_struggling: true,
      open_to_disability_team: true}"""
    )

    answers = parse_case_file(text).cases[0].answers

    assert answers.date_of_birth == dt.date(2016, 3, 1)
    assert answers.disability == "not_sure"
    assert answers.needs == ("ASD", "SLCN")
    assert answers.evidence == ("diagnosis", "professional_letter")
    assert (answers.dla_care, answers.dla_mobility, answers.cdp_care) == (
        "applied",
        "higher",
        "lowest",
    )
    assert answers.open_to_disability_team is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (file_with(ruleset="  age_limt: 18\n"), "unknown ruleset parameter 'age_limt'"),
        (file_with(ruleset="  age_limit: eighteen\n"), "age_limit must be a whole number"),
        (
            file_with(ruleset="  age_limit: 30\n"),
            "age_limit must be a whole number of years from 0 to 25",
        ),
        (
            file_with(ruleset="  passports: [{dla_care: lowest-ish}]\n"),
            "the dla_care rate must be one of",
        ),
        (
            file_with(ruleset="  passports: [{dla_care: middle, pip_daily_living: standard}]\n"),
            "a passport names one benefit",
        ),
        (
            file_with(ruleset="  also_require: [a_letter_from_the_queen]\n"),
            "each of also_require must be one of",
        ),
        (
            file_with(ruleset="  equivalent_need_outcome: likely\n"),
            "equivalent_need_outcome must be one of possible, unlikely",
        ),
        (
            file_with(ruleset="  specialist_triggers: [one_to_one]\n"),
            "each of specialist_triggers must be one of",
        ),
        (
            file_with(ruleset="  school_in_area_counts: yes please\n"),
            "school_in_area_counts must be true or false",
        ),
        (file_with(ruleset="  min_age: 18\n"), "min_age must be below age_limit"),
        (
            file_with(answers="{resident: true, date_of_birth: 2016-03-01, dla_cares: middle}"),
            "case 'a case' (line 4): unknown answer 'dla_cares'",
        ),
        (
            file_with(answers="{resident: maybe, date_of_birth: 2016-03-01}"),
            "resident must be true or false",
        ),
        (
            file_with(answers="{resident: true, date_of_birth: 2016-02-30}"),
            "2016-02-30 is not a real date",
        ),
        (
            file_with(answers="{resident: true, date_of_birth: soon}"),
            "date_of_birth must be a date",
        ),
        (
            file_with(answers="{resident: true, date_of_birth: 2027-01-01}"),
            "date_of_birth is after the reference_date",
        ),
        (file_with(answers="{resident: true}"), "answers need a date_of_birth"),
        (
            file_with(answers="{resident: true, date_of_birth: 2016-03-01, ehcp: yes}"),
            "ehcp must be one of none, requested, issued",
        ),
        (
            file_with(answers="{resident: true, date_of_birth: 2016-03-01, evidence: [gp_note]}"),
            "each of evidence must be one of",
        ),
        (
            file_with(answers="{resident: true, date_of_birth: 2016-03-01, disability: maybe}"),
            "disability must be one of",
        ),
        (file_with(expect="{targeted: probably}"), "expect.targeted must be one of"),
        (file_with(expect="{tier: targeted}"), "unknown expectation 'tier'"),
        (file_with(expect="{}"), "expect must name targeted"),
        (
            "cases: [{name: x, reference_date: not-a-date, answers: {},"
            " expect: {targeted: likely}}]",
            "reference_date must be a date",
        ),
        ("ruleset: {}\n", "The file must have a 'cases' list"),
        ("cases: [\n", "The file is not valid YAML"),
        ("cases: []\nextra: 1\n", "Unknown top-level key 'extra'"),
    ],
)
def test_a_malformed_file_is_refused_with_the_case_and_the_reason(text, message):
    with pytest.raises(CaseFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_case_file(text)


def test_a_failing_case_says_what_differed():
    case_file = parse_case_file(
        file_with(expect="{targeted: likely, specialist_assessment: not_suggested}")
    )

    result = run_case(case_file.cases[0], case_file.ruleset)

    assert not result.passed
    assert result.describe() == "FAIL a case: targeted expected likely, got unlikely"


# ---------------------------------------------------------------------------- issue 21


@pytest.mark.parametrize(
    "passport",
    [
        "{dla_care: highest, min_age: 5, max_age: 15}",
        "{benefit: dla_care, rate: highest, min_age: 5, max_age: 15}",
    ],
)
def test_a_passport_may_name_its_benefit_and_rate_either_way(passport):
    text = file_with(ruleset=f"  passports:\n    - {passport}\n")

    assert parse_case_file(text).ruleset.passports == (Passport("dla_care", "highest", 5, 15),)


@pytest.mark.parametrize(
    ("passport", "reason"),
    [
        ("{benefit: dla_care}", "needs both a benefit and a rate"),
        ("{benefit: dla_care, rate: highest, age: 5}", "not 'age'"),
        ("{benefit: pip, rate: enhanced}", "benefit must be one of"),
        ("{benefit: dla_care, rate: enhanced}", "the dla_care rate must be one of"),
        ("{dla_care: highest, pip_daily_living: enhanced}", "names one benefit"),
    ],
)
def test_anything_else_is_refused_with_its_line_and_reason(passport, reason):
    text = file_with(ruleset=f"  passports:\n    - dla_care: middle\n    - {passport}\n")

    with pytest.raises(CaseFileError) as error:
        parse_case_file(text)

    assert "passport on line 5" in str(error.value)
    assert reason in str(error.value)


def test_a_case_may_answer_not_sure_to_the_four_yes_or_no_questions():
    text = file_with(
        answers="{resident: true, date_of_birth: 2016-03-01, night_needs: not_sure}",
        expect="{specialist_assessment: suggested}",
    )

    case = parse_case_file(text).cases[0]

    assert case.answers.unsure == ("night_needs",)
    with pytest.raises(CaseFileError, match="must be true, false or not_sure"):
        parse_case_file(text.replace("night_needs: not_sure", "night_needs: maybe"))
    with pytest.raises(CaseFileError, match="must be true or false"):
        parse_case_file(text.replace("night_needs: not_sure", "open_to_disability_team: not_sure"))
