"""The family's journey through the checker: which questions a ruleset needs, in what order,
and how the answers kept in the session become the engine's Answers. Pure: no request."""

import datetime as dt
from dataclasses import dataclass

from . import rules

SCOTTISH = "other"  # "They get the Scottish benefit instead"
DLA_PENDING = "dla_pending"  # "They still get DLA while their PIP claim is decided"
NOT_SURE = "not_sure"


@dataclass(frozen=True)
class Step:
    name: str  # also the URL slug and the key in the session's answers
    summary: str  # the question's short form, for staff (families read the question itself)


STEPS = [
    Step("postcode", "Postcode"),
    Step("live-in-area", "Lives in the area"),
    Step("school-in-area", "School in the area"),
    Step("date-of-birth", "Date of birth"),
    Step("disability", "Disability or additional need"),
    Step("needs", "Needs"),
    Step("dla-care", "Disability Living Allowance: care"),
    Step("cdp-care", "Child Disability Payment: care"),
    Step("dla-mobility", "Disability Living Allowance: mobility"),
    Step("pip", "Personal Independence Payment: daily living"),
    Step("dla-while-pip", "Disability Living Allowance while PIP is decided"),
    Step("adp", "Adult Disability Payment: daily living"),
    Step("ehcp", "Education, health and care plan"),
    Step("evidence", "Other evidence"),
    Step("support", "Support needed"),
    Step("complex-health", "Complex health needs"),
    Step("night-needs", "Needs at night"),
    Step("behaviour-risk", "Behaviour that puts people at risk"),
    Step("carer-struggling", "How you are coping"),
    Step("disabled-childrens-team", "Support from the council's team"),
]
BY_NAME = {step.name: step for step in STEPS}
FLAG_STEPS = {
    "complex-health": "complex_health",
    "night-needs": "night_needs",
    "behaviour-risk": "behaviour_risk",
    "carer-struggling": "carer_struggling",
}
PIP_AGE = 16  # DLA for under-16s; PIP from 16
AREA_STEPS = ("postcode", "live-in-area", "school-in-area")


@dataclass(frozen=True)
class Journey:
    """The answers so far (as kept in the session) under a ruleset, on a day."""

    ruleset: rules.Ruleset
    answers: dict
    today: dt.date

    # ------------------------------------------------------------------ facts so far

    @property
    def age(self) -> int | None:
        born = self.answers.get("date-of-birth")
        return rules.age_on(dt.date.fromisoformat(born), self.today) if born else None

    @property
    def resident(self) -> bool | None:
        """Yes if the postcode is in the area; otherwise what the family said, if asked."""
        postcode = self.answers.get("postcode")
        if postcode and postcode.get("in_area"):
            return True
        return self.answers.get("live-in-area")

    @property
    def out_of_area(self) -> bool:
        """Whether the answers so far settle that the family is another council's: they live
        elsewhere, and (where a school in the area counts) their child's school is elsewhere
        too. Nothing more is asked."""
        if self.resident is not False:
            return False
        if not self.ruleset.school_in_area_counts:
            return True
        return self.answers.get("school-in-area") is False

    def _uses_benefit(self, *benefits) -> bool:
        return any(passport.benefit in benefits for passport in self.ruleset.passports)

    def _conditions(self) -> set[str]:
        r = self.ruleset
        return {*r.also_require, *r.extended_requires, *r.equivalent_evidence}

    # ------------------------------------------------------------------ which questions

    def applies(self, step: Step) -> bool:
        """Whether the ruleset needs this question, given the answers so far."""
        name, age = step.name, self.age
        if name == "live-in-area":
            return "postcode" in self.answers and not self.answers["postcode"].get("in_area")
        if name == "school-in-area":
            return self.ruleset.school_in_area_counts and self.resident is False
        if name == "needs":
            return self.answers.get("disability") in ("true", "not_sure")
        if name == "dla-care":
            return age is not None and age < PIP_AGE and self._uses_benefit("dla_care", "cdp_care")
        if name == "cdp-care":
            return self.applies(BY_NAME["dla-care"]) and self.answers.get("dla-care") == SCOTTISH
        if name == "dla-mobility":
            return age is not None and age < PIP_AGE and self._uses_benefit("dla_mobility")
        if name == "pip":
            return (
                age is not None
                and age >= PIP_AGE
                and self._uses_benefit("pip_daily_living", "adp_daily_living")
            )
        if name == "dla-while-pip":
            return (
                self.applies(BY_NAME["pip"])
                and self.answers.get("pip") == DLA_PENDING
                and age in rules.DLA_CONTINUES
                and self._uses_benefit("dla_care", "cdp_care")
            )
        if name == "adp":
            return self.applies(BY_NAME["pip"]) and self.answers.get("pip") == SCOTTISH
        if name == "ehcp":
            return "ehcp" in self._conditions()
        if name == "evidence":
            return bool(self._conditions() & set(rules.EVIDENCE))
        if name == "support":
            return "two_to_one" in self.ruleset.specialist_triggers
        if name in FLAG_STEPS:
            flag = FLAG_STEPS[name]
            return flag in self.ruleset.specialist_triggers or flag in self._conditions()
        return True

    def steps(self) -> list[Step]:
        """The questions this family is asked, in order, as far as the answers so far tell:
        none after the answers settle that the family lives in another council's area."""
        steps = [step for step in STEPS if self.applies(step)]
        if self.out_of_area:
            return [step for step in steps if step.name in AREA_STEPS]
        return steps

    def next_step(self) -> Step | None:
        """The first question not yet answered, or None when every one has been."""
        return next((step for step in self.steps() if step.name not in self.answers), None)

    def previous_step(self, step: Step) -> Step | None:
        steps = self.steps()
        if step not in steps:
            return None
        index = steps.index(step)
        return steps[index - 1] if index else None

    def may_ask(self, step: Step) -> bool:
        """Whether a family may be on this question: it applies, and every one before it has
        been answered (so nobody skips ahead by changing the address)."""
        if not self.applies(step):
            return False
        for earlier in self.steps():
            if earlier == step:
                return True
            if earlier.name not in self.answers:
                return False
        return False

    # ------------------------------------------------------------------ the answers

    def to_answers(self) -> rules.Answers:
        """The engine's Answers: only the questions that applied count."""
        asked = {step.name for step in self.steps()}
        given = {name: value for name, value in self.answers.items() if name in asked}
        dla = given.get("dla-care", given.get("dla-while-pip", "none"))
        pip = given.get("pip", "none")
        if pip == DLA_PENDING:
            pip = "applied"  # a claim is waiting for a decision
        flags = {name: given.get(name) for name in FLAG_STEPS}
        return rules.Answers(
            resident=bool(self.resident),
            school_in_area=bool(given.get("school-in-area")),
            date_of_birth=dt.date.fromisoformat(self.answers["date-of-birth"]),
            disability=rules.Disability(given.get("disability", "false")),
            needs=tuple(given.get("needs", ())),
            dla_care="none" if dla == SCOTTISH else dla,
            cdp_care=given.get("cdp-care", "none"),
            dla_mobility=given.get("dla-mobility", "none"),
            pip_daily_living="none" if pip == SCOTTISH else pip,
            adp_daily_living=given.get("adp", "none"),
            ehcp=given.get("ehcp", "none"),
            evidence=tuple(given.get("evidence", ())),
            support_ratio=given.get("support"),
            open_to_disability_team=bool(given.get("disabled-childrens-team")),
            unsure=tuple(FLAG_STEPS[name] for name, value in flags.items() if value == NOT_SURE),
            **{flag: flags[name] is True for name, flag in FLAG_STEPS.items()},
        )

    @property
    def locality_id(self):
        postcode = self.answers.get("postcode") or {}
        return postcode.get("locality")
