"""A ruleset's criteria in plain English, as the Short Breaks Statement shows them."""

from eligibility.criteria import describe
from eligibility.rules import Passport, Ruleset, Targeted


def described(**parameters):
    return describe(Ruleset(**parameters), area="South Wessex Council", team="CWD team")


def test_the_default_criteria_name_the_ages_area_and_benefit_rates():
    criteria = described()

    assert criteria.targeted[0].startswith(
        "Targeted short breaks are for disabled children and young people up to their 18th "
        "birthday, who live in the South Wessex Council area."
    )
    assert criteria.qualifying_benefits[:2] == (
        "the middle or highest rates of the care part of Disability Living Allowance",
        "the standard or enhanced rates of the daily living part of Personal Independence Payment",
    )
    assert any("Child Disability Payment" in line for line in criteria.qualifying_benefits)
    assert "the provider or a practitioner decides" in criteria.instead_of_a_benefit[0]


def test_a_youngest_age_a_later_limit_and_a_school_in_the_area_are_described():
    criteria = described(
        min_age=5,
        age_limit=18,
        extended_age_limit=25,
        extended_requires=("ehcp",),
        school_in_area_counts=True,
    )

    assert "aged 5 or over, until their 18th birthday" in criteria.targeted[0]
    assert "or go to a school in it" in criteria.targeted[0]
    assert criteria.targeted[1] == (
        "Young people can keep using them until their 25th birthday if they have an "
        "education, health and care (EHC) plan."
    )


def test_benefit_rates_for_an_age_range_say_so():
    criteria = described(
        passports=(Passport("pip_daily_living", "enhanced", 16, 25),),
        adp_counts_as_pip=False,
    )

    assert criteria.qualifying_benefits == (
        "the enhanced rate of the daily living part of Personal Independence Payment "
        "(aged 16 to 25)",
    )


def test_evidence_instead_of_a_benefit_and_an_unlikely_outcome_without_it():
    criteria = described(
        equivalent_evidence=("ehcp", "diagnosis"),
        equivalent_need_outcome=Targeted.UNLIKELY,
    )

    assert criteria.instead_of_a_benefit == (
        "Instead of a benefit, the council accepts an education, health and care (EHC) plan "
        "or a diagnosis.",
        "Without a qualifying benefit or other evidence, targeted short breaks are unlikely "
        "to be offered.",
    )


def test_conditions_also_required_and_the_exclusion_are_described():
    criteria = described(also_require=("disability",), exclude_if_open_to_disability_team=True)

    assert "your child needs a disability or additional need." in criteria.targeted[1]
    assert criteria.targeted[2].startswith("Children the CWD team already supports")


def test_what_leads_to_an_assessment_comes_from_the_triggers():
    assert (
        "when a family tells us about any one of these: complex health needs or needs at night."
        in described(specialist_triggers=("complex_health", "night_needs")).specialist[1]
    )
    assert len(described(specialist_triggers=()).specialist) == 2
