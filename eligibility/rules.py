"""The council's eligibility criteria as rules: answers and a ruleset in, an outcome out.

Pure functions over frozen dataclasses: no database, request or session. The vocabulary, the
parameters and the order of checks are those of the eligibility specification
(docs/eligibility.md). Each rule has a stable id, and its docstring is the reason a family reads;
`{...}` in a docstring is filled in from what the rule found.

DfE guidance is that criteria must not be applied mechanistically: an outcome is a likely
result with its reasons, never a decision.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Targeted(StrEnum):
    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    NOT_IN_AREA = "not_in_area"
    UNDER_AGE = "under_age"
    OVER_AGE = "over_age"
    EXCLUDED = "excluded"


class Assessment(StrEnum):
    SUGGESTED = "suggested"
    ALREADY_SUPPORTED = "already_supported"
    NOT_SUGGESTED = "not_suggested"


class Disability(StrEnum):
    YES = "true"
    NO = "false"
    NOT_SURE = "not_sure"


CARE_RATES = ("none", "lowest", "middle", "highest", "applied", "not_sure")
MOBILITY_RATES = ("none", "lower", "higher")
DAILY_LIVING_RATES = ("none", "standard", "enhanced", "applied", "not_sure")
BENEFITS = {
    "dla_care": CARE_RATES,
    "dla_mobility": MOBILITY_RATES,
    "pip_daily_living": DAILY_LIVING_RATES,
    "cdp_care": CARE_RATES,
    "adp_daily_living": DAILY_LIVING_RATES,
}
# The rates a passport can name: an award, not a claim or a doubt.
AWARDED = {
    benefit: tuple(r for r in rates if r not in ("none", "applied", "not_sure"))
    for benefit, rates in BENEFITS.items()
}
EHCP = ("none", "requested", "issued")
EVIDENCE = ("diagnosis", "professional_letter", "special_school_place")
SUPPORT_RATIOS = ("group", "one_to_two", "one_to_one", "two_to_one")
FLAGS = (
    "night_needs",
    "complex_health",
    "behaviour_risk",
    "carer_struggling",
    "open_to_disability_team",
)
TRIGGERS = ("two_to_one", "behaviour_risk", "complex_health", "night_needs", "carer_struggling")
# The questions a family may answer "not sure": each then counts towards suggesting an
# assessment (it leans towards asking), never towards a condition being met.
UNSURE_FLAGS = ("night_needs", "complex_health", "behaviour_risk", "carer_struggling")
# Disability Living Allowance goes on at 16 and 17 until a Personal Independence Payment claim
# is decided: with a PIP claim made ("applied"), the award counts as it did at 15, the last age
# DLA is claimed for.
DLA_CONTINUES = (16, 17)
LAST_DLA_AGE = 15
ADULT_AGE = 18  # children's social care ends; adult social care (the Care Act) takes over
TEAM = "disabled children's team"  # the engine's word for the council's team; see assess()
# What `also_require` and `extended_requires` may name: each is met by the answer shown.
CONDITIONS = ("ehcp", *EVIDENCE, "disability", "school_in_area", *FLAGS)
EQUIVALENT_EVIDENCE = ("ehcp", *EVIDENCE)
EQUIVALENT_NEED_OUTCOMES = (Targeted.POSSIBLE, Targeted.UNLIKELY)


@dataclass(frozen=True)
class Answers:
    """One child's answers. Anything not given takes the default: false, none or empty."""

    resident: bool = False
    school_in_area: bool = False
    date_of_birth: dt.date | None = None
    disability: Disability = Disability.NO
    needs: tuple[str, ...] = ()
    dla_care: str = "none"
    dla_mobility: str = "none"
    pip_daily_living: str = "none"
    cdp_care: str = "none"
    adp_daily_living: str = "none"
    ehcp: str = "none"
    evidence: tuple[str, ...] = ()
    support_ratio: str | None = None
    night_needs: bool = False
    complex_health: bool = False
    behaviour_risk: bool = False
    carer_struggling: bool = False
    open_to_disability_team: bool = False
    unsure: tuple[str, ...] = ()  # any of UNSURE_FLAGS answered "not sure"

    def flag(self, name: str) -> bool | None:
        """A yes-or-no answer: True, False, or None for "not sure"."""
        if name in self.unsure:
            return None
        return bool(getattr(self, name))


@dataclass(frozen=True)
class Passport:
    """A benefit rate that qualifies for targeted breaks, for ages in a range (inclusive)."""

    benefit: str
    rate: str
    min_age: int | None = None
    max_age: int | None = None

    def covers(self, age: int) -> bool:
        return (self.min_age is None or age >= self.min_age) and (
            self.max_age is None or age <= self.max_age
        )

    def covers_continuing_dla(self, age: int) -> bool:
        """Whether a DLA (or CDP) award still paid at 16 or 17, while a PIP claim is decided,
        counts: as the passport counts it at its age, or else at 15."""
        return (
            self.benefit in ("dla_care", "cdp_care")
            and age in DLA_CONTINUES
            and (self.covers(age) or self.covers(LAST_DLA_AGE))
        )


DEFAULT_PASSPORTS = (
    Passport("dla_care", "middle"),
    Passport("dla_care", "highest"),
    Passport("pip_daily_living", "standard"),
    Passport("pip_daily_living", "enhanced"),
)


@dataclass(frozen=True)
class Ruleset:
    """What a commissioner sets. The defaults are the West Sussex-style criteria."""

    name: str = "Default"
    min_age: int = 0
    age_limit: int = 18
    extended_age_limit: int | None = None
    extended_requires: tuple[str, ...] = ()
    school_in_area_counts: bool = False
    passports: tuple[Passport, ...] = DEFAULT_PASSPORTS
    cdp_counts_as_dla: bool = True
    adp_counts_as_pip: bool = True
    also_require: tuple[str, ...] = ()
    equivalent_evidence: tuple[str, ...] = ()
    equivalent_need_outcome: Targeted = Targeted.POSSIBLE
    exclude_if_open_to_disability_team: bool = False
    specialist_triggers: tuple[str, ...] = TRIGGERS


@dataclass(frozen=True)
class Reason:
    rule: str
    text: str


@dataclass(frozen=True)
class Outcome:
    targeted: Targeted
    specialist_assessment: Assessment
    age: int
    reasons: tuple[Reason, ...] = field(default=())
    benefit_route: str = "none"  # passport, evidence or none: for the anonymous demand record

    def reasons_for(self, prefix: str) -> list[Reason]:
        return [reason for reason in self.reasons if reason.rule.startswith(prefix)]


# ---------------------------------------------------------------------------- facts


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    """Age in whole years on a day: a birthday counts from the day itself (29 February
    birthdays fall on 1 March in other years)."""
    years = day.year - date_of_birth.year
    birthday = (date_of_birth.month, date_of_birth.day)
    if (day.month, day.day) < birthday:
        years -= 1
    return years


def condition_met(answers: Answers, condition: str) -> bool:
    """Whether an answer meets a condition named in also_require or extended_requires."""
    if condition == "ehcp":
        return answers.ehcp == "issued"
    if condition in EVIDENCE:
        return condition in answers.evidence
    if condition == "disability":
        return answers.disability == Disability.YES
    return bool(getattr(answers, condition))


def benefit_answer(answers: Answers, benefit: str, ruleset: Ruleset) -> tuple[str, str]:
    """The answer that a passport for `benefit` reads, and the benefit it came from: the
    Scottish equivalent counts where the ruleset says so and the UK benefit is not awarded."""
    rate = getattr(answers, benefit)
    equivalents = {
        "dla_care": ("cdp_care", ruleset.cdp_counts_as_dla),
        "pip_daily_living": ("adp_daily_living", ruleset.adp_counts_as_pip),
    }
    if benefit in equivalents:
        other, counts = equivalents[benefit]
        if counts and rate not in AWARDED[benefit] and getattr(answers, other) in AWARDED[other]:
            return getattr(answers, other), other
    return rate, benefit


def age_limit(answers: Answers, ruleset: Ruleset) -> int:
    """The birthday on which targeted breaks end for this child: the extended limit if the
    ruleset has one and the child meets every condition for it."""
    if ruleset.extended_age_limit is not None and all(
        condition_met(answers, c) for c in ruleset.extended_requires
    ):
        return ruleset.extended_age_limit
    return ruleset.age_limit


BENEFIT_NAMES = {
    "dla_care": "the care part of Disability Living Allowance",
    "dla_mobility": "the mobility part of Disability Living Allowance",
    "pip_daily_living": "the daily living part of Personal Independence Payment",
    "cdp_care": "the care part of Child Disability Payment",
    "adp_daily_living": "the daily living part of Adult Disability Payment",
}
CONDITION_NAMES = {
    "ehcp": "an education, health and care (EHC) plan",
    "diagnosis": "a diagnosis",
    "professional_letter": "a letter from a professional",
    "special_school_place": "a place at a special school",
    "disability": "a disability or additional need",
    "school_in_area": "a school place in the area",
    "night_needs": "needs at night",
    "complex_health": "complex health needs",
    "behaviour_risk": "behaviour that puts them or others at risk",
    "carer_struggling": "a carer who is finding it very hard to cope",
    "open_to_disability_team": "support from the {team}",
    "two_to_one": "support from two adults at once",
}


def _names(items, last=" and ") -> str:
    names = [CONDITION_NAMES.get(item, item) for item in items]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


# ---------------------------------------------------------------------------- rules

Rule = Callable[..., Reason | None]
RULES: dict[str, Rule] = {}


def rule(rule_id: str):
    """Register a rule under a stable id; its docstring is the reason it gives."""

    def register(function):
        def apply(*args, team: str = TEAM, **kwargs):
            found = function(*args, **kwargs)
            if found is None or found is False:
                return None
            values = {"team": "{team}"} | (found if isinstance(found, dict) else {})
            text = " ".join(function.__doc__.split()).format(**values)
            return Reason(rule_id, text.replace("{team}", team))

        apply.rule_id = rule_id
        apply.__doc__ = function.__doc__
        RULES[rule_id] = apply
        return apply

    return register


@rule("targeted.not_in_area")
def not_in_area(answers: Answers, ruleset: Ruleset, age: int):
    """Targeted short breaks are for children who live in the council's area{school}. You said
    your child does not."""
    in_area = answers.resident or (ruleset.school_in_area_counts and answers.school_in_area)
    if in_area:
        return None
    return {"school": ", or go to a school in it" if ruleset.school_in_area_counts else ""}


@rule("targeted.under_age")
def under_age(answers: Answers, ruleset: Ruleset, age: int):
    """Targeted short breaks start at age {min_age}. Your child is {age}."""
    return {"min_age": ruleset.min_age, "age": age} if age < ruleset.min_age else None


@rule("targeted.over_age")
def over_age(answers: Answers, ruleset: Ruleset, age: int):
    """Targeted short breaks end on the {limit}th birthday. Your child is {age}."""
    limit = age_limit(answers, ruleset)
    return {"limit": limit, "age": age} if age >= limit else None


@rule("targeted.excluded")
def excluded(answers: Answers, ruleset: Ruleset, age: int):
    """Targeted short breaks are not for children who already have support from the {team}.
    Talk to your social worker about short breaks in your child's plan."""
    return ruleset.exclude_if_open_to_disability_team and answers.open_to_disability_team


@rule("targeted.passport")
def passport(answers: Answers, ruleset: Ruleset, age: int):
    """Your child gets the {rate} rate of {benefit}, which qualifies for targeted short breaks."""
    for entry in ruleset.passports:
        rate, benefit = benefit_answer(answers, entry.benefit, ruleset)
        if rate == entry.rate and entry.covers(age):
            return {"rate": rate, "benefit": BENEFIT_NAMES[benefit]}
    return None


@rule("targeted.continuing_dla")
def continuing_dla(answers: Answers, ruleset: Ruleset, age: int):
    """Your child still gets the {rate} rate of {benefit} while their Personal Independence
    Payment claim is decided. It counts as it did before they were 16, so it qualifies for
    targeted short breaks until the claim is decided."""
    if answers.pip_daily_living != "applied":
        return None
    for entry in ruleset.passports:
        rate, benefit = benefit_answer(answers, entry.benefit, ruleset)
        if rate == entry.rate and entry.covers_continuing_dla(age):
            return {"rate": rate, "benefit": BENEFIT_NAMES[benefit]}
    return None


@rule("targeted.equivalent_evidence")
def equivalent_evidence(answers: Answers, ruleset: Ruleset, age: int):
    """Your child has {evidence}, which the council accepts instead of a disability benefit."""
    found = [item for item in ruleset.equivalent_evidence if condition_met(answers, item)]
    return {"evidence": _names(found)} if found else None


@rule("targeted.also_require")
def missing_also_required(answers: Answers, ruleset: Ruleset, age: int):
    """To qualify straight away your child would also need {missing}."""
    missing = [c for c in ruleset.also_require if not condition_met(answers, c)]
    return {"missing": _names(missing)} if missing else None


@rule("targeted.equivalent_need")
def equivalent_need(answers: Answers, ruleset: Ruleset, age: int):
    """Your child may have a similar level of need to children who qualify{why}. The provider,
    or a practitioner, decides: you do not need to prove a diagnosis or a benefit."""
    if answers.disability in (Disability.YES, Disability.NOT_SURE):
        return {"why": ""}
    pending = [b for b in BENEFITS if getattr(answers, b) in ("applied", "not_sure")]
    if pending:
        return {"why": " (a claim is waiting for a decision, or you are not sure of the rate)"}
    return None


@rule("targeted.no_equivalent")
def no_equivalent(answers: Answers, ruleset: Ruleset, age: int):
    """The council's criteria need a qualifying disability benefit{evidence}, so targeted short
    breaks are unlikely without one. If your child is awarded one, check again."""
    return {"evidence": " or other evidence it accepts" if ruleset.equivalent_evidence else ""}


@rule("targeted.unlikely")
def unlikely(answers: Answers, ruleset: Ruleset, age: int):
    """From your answers, your child does not have a disability or additional need that
    targeted short breaks are for. Short breaks open to everyone may still suit your family."""
    return True


@rule("assessment.already_supported")
def already_supported(answers: Answers, ruleset: Ruleset, age: int):
    """Your child already has support from the {team}. Talk to your social worker if your
    family needs more help."""
    return answers.open_to_disability_team


def _triggers_found(answers: Answers, ruleset: Ruleset) -> tuple[list[str], list[str]]:
    """The ruleset's triggers in the answers: those answered yes, and those "not sure"."""
    told, unsure = [], []
    for trigger in ruleset.specialist_triggers:
        if trigger == "two_to_one":
            if answers.support_ratio == "two_to_one":
                told.append(trigger)
            continue
        value = answers.flag(trigger)
        if value is None:
            unsure.append(trigger)
        elif value:
            told.append(trigger)
    return told, unsure


def _told(told: list[str], unsure: list[str]) -> str:
    """'You told us about X', 'you were not sure about Y', or both, as one sentence."""
    parts = []
    if told:
        parts.append(f"You told us about {_names(told)}")
    if unsure:
        start = "you" if told else "You"
        parts.append(f"{start} were not sure about {_names(unsure, last=' or ')}")
    return (", and " if told and unsure else "").join(parts) + "."


@rule("assessment.suggested")
def assessment_suggested(answers: Answers, ruleset: Ruleset, age: int):
    """{told} A social-care assessment looks at what your child and your family need, and can
    lead to specialist short breaks.{unsure}"""
    told, unsure = _triggers_found(answers, ruleset)
    if (told or unsure) and answers.resident and age < age_limit(answers, ruleset):
        return {
            "told": _told(told, unsure),
            "unsure": " When you are not sure, it is worth asking." if unsure else "",
        }
    return None


@rule("assessment.adult_route")
def adult_route(answers: Answers, ruleset: Ruleset, age: int):
    """{told} The assessment for specialist short breaks for children ends at {limit}. {route}"""
    told, unsure = _triggers_found(answers, ruleset)
    limit = age_limit(answers, ruleset)
    if not (told or unsure) or not answers.resident or age < limit:
        return None
    if age >= ADULT_AGE:
        route = (
            "From 18, adult social care can assess what a young adult needs (a Care Act "
            "assessment), and can arrange support and breaks."
        )
    else:
        route = (
            "Until 18, the council's team for young people moving to adult services can help "
            "you plan, and adult social care can assess them from 18."
        )
    return {"told": _told(told, unsure), "limit": limit, "route": route}


@rule("assessment.not_suggested")
def assessment_not_suggested(answers: Answers, ruleset: Ruleset, age: int):
    """Nothing in your answers suggests you need a social-care assessment now. You can still
    ask for one at any time."""
    return True


# ---------------------------------------------------------------------------- the outcome


def _targeted(
    answers: Answers, ruleset: Ruleset, age: int, team: str
) -> tuple[Targeted, list[Reason], str]:
    """Area, then age, then exclusion, then the rest: the first rule that decides wins."""
    for check, result in (
        (not_in_area, Targeted.NOT_IN_AREA),
        (under_age, Targeted.UNDER_AGE),
        (over_age, Targeted.OVER_AGE),
        (excluded, Targeted.EXCLUDED),
    ):
        if reason := check(answers, ruleset, age, team=team):
            return result, [reason], "none"
    route = continuing_dla(answers, ruleset, age) or passport(answers, ruleset, age)
    route_name = "passport"
    if route is None:
        route = equivalent_evidence(answers, ruleset, age)
        route_name = "evidence"
    missing = missing_also_required(answers, ruleset, age, team=team)
    if route is not None and missing is None:
        return Targeted.LIKELY, [route], route_name
    reasons = [route, missing] if route is not None else []
    route_name = route_name if route else "none"
    if need := equivalent_need(answers, ruleset, age):
        if ruleset.equivalent_need_outcome == Targeted.UNLIKELY:
            return Targeted.UNLIKELY, [*reasons, no_equivalent(answers, ruleset, age)], route_name
        return Targeted.POSSIBLE, [*reasons, need], route_name
    return Targeted.UNLIKELY, [*reasons, unlikely(answers, ruleset, age)], route_name


def _assessment(
    answers: Answers, ruleset: Ruleset, age: int, team: str
) -> tuple[Assessment, Reason]:
    if reason := already_supported(answers, ruleset, age, team=team):
        return Assessment.ALREADY_SUPPORTED, reason
    if reason := assessment_suggested(answers, ruleset, age, team=team):
        return Assessment.SUGGESTED, reason
    # Past the age limit, the answers still lead somewhere: to the adults' route.
    if reason := adult_route(answers, ruleset, age, team=team):
        return Assessment.NOT_SUGGESTED, reason
    return Assessment.NOT_SUGGESTED, assessment_not_suggested(answers, ruleset, age, team=team)


def assess(answers: Answers, ruleset: Ruleset, on: dt.date, *, team: str = TEAM) -> Outcome:
    """The likely outcome for a child on a day under a ruleset, with the reasons. `team` is
    what the council calls its disabled children's team, for the reasons' words."""
    if answers.date_of_birth is None:
        raise ValueError("A date of birth is needed to work out the child's age.")
    if answers.date_of_birth > on:
        raise ValueError("The date of birth is after the day of the check.")
    age = age_on(answers.date_of_birth, on)
    targeted, targeted_reasons, route = _targeted(answers, ruleset, age, team)
    assessment, assessment_reason = _assessment(answers, ruleset, age, team)
    return Outcome(targeted, assessment, age, (*targeted_reasons, assessment_reason), route)
