"""What the checker's pages say: the answers to check, and the result in plain English.

Every line of a result follows from the answers given: the reasons are the engine's, the
evidence to have ready is what the family said they have, and the directory link lists only
services the family can reach under its outcome."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from directory.models import Service
from directory.presenters import describe_date

from . import rules
from .forms import FORMS
from .journey import Journey


@dataclass(frozen=True)
class AnswerRow:
    question: str  # in the words of the question the family was asked
    answer: str
    change_url: str


YES_NO_SHOWN = {True: "Yes", False: "No", "not_sure": "I am not sure"}


def _show(step_name: str, value, needs_by_code) -> str:
    if step_name == "postcode":
        return value.get("postcode") or "Not given"
    if step_name == "date-of-birth":
        return describe_date(dt.date.fromisoformat(value))
    if isinstance(value, bool) or value == "not_sure" and step_name in YES_NO_STEPS:
        return YES_NO_SHOWN[value]
    if step_name == "needs":
        return ", ".join(needs_by_code.get(code, code) for code in value) or "None given"
    if step_name == "evidence":
        labels = dict(FORMS["evidence"].base_fields["answer"].choices)
        return ", ".join(labels.get(item, item) for item in value) or "None of these"
    labels = dict(FORMS[step_name](age=rules.DLA_CONTINUES[0]).fields["answer"].choices)
    return str(labels.get(value, value))


YES_NO_STEPS = (
    "live-in-area",
    "school-in-area",
    "complex-health",
    "night-needs",
    "behaviour-risk",
    "carer-struggling",
    "disabled-childrens-team",
)


def answer_rows(journey: Journey, needs_by_code: dict, council) -> list[AnswerRow]:
    """Every question this family answered, in its own words, with what they said and a link
    to change it."""
    return [
        AnswerRow(
            FORMS[step.name](council=council, age=journey.age).question,
            _show(step.name, journey.answers[step.name], needs_by_code),
            reverse("eligibility:question", args=[step.name]) + "?change=1",
        )
        for step in journey.steps()
        if step.name in journey.answers
    ]


@dataclass(frozen=True)
class ResultCard:
    title: str
    tag: str
    tag_class: str
    reasons: list[str]
    next_steps: str  # the name of the template fragment that says what to do next


TARGETED = {
    rules.Targeted.LIKELY: ("Likely", "govuk-tag--green"),
    rules.Targeted.POSSIBLE: ("Possible", "govuk-tag--blue"),
    rules.Targeted.UNLIKELY: ("Unlikely", "govuk-tag--grey"),
    rules.Targeted.NOT_IN_AREA: ("Not in this area", "govuk-tag--grey"),
    rules.Targeted.UNDER_AGE: ("Not yet", "govuk-tag--grey"),
    rules.Targeted.OVER_AGE: ("Over the age limit", "govuk-tag--grey"),
    rules.Targeted.EXCLUDED: ("Through your social worker", "govuk-tag--grey"),
}
ASSESSMENT = {
    rules.Assessment.SUGGESTED: ("Suggested", "govuk-tag--purple"),
    rules.Assessment.ALREADY_SUPPORTED: ("Already supported", "govuk-tag--green"),
    rules.Assessment.NOT_SUGGESTED: ("Not suggested now", "govuk-tag--grey"),
}
ADULT_ROUTE = ("Through adult services", "govuk-tag--purple")


def result_cards(result: dict) -> list[ResultCard]:
    """The three cards: short breaks open to everyone, targeted breaks, and an assessment."""
    targeted = rules.Targeted(result["targeted"])
    assessment = rules.Assessment(result["specialist_assessment"])
    reasons = [tuple(reason) for reason in result["reasons"]]
    assessment_rules = [rule_id for rule_id, _ in reasons if rule_id.startswith("assessment.")]
    adult = "assessment.adult_route" in assessment_rules
    return [
        ResultCard(
            "Short breaks open to everyone",
            "Yes",
            "govuk-tag--green",
            [
                "Clubs, activities and leisure that welcome disabled children and young people "
                "are open to every family. You do not need to ask anyone first."
            ],
            "universal",
        ),
        ResultCard(
            "Targeted short breaks",
            *TARGETED[targeted],
            [text for rule_id, text in reasons if rule_id.startswith("targeted.")],
            f"targeted_{targeted.value}",
        ),
        ResultCard(
            "A social-care assessment for specialist short breaks",
            *(ADULT_ROUTE if adult else ASSESSMENT[assessment]),
            [text for rule_id, text in reasons if rule_id.startswith("assessment.")],
            "assessment_adult_route" if adult else f"assessment_{assessment.value}",
        ),
    ]


def reachable_tiers(result: dict) -> list[str]:
    """The tiers a family can reach under its outcome: everyone's, targeted breaks where they
    are likely or possible, and specialist breaks where an assessment is suggested or the
    family already has one."""
    tiers = ["universal"]
    if result["targeted"] in ("likely", "possible"):
        tiers.append("targeted")
    if result["specialist_assessment"] in ("suggested", "already_supported"):
        tiers.append("specialist")
    return tiers


def _search(query) -> str:
    return f"{reverse('directory:search')}?{urlencode(query)}"


def directory_link(result: dict) -> str:
    """The directory, filtered to what the family can reach: the child's age, needs, area and
    the tiers its outcome reaches."""
    query = [("age", str(result["age"]))]
    query += [("need", code) for code in result["needs"]]
    if result.get("locality_code"):
        query.append(("locality", result["locality_code"]))
    query += [("tier", tier) for tier in reachable_tiers(result)]
    return _search(query)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str
    url: str


@dataclass(frozen=True)
class YoungAdultRoute:
    """For a young person past the age limit, or 18 or over: who to ask, and the services in
    the directory for their age that need that route rather than the family's own contact."""

    adult: bool  # 18 or over: adult social care assesses (the Care Act)
    contacts: list[Contact]
    count: int
    url: str


def young_adult_route(result: dict, council) -> YoungAdultRoute | None:
    """The route to short breaks for a young person's age that the outcome does not reach,
    with the council's contacts; None under 16, or where the children's route still applies."""
    age = result["age"]
    adult = age >= rules.ADULT_AGE
    past_limit = result["targeted"] == rules.Targeted.OVER_AGE
    if age < 16 or not (adult or past_limit):
        return None
    adult_care = Contact(
        council.adult_social_care_name,
        council.adult_social_care_phone,
        council.adult_social_care_email,
        council.adult_social_care_url,
    )
    transition = Contact(
        council.transition_team_name,
        council.transition_team_phone,
        council.transition_team_email,
        council.transition_team_url,
    )
    other_tiers = [
        tier for tier in ("targeted", "specialist") if tier not in reachable_tiers(result)
    ]
    count = (
        Service.objects.published()
        .filter(tier__in=other_tiers, min_age__lte=age, max_age__gte=age)
        .count()
        if other_tiers
        else 0
    )
    query = [("age", str(age))] + [("tier", tier) for tier in other_tiers]
    return YoungAdultRoute(
        adult=adult,
        contacts=[adult_care, transition] if adult else [transition, adult_care],
        count=count,
        url=_search(query),
    )


def evidence_to_have_ready(answers: rules.Answers, ruleset: rules.Ruleset, age: int) -> list[str]:
    """What a family should have ready when they contact a provider: the award letters and
    other evidence they said they have, where the council's criteria read them."""
    items = []
    benefits = {
        p.benefit for p in ruleset.passports if p.covers(age) or p.covers_continuing_dla(age)
    }
    awarded = {b for b in rules.BENEFITS if getattr(answers, b) in rules.AWARDED[b]}
    if awarded & {"dla_care", "cdp_care", "dla_mobility"} and benefits & {
        "dla_care",
        "cdp_care",
        "dla_mobility",
    }:
        name = (
            "Child Disability Payment" if "cdp_care" in awarded else "Disability Living Allowance"
        )
        items.append(f"your child's {name} award letter")
    if awarded & {"pip_daily_living", "adp_daily_living"} and benefits & {
        "pip_daily_living",
        "adp_daily_living",
    }:
        name = (
            "Adult Disability Payment"
            if "adp_daily_living" in awarded
            else "Personal Independence Payment"
        )
        items.append(f"their {name} award letter")
    named = {*ruleset.equivalent_evidence, *ruleset.also_require}
    if "ehcp" in named and answers.ehcp == "issued":
        items.append("their education, health and care plan")
    labels = {
        "diagnosis": "a written diagnosis",
        "professional_letter": "a letter from a professional who knows your child",
        "special_school_place": "a letter confirming their special school place",
    }
    items += [label for key, label in labels.items() if key in named and key in answers.evidence]
    return items


def criteria_used(ruleset, council, today: dt.date) -> str:
    """Which criteria and which day, in plain English: 'Worked out on 1 December 2026 with
    South Wessex short breaks criteria 2026, which the council has used since 1 April 2026.'"""
    name = ruleset.public_name or f"{council.name}'s short breaks criteria"
    since = describe_date(ruleset.valid_from)
    used = "uses from" if ruleset.valid_from > today else "has used since"
    return f"Worked out on {describe_date(today)} with {name}, which {council.name} {used} {since}."
