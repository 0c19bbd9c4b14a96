"""A personal assistant's application: its pages in order, one thing per page, and the answers
kept in the session turned into the register's fields. Pure: no request, no database."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Step:
    name: str  # also the URL slug and the key in the session's answers
    title: str  # the page's heading
    summary: str  # the short form, for "Check your answers"


STEPS = [
    Step("name", "What is your name?", "Name"),
    Step("contact", "How can the council contact you?", "Contact details"),
    Step("postcode", "What is your home postcode?", "Home postcode"),
    Step("travel", "How far will you travel to work?", "Travel"),
    Step("ages", "Which ages of children and young people have you worked with?", "Ages"),
    Step("needs", "Which needs do you have experience of?", "Needs"),
    Step("offers", "What can you offer?", "What you offer"),
    Step("availability", "When are you available?", "Availability"),
    Step("rate", "What is your hourly rate?", "Hourly rate"),
    Step("about", "Tell families about yourself", "About you"),
    Step("experience", "What experience do you have?", "Experience"),
    Step("dbs", "Your DBS check", "DBS check"),
    Step("training", "What training have you done?", "Training"),
    Step("referees", "Give two referees", "Referees"),
    Step("consent", "The register's privacy notice", "Privacy notice"),
]
BY_NAME = {step.name: step for step in STEPS}


@dataclass(frozen=True)
class Application:
    """The answers so far, as kept in the session."""

    answers: dict

    def next_step(self) -> Step | None:
        """The first page not yet answered, or None when every one has been."""
        return next((step for step in STEPS if step.name not in self.answers), None)

    def previous_step(self, step: Step) -> Step | None:
        index = STEPS.index(step)
        return STEPS[index - 1] if index else None

    def may_ask(self, step: Step) -> bool:
        """Every page before this one has been answered: nobody skips ahead by the address."""
        return all(earlier.name in self.answers for earlier in STEPS[: STEPS.index(step)])

    @property
    def complete(self) -> bool:
        return self.next_step() is None

    def fields(self) -> dict:
        """The register's fields the answers give (not the lists: see need_codes, age_codes)."""
        a = self.answers
        rate = a["rate"].get("hourly_rate")
        return {
            "first_name": a["name"]["first_name"],
            "last_name": a["name"]["last_name"],
            "email": a["contact"]["email"],
            "phone": a["contact"]["phone"],
            "postcode": a["postcode"]["text"],
            "latitude": a["postcode"]["latitude"],
            "longitude": a["postcode"]["longitude"],
            "locality_id": a["postcode"]["locality"],
            "travel_miles": int(a["travel"]["travel_miles"]),
            "offers": list(a["offers"]["offers"]),
            "days": list(a["availability"]["days"]),
            "times": list(a["availability"]["times"]),
            "hourly_rate": Decimal(rate) if rate else None,
            "description": a["about"]["description"],
            "experience": a["experience"]["experience"],
            "dbs_certificate_number": a["dbs"]["dbs_certificate_number"],
            "dbs_issued_on": dt.date.fromisoformat(a["dbs"]["dbs_issued_on"]),
            "dbs_update_service": a["dbs"]["dbs_update_service"] == "yes",
            "training": a["training"]["training"],
            "referee_1_name": a["referees"]["referee_1_name"],
            "referee_1_contact": a["referees"]["referee_1_contact"],
            "referee_2_name": a["referees"]["referee_2_name"],
            "referee_2_contact": a["referees"]["referee_2_contact"],
        }

    @property
    def need_codes(self) -> list[str]:
        return list(self.answers["needs"]["needs"])

    @property
    def age_codes(self) -> list[str]:
        return list(self.answers["ages"]["age_bands"])
