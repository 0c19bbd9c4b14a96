"""What the checker's pages say: the answers to check, and the result in plain English."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from directory.presenters import describe_date

from . import rules
from .forms import FORMS
from .journey import PIP_AGE, Journey


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str
    change_url: str


def _show(step_name: str, value, needs_by_code) -> str:
    if step_name == "postcode":
        return value.get("postcode") or "Not given"
    if step_name == "date-of-birth":
        return describe_date(dt.date.fromisoformat(value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if step_name == "needs":
        return ", ".join(needs_by_code.get(code, code) for code in value) or "None given"
    if step_name == "evidence":
        labels = dict(FORMS["evidence"].base_fields["answer"].choices)
        return ", ".join(labels.get(item, item) for item in value) or "None of these"
    labels = dict(FORMS[step_name].base_fields["answer"].choices)
    return str(labels.get(value, value))


def answer_rows(journey: Journey, needs_by_code: dict) -> list[AnswerRow]:
    """Every question this family answered, with what they said and a link to change it."""
    return [
        AnswerRow(
            step.summary,
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


def result_cards(result: dict) -> list[ResultCard]:
    """The three cards: short breaks open to everyone, targeted breaks, and an assessment."""
    targeted = rules.Targeted(result["targeted"])
    assessment = rules.Assessment(result["specialist_assessment"])
    reasons = [tuple(reason) for reason in result["reasons"]]
    return [
        ResultCard(
            "Short breaks open to everyone",
            "Yes",
            "govuk-tag--green",
            [
                "Clubs, activities and leisure that welcome disabled children are open to every "
                "family. You do not need to ask anyone first."
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
            *ASSESSMENT[assessment],
            [text for rule_id, text in reasons if rule_id.startswith("assessment.")],
            f"assessment_{assessment.value}",
        ),
    ]


def directory_link(result: dict) -> str:
    """The directory, filtered to what might fit: the child's age, needs, area and tiers."""
    tiers = ["universal"]
    if result["targeted"] in ("likely", "possible"):
        tiers.append("targeted")
    if result["specialist_assessment"] in ("suggested", "already_supported"):
        tiers.append("specialist")
    query = [("age", str(result["age"]))]
    query += [("need", code) for code in result["needs"]]
    if result.get("locality_code"):
        query.append(("locality", result["locality_code"]))
    query += [("tier", tier) for tier in tiers]
    return f"{reverse('directory:search')}?{urlencode(query)}"


def evidence_to_have_ready(ruleset: rules.Ruleset, age: int) -> list[str]:
    """What a family should have ready when they contact a provider: the award letters the
    ruleset reads for a child of this age, and any other evidence it accepts."""
    items = []
    benefits = {passport.benefit for passport in ruleset.passports if passport.covers(age)}
    if age < PIP_AGE and benefits & {"dla_care", "dla_mobility", "cdp_care"}:
        items.append(
            "your child's Disability Living Allowance (or Child Disability Payment) award letter"
        )
    if age >= PIP_AGE and benefits & {"pip_daily_living", "adp_daily_living"}:
        items.append(
            "their Personal Independence Payment (or Adult Disability Payment) award letter"
        )
    named = {*ruleset.equivalent_evidence, *ruleset.also_require}
    if "ehcp" in named:
        items.append("their education, health and care plan")
    labels = {
        "diagnosis": "a written diagnosis",
        "professional_letter": "a letter from a professional who knows your child",
        "special_school_place": "a letter confirming their special school place",
    }
    items += [label for key, label in labels.items() if key in named]
    return items
