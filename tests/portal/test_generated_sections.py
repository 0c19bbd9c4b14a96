"""The Statement's generated sections: figures from the live directory, criteria from the
published ruleset, routes and contacts from the council's configuration."""

import datetime as dt

import pytest

from directory.services import service_refresh_derived_fields
from portal.generated_sections import generated_sections, range_of_breaks
from tests.factories import CouncilFactory, RulesetFactory, ServiceFactory

TODAY = dt.date(2026, 11, 23)


def row_named(rows, name):
    return next(row for row in rows if row["name"] == name)


def kind_rows(offered):
    return [row for heading in offered["headings"] for row in heading["rows"]]


def counts(row):
    return [cell["count"] for cell in row["cells"]], row["total"]


def test_published_services_are_counted_by_tier_kind_and_area(offer):
    offered = range_of_breaks()

    assert offered["total"] == 3
    assert [(t["name"], t["count"]) for t in offered["tiers"]] == [
        ("Open to everyone", 1),
        ("Targeted", 1),
        ("Specialist", 1),
    ]
    assert counts(row_named(kind_rows(offered), "Saturday club")) == ([1, 1, 0], 2)
    assert counts(row_named(kind_rows(offered), "Overnight stays")) == ([0, 0, 1], 1)
    assert counts(row_named(offered["localities"], "Chesil")) == ([1, 1, 0], 2)
    assert counts(row_named(offered["localities"], "East")) == ([1, 0, 1], 2)


def test_kinds_are_grouped_under_the_regulations_headings(offer):
    headings = {h["name"]: [r["name"] for r in h["rows"]] for h in range_of_breaks()["headings"]}

    assert "Saturday club" in headings["Educational or leisure activities outside the home"]
    assert "Overnight stays" in headings["Overnight care in the home or elsewhere"]


def test_each_figure_links_to_the_matching_directory_search(offer):
    offered = range_of_breaks()
    saturday = row_named(kind_rows(offered), "Saturday club")

    assert saturday["url"] == "/directory/?kind=teen-club"
    assert saturday["cells"][1]["url"] == "/directory/?kind=teen-club&tier=targeted"
    assert row_named(offered["localities"], "East")["url"] == "/directory/?locality=east"
    assert offered["tiers"][2]["url"] == "/directory/?tier=specialist"


def test_the_range_changes_when_a_service_is_published_or_changes_tier(offer):
    offer["draft"].status = "published"
    offer["draft"].save()
    offer["specialist"].tier = "targeted"
    offer["specialist"].save()
    service_refresh_derived_fields(service=offer["specialist"])

    offered = range_of_breaks()

    assert offered["total"] == 4
    assert [t["count"] for t in offered["tiers"]] == [1, 3, 0]
    assert counts(row_named(kind_rows(offered), "Overnight stays")) == ([0, 1, 0], 1)
    assert counts(row_named(offered["localities"], "East")) == ([1, 2, 0], 3)


def test_the_range_takes_a_constant_number_of_queries(offer, django_assert_num_queries):
    for _ in range(5):
        ServiceFactory(kinds=[offer["saturday"]], localities=[offer["east"]])

    with django_assert_num_queries(5):
        range_of_breaks()


def test_who_can_use_them_comes_from_the_ruleset_in_force(council, ruleset):
    who = generated_sections(council=council, today=TODAY)["who"]

    assert who["ruleset"] == "Our criteria"
    assert "up to their 18th birthday, who live in the Testshire Council area" in who["targeted"][0]
    assert who["qualifying_benefits"][0] == (
        "the middle or highest rates of the care part of Disability Living Allowance"
    )
    assert who["checker_url"] == "/check/"


def test_who_can_use_them_changes_when_a_new_ruleset_is_published(council, ruleset):
    before = generated_sections(council=council, today=TODAY)["who"]
    ruleset.valid_to = dt.date(2026, 10, 31)
    ruleset.save()
    RulesetFactory(
        name="New criteria",
        valid_from=dt.date(2026, 11, 1),
        age_limit=25,
        passports=[("pip_daily_living", "enhanced")],
    )

    after = generated_sections(council=council, today=TODAY)["who"]

    assert after != before
    assert after["ruleset"] == "New criteria"
    assert "up to their 25th birthday" in after["targeted"][0]
    assert after["qualifying_benefits"][0] == (
        "the enhanced rate of the daily living part of Personal Independence Payment"
    )


def test_without_a_published_ruleset_there_are_no_criteria_to_describe(council):
    assert generated_sections(council=council, today=TODAY)["who"] is None


def test_how_to_get_one_gives_each_route_and_the_councils_contacts(offer):
    council = CouncilFactory(disabled_children_team_name="Disabled Children's Service")

    how = generated_sections(council=council, today=TODAY)["how"]

    assert [(r["heading"], r["count"]) for r in how["routes"]] == [
        ("Short breaks open to everyone", 1),
        ("Targeted short breaks", 1),
        ("Specialist short breaks", 1),
    ]
    assert (
        "Ask the Disabled Children's Service for a social-care assessment"
        in (how["routes"][2]["text"])
    )
    assert how["direct_payments"] == {"count": 1, "url": "/directory/?only=direct_payments"}
    assert how["team"] == {
        "name": "Disabled Children's Service",
        "phone": "01632 960 001",
        "hours": council.contact_hours,
        "email": "short.breaks@testshire.example",
    }
    assert how["early_help"]["url"] == "https://www.testshire.example/early-help"


@pytest.mark.parametrize("field", ["contact_phone", "early_help_url", "local_offer_url"])
def test_how_to_get_one_follows_the_council_configuration(council, field):
    before = generated_sections(council=council, today=TODAY)["how"]
    setattr(council, field, "" if field == "contact_phone" else "https://new.example/page")
    council.save()

    assert generated_sections(council=council, today=TODAY)["how"] != before
