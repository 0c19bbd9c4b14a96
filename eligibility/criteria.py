"""A ruleset's criteria in plain English, for the Short Breaks Statement's "who can use them".

A pure function of the engine's ruleset (eligibility.rules): the same parameters the checker
applies, so the Statement cannot say something the checker does not do."""

from dataclasses import dataclass

from . import rules
from .rules import Targeted


@dataclass(frozen=True)
class Criteria:
    """The criteria as sentences, grouped as the Statement shows them."""

    targeted: tuple[str, ...]
    qualifying_benefits: tuple[str, ...]
    instead_of_a_benefit: tuple[str, ...]
    specialist: tuple[str, ...]


def _either(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _both(items) -> str:
    names = [rules.CONDITION_NAMES.get(item, item) for item in items]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _ages(passport: rules.Passport) -> str:
    if passport.min_age is None and passport.max_age is None:
        return ""
    if passport.max_age is None:
        return f" (aged {passport.min_age} or over)"
    if passport.min_age is None:
        return f" (aged {passport.max_age} or under)"
    return f" (aged {passport.min_age} to {passport.max_age})"


def describe_benefits(ruleset: rules.Ruleset) -> list[str]:
    """One line per benefit and age range: 'the middle or highest rate of the care part of
    Disability Living Allowance'."""
    grouped: dict[tuple, list[str]] = {}
    for passport in ruleset.passports:
        key = (passport.benefit, passport.min_age, passport.max_age)
        grouped.setdefault(key, []).append(passport.rate)
    lines = []
    for (benefit, youngest, oldest), rates in grouped.items():
        ordered = [rate for rate in rules.AWARDED[benefit] if rate in rates]
        ages = _ages(rules.Passport(benefit, "", youngest, oldest))
        rate_words = "rate" if len(ordered) == 1 else "rates"
        lines.append(f"the {_either(ordered)} {rate_words} of {rules.BENEFIT_NAMES[benefit]}{ages}")
    equivalents = []
    if ruleset.cdp_counts_as_dla and any(p.benefit == "dla_care" for p in ruleset.passports):
        equivalents.append(
            "Child Disability Payment counts the same as Disability Living Allowance"
        )
    if ruleset.adp_counts_as_pip and any(
        p.benefit == "pip_daily_living" for p in ruleset.passports
    ):
        equivalents.append(
            "Adult Disability Payment counts the same as Personal Independence Payment"
        )
    return lines + [
        f"{sentence} (for families who have moved from Scotland)" for sentence in equivalents
    ]


def describe(ruleset: rules.Ruleset, *, area: str, team: str) -> Criteria:
    """The criteria for targeted breaks and what leads to a specialist assessment."""
    if ruleset.min_age:
        ages = f"aged {ruleset.min_age} or over, until their {ruleset.age_limit}th birthday"
    else:
        ages = f"up to their {ruleset.age_limit}th birthday"
    where = f"who live in the {area} area"
    if ruleset.school_in_area_counts:
        where += ", or go to a school in it"
    targeted = [
        f"Targeted short breaks are for disabled children and young people {ages}, {where}. "
        "You do not need a social-care assessment: you contact the provider, who checks "
        "that your child can use the service."
    ]
    if ruleset.extended_age_limit is not None:
        after = (
            f" if they have {_both(ruleset.extended_requires)}" if ruleset.extended_requires else ""
        )
        targeted.append(
            f"Young people can keep using them until their {ruleset.extended_age_limit}th "
            f"birthday{after}."
        )
    if ruleset.also_require:
        targeted.append(
            f"As well as a qualifying benefit, your child needs {_both(ruleset.also_require)}."
        )
    if ruleset.exclude_if_open_to_disability_team:
        targeted.append(
            f"Children the {team} already supports get their short breaks through their "
            "plan instead: talk to your social worker."
        )

    instead = []
    if ruleset.equivalent_evidence:
        instead.append(
            "Instead of a benefit, the council accepts "
            f"{_either([rules.CONDITION_NAMES[e] for e in ruleset.equivalent_evidence])}."
        )
    if ruleset.equivalent_need_outcome == Targeted.POSSIBLE:
        instead.append(
            "A child with a similar level of need, but without a qualifying benefit, may still "
            "be able to use targeted short breaks: the provider or a practitioner decides. You "
            "do not need to prove a diagnosis or a benefit."
        )
    else:
        instead.append(
            "Without a qualifying benefit or other evidence, targeted short breaks are unlikely "
            "to be offered."
        )

    specialist = [
        f"Specialist short breaks are arranged after a social-care assessment by the {team}. "
        "The assessment looks at what your child and your whole family need."
    ]
    if ruleset.specialist_triggers:
        names = [rules.CONDITION_NAMES[t] for t in ruleset.specialist_triggers]
        specialist.append(
            "The online checker suggests an assessment when a family tells us about any one of "
            f"these: {_either(names)}. A family that is not sure about one of them is also "
            "told it is worth asking."
        )
    specialist.append("Any family can ask for an assessment at any time.")

    def named(lines):
        return tuple(line.replace("{team}", team) for line in lines)

    return Criteria(
        targeted=named(targeted),
        qualifying_benefits=tuple(describe_benefits(ruleset)),
        instead_of_a_benefit=named(instead),
        specialist=named(specialist),
    )
