"""The Statement's sections made from live data: the range of short breaks (the directory's
published services), who can use them (the published eligibility ruleset) and how to get one
(the council's configuration).

Plain JSON data, made afresh each time the current Statement is shown; publishing a version
keeps a copy (Statement.generated), so its archived page shows what was published. The words
are in the data, not only in the templates, for the same reason."""

import dataclasses
import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse

from directory.models import BreakKind, Council, Locality, Service, Tier
from directory.presenters import describe_date
from eligibility import criteria
from eligibility.models import Ruleset

TIER_COLUMNS = {
    Tier.UNIVERSAL: "Open to everyone",
    Tier.TARGETED: "Targeted",
    Tier.SPECIALIST: "Specialist",
}
ROUTES = {
    Tier.UNIVERSAL: (
        "Short breaks open to everyone",
        "Contact the provider, or just turn up. Nobody needs to check anything first.",
    ),
    Tier.TARGETED: (
        "Targeted short breaks",
        "Contact the provider: it checks that your child can use the service. You do not need "
        "a social-care assessment.",
    ),
    Tier.SPECIALIST: (
        "Specialist short breaks",
        "Ask the {team} for a social-care assessment. If your family is offered specialist "
        "short breaks, you can have a direct payment to arrange them yourself.",
    ),
}


def _search(**params) -> str:
    """A link to the directory's results for the filters."""
    path = reverse("directory:search")
    return f"{path}?{urlencode(params)}" if params else path


def _row(name: str, key: str, code: str, counts: dict) -> dict:
    cells = [
        {
            "tier": tier_name,
            "count": counts.get((code, tier), 0),
            "url": _search(**{key: code, "tier": tier}),
        }
        for tier, tier_name in TIER_COLUMNS.items()
    ]
    return {
        "name": name,
        "url": _search(**{key: code}),
        "total": sum(cell["count"] for cell in cells),
        "cells": cells,
    }


def range_of_breaks() -> dict:
    """Published services by kind of break (under the Regulations' headings) and by locality,
    each against the three tiers, with links to the matching directory searches."""
    published = Service.objects.published()
    by_tier = {row["tier"]: row["count"] for row in published.counts_by("tier")}
    kinds = list(BreakKind.objects.order_by("position", "name"))
    localities = list(Locality.objects.order_by("position", "name"))
    code_of_kind = {kind.pk: kind.code for kind in kinds}
    code_of_locality = {locality.pk: locality.code for locality in localities}
    by_kind = {
        (code_of_kind.get(row["kinds"]), row["tier"]): row["count"]
        for row in published.counts_by("kinds", "tier")
    }
    by_locality = {
        (code_of_locality.get(row["localities"]), row["tier"]): row["count"]
        for row in published.counts_by("localities", "tier")
    }
    headings = []
    for heading in BreakKind.Heading:
        rows = [
            _row(kind.name, "kind", kind.code, by_kind) for kind in kinds if kind.heading == heading
        ]
        if rows:
            headings.append({"name": heading.label, "rows": rows})
    return {
        "total": sum(by_tier.values()),
        "url": _search(),
        "tiers": [
            {"name": name, "count": by_tier.get(tier, 0), "url": _search(tier=tier)}
            for tier, name in TIER_COLUMNS.items()
        ],
        "headings": headings,
        "localities": [
            _row(locality.name, "locality", locality.code, by_locality) for locality in localities
        ],
    }


def who_can_use_them(council: Council, today: dt.date) -> dict | None:
    """The criteria of the ruleset the checker uses today, in plain English; None if the
    council has not published one."""
    ruleset = Ruleset.objects.current(today)
    if ruleset is None:
        return None
    described = criteria.describe(
        ruleset.to_rules(), area=council.name, team=council.disabled_children_team_name
    )
    return {
        "ruleset": ruleset.public_name or ruleset.name,
        "version": ruleset.version,
        "valid_from": describe_date(ruleset.valid_from),
        "checker_url": reverse("eligibility:start"),
        **{name: list(lines) for name, lines in dataclasses.asdict(described).items()},
    }


def how_to_get_one(council: Council, tier_counts: list[dict]) -> dict:
    """The routes to a short break for each tier, and the council's contacts."""
    team = council.disabled_children_team_name
    return {
        "routes": [
            {
                "heading": heading,
                "text": text.format(team=team),
                "count": tier["count"],
                "url": tier["url"],
            }
            for (heading, text), tier in zip(ROUTES.values(), tier_counts, strict=True)
        ],
        "direct_payments": {
            "count": Service.objects.published().accepting_direct_payments().count(),
            "url": _search(only="direct_payments"),
        },
        "team": {
            "name": team,
            "phone": council.contact_phone,
            "hours": council.contact_hours,
            "email": council.contact_email,
        },
        "early_help": {"phone": council.early_help_phone, "url": council.early_help_url},
        "local_offer_url": council.local_offer_url,
        "checker_url": reverse("eligibility:start"),
    }


SECTIONS = (
    ("range", "The range of short breaks"),
    ("who", "Who can use them"),
    ("how", "How to get a short break"),
)


def generated_sections(*, council: Council, today: dt.date) -> dict:
    """Every generated section, as it is today."""
    offered = range_of_breaks()
    return {
        "made_on": today.isoformat(),
        "range": offered,
        "who": who_can_use_them(council, today),
        "how": how_to_get_one(council, offered["tiers"]),
    }
