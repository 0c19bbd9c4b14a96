"""The commissioners' reports on a small hand-made data set: every figure checked."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import ProblemReport
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from eligibility.models import CheckRecord, CheckRecordNeed
from portal.reports.demand import demand_tables
from portal.reports.freshness import freshness_tables
from portal.reports.supply import supply_tables
from tests.factories import (
    AgeBandFactory,
    NeedFactory,
    ProblemReportFactory,
    ProposedChangeFactory,
    RulesetFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def table(tables, slug):
    return next(t for t in tables if t.slug == slug)


def figures(found, *headings):
    """{row heading: [cell values]} for the rows named."""
    rows = {row.heading: [cell.value for cell in row.cells] for row in found.rows}
    return {heading: rows[heading] for heading in headings}


def column(found, name):
    index = found.columns.index(name)
    return {row.heading: row.cells[index] for row in found.rows}


@pytest.fixture
def needs(db):
    return {
        "autism": NeedFactory(code="autism-x", name="Autism (test)"),
        "sleep": NeedFactory(code="sleep-x", name="Sleep (test)"),
    }


@pytest.fixture
def supply(offer, needs):
    """The offer (see conftest) with needs: the Chesil targeted club and the universal club
    support autism; the specialist overnight stays support sleep. Only the universal club
    has places."""
    offer["targeted"].needs.set([needs["autism"]])
    offer["universal"].needs.set([needs["autism"]])
    offer["specialist"].needs.set([needs["sleep"]])
    offer["targeted"].availability = "waiting_list"
    offer["targeted"].save()
    offer["specialist"].availability = "full"
    offer["specialist"].save()
    from directory.services import services_refresh_derived_fields

    services_refresh_derived_fields(
        service_ids=[offer[k].pk for k in ("targeted", "universal", "specialist")]
    )
    return offer


# ---------------------------------------------------------------------------- supply


def test_supply_counts_published_services_in_each_area(supply):
    tables = supply_tables(places_only=False, threshold=2)

    by_need = table(tables, "supply-by-need")
    assert by_need.columns[-2:] == ["Chesil", "East"]
    assert column(by_need, "Chesil")["Autism (test)"].value == 2
    assert column(by_need, "East")["Autism (test)"].value == 1
    assert column(by_need, "Chesil")["Sleep (test)"].value == 0
    assert column(by_need, "East")["Sleep (test)"].value == 1
    by_tier = table(tables, "supply-by-tier")
    assert [c.value for c in column(by_tier, "Chesil").values()] == [1, 1, 0]
    assert [c.value for c in column(by_tier, "East").values()] == [1, 0, 1]
    by_kind = table(tables, "supply-by-kind")
    assert column(by_kind, "Chesil")["Saturday club"].value == 2
    assert column(by_kind, "East")["Saturday club"].value == 1
    assert column(by_kind, "East")["Overnight stays"].value == 1


def test_supply_by_age_group_counts_services_whose_ages_overlap_the_group(supply):
    AgeBandFactory(code="tiny", name="Tiny (test)", min_age=0, max_age=2)
    AgeBandFactory(code="teen", name="Teen (test)", min_age=12, max_age=16)
    supply["universal"].min_age, supply["universal"].max_age = 0, 4
    supply["universal"].save()

    by_age = table(supply_tables(places_only=False, threshold=2), "supply-by-age-group")

    assert column(by_age, "Chesil")["Tiny (test)"].value == 1
    assert column(by_age, "Chesil")["Teen (test)"].value == 1
    assert column(by_age, "East")["Teen (test)"].value == 1


def test_only_services_with_places_can_be_counted(supply):
    by_need = table(supply_tables(places_only=True, threshold=2), "supply-by-need")

    assert column(by_need, "Chesil")["Autism (test)"].value == 1
    assert column(by_need, "East")["Sleep (test)"].value == 0
    assert column(by_need, "Chesil")["Autism (test)"].url == (
        "/directory/?locality=chesil&need=autism-x&only=places"
    )


def test_cells_below_the_councils_threshold_are_gaps_and_link_to_the_search(supply):
    by_need = table(supply_tables(places_only=False, threshold=2), "supply-by-need")
    chesil, east = column(by_need, "Chesil"), column(by_need, "East")

    assert not chesil["Autism (test)"].gap
    assert east["Autism (test)"].gap
    assert chesil["Sleep (test)"].gap
    assert chesil["Sleep (test)"].heat == 0
    assert chesil["Autism (test)"].heat == 4
    assert east["Autism (test)"].url == "/directory/?locality=east&need=autism-x"
    assert "fewer than 2 published services" in by_need.legend[0]
    assert not column(
        table(supply_tables(places_only=False, threshold=1), "supply-by-need"), "East"
    )["Autism (test)"].gap


def test_supply_takes_one_query_for_the_figures_whatever_the_size(
    supply, django_assert_num_queries
):
    with django_assert_num_queries(5):
        supply_tables(places_only=False, threshold=2)
    for _ in range(5):
        ServiceFactory(kinds=[supply["saturday"]], localities=[supply["east"]])
    with django_assert_num_queries(5):
        supply_tables(places_only=False, threshold=2)


# ---------------------------------------------------------------------------- demand


@pytest.fixture
def checks(offer, needs):
    """Six checks: four in October 2026 (three in Chesil, one with no area), two in November
    (East); one from September 2026, outside the period."""
    ruleset = RulesetFactory()
    band = AgeBandFactory(code="five-eleven-x", name="5 to 11 (test)", min_age=5, max_age=11)

    def check(month, locality, targeted, assessment="not_suggested", need_codes=(), age_band=band):
        record = CheckRecord.objects.create(
            month=month,
            locality=locality,
            age_band=age_band,
            benefit_route="passport",
            targeted=targeted,
            specialist_assessment=assessment,
            ruleset=ruleset,
        )
        CheckRecordNeed.objects.bulk_create(record.need(code) for code in need_codes)

    october, november = dt.date(2026, 10, 1), dt.date(2026, 11, 1)
    check(october, offer["chesil"], "likely", "suggested", ["autism-x"])
    check(october, offer["chesil"], "likely", need_codes=["autism-x", "sleep-x"])
    check(october, offer["chesil"], "possible")
    check(october, None, "not_in_area", age_band=None)
    check(november, offer["east"], "likely", "suggested", ["sleep-x"])
    check(november, offer["east"], "unlikely")
    check(dt.date(2026, 9, 1), offer["east"], "likely")
    return band


def demand(first=dt.date(2026, 10, 1), last=dt.date(2026, 11, 30)):
    return demand_tables(first=first, last=last)


def test_demand_by_month_counts_each_outcome_and_the_assessments_suggested(checks):
    by_month = table(demand(), "demand-by-month")

    assert by_month.columns == [
        "Targeted likely",
        "Targeted possible",
        "Targeted unlikely",
        "Not eligible (area, age or already supported)",
        "Assessment suggested",
        "All checks",
    ]
    assert figures(by_month, "October 2026", "November 2026") == {
        "October 2026": [2, 1, 0, 1, 1, 4],
        "November 2026": [1, 0, 1, 0, 1, 2],
    }
    assert [(bar.label, bar.value) for bar in by_month.chart.bars] == [
        ("October 2026", 4),
        ("November 2026", 2),
    ]


def test_demand_by_area_age_group_and_need(checks):
    tables = demand()

    assert figures(
        table(tables, "demand-by-area"), "Chesil", "East", "Not known or outside the area"
    ) == {
        "Chesil": [2, 1, 0, 0, 1, 3],
        "East": [1, 0, 1, 0, 1, 2],
        "Not known or outside the area": [0, 0, 0, 1, 0, 1],
    }
    assert figures(table(tables, "demand-by-age-group"), "5 to 11 (test)", "Not known") == {
        "5 to 11 (test)": [3, 1, 1, 0, 2, 5],
        "Not known": [0, 0, 0, 1, 0, 1],
    }
    assert figures(table(tables, "demand-by-need"), "Autism (test)", "Sleep (test)") == {
        "Autism (test)": [2, 0, 0, 0, 1, 2],
        "Sleep (test)": [2, 0, 0, 0, 1, 2],
    }


def test_the_period_chooses_the_months(checks):
    by_month = table(
        demand(first=dt.date(2026, 9, 1), last=dt.date(2026, 9, 30)), "demand-by-month"
    )

    assert figures(by_month, "September 2026") == {"September 2026": [1, 0, 0, 0, 0, 1]}
    assert [row.heading for row in by_month.rows] == ["September 2026"]


def test_demand_against_supply_shows_checks_per_targeted_service(checks):
    against = table(demand(), "demand-against-supply")

    assert figures(against, "Chesil", "East") == {
        "Chesil": [2, 1, "2.0"],
        "East": [1, 0, "No targeted services"],
    }
    east = {row.heading: row.cells for row in against.rows}["East"]
    assert east[1].gap and east[2].gap
    assert east[1].url == "/directory/?locality=east&tier=targeted"


def test_demand_takes_a_constant_number_of_queries(checks, django_assert_num_queries):
    with django_assert_num_queries(6):
        demand()


# ---------------------------------------------------------------------------- freshness


def test_freshness_counts_listings_by_review_and_overdue_ones_by_provider(offer):
    today = timezone.localdate()
    offer["targeted"].last_checked_on = today - dt.timedelta(days=400)
    offer["targeted"].save()
    offer["universal"].last_checked_on = None
    offer["universal"].save()
    offer["specialist"].last_checked_on = today - dt.timedelta(days=170)
    offer["specialist"].save()

    tables = freshness_tables(today=today, months=6, first=today, last=today)

    review = table(tables, "freshness-review")
    assert figures(
        review,
        "Checked within the review interval",
        "Due for review within 30 days",
        "Overdue for review",
        "All published listings",
    ) == {
        "Checked within the review interval": [0, "0%"],
        "Due for review within 30 days": [1, "33%"],
        "Overdue for review": [2, "67%"],
        "All published listings": [3, "100%"],
    }
    by_provider = table(tables, "freshness-overdue-by-provider")
    assert sorted(row.heading for row in by_provider.rows) == sorted(
        [offer["targeted"].provider.name, offer["universal"].provider.name]
    )
    assert all([cell.value for cell in row.cells] == [1, 1] for row in by_provider.rows)


def test_freshness_counts_proposed_changes_and_problem_reports(offer):
    today = timezone.localdate()
    ProposedChangeFactory(service=offer["targeted"])
    ProblemReportFactory(service=offer["targeted"], kind="closed")
    ProblemReportFactory(service=offer["targeted"], kind="closed", state="resolved")
    ProblemReportFactory(service=offer["universal"], kind="other")
    old = ProblemReportFactory(service=offer["universal"], kind="other")
    ProblemReport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=90)
    )

    tables = freshness_tables(
        today=today, months=6, first=today - dt.timedelta(days=30), last=today
    )

    changes = table(tables, "freshness-proposed-changes")
    assert figures(changes, "New listing", "Change to a published listing") == {
        "New listing": [0, "–"],
        "Change to a published listing": [1, 0],
    }
    reports = table(tables, "freshness-problem-reports")
    assert figures(reports, "The service has closed", "Something else") == {
        "The service has closed": [1, 0, 1, 2],
        "Something else": [1, 0, 0, 1],
    }


# ---------------------------------------------------------------------------- pages


@pytest.mark.parametrize("report", ["supply", "demand", "freshness"])
def test_only_commissioners_see_the_reports(client, supply, report):
    url = reverse("admin:report", args=[report])
    for role, status in [(COMMISSIONER, 200), (DIRECTORY_EDITOR, 403), (PROVIDER, 403)]:
        client.force_login(UserFactory(roles=[role]))
        assert client.get(url).status_code == status, role
    client.logout()
    assert client.get(url).status_code == 302


def test_the_reports_are_linked_from_the_front_page_for_commissioners_only(client, council):
    client.force_login(UserFactory(roles=[COMMISSIONER]))
    assert 'id="reports-link"' in client.get(reverse("admin:index")).content.decode()
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    assert 'id="reports-link"' not in client.get(reverse("admin:index")).content.decode()


@pytest.fixture
def commissioner(client, council):
    client.force_login(UserFactory(roles=[COMMISSIONER]))


def test_a_report_page_shows_its_tables_with_charts_and_csv_links(client, commissioner, checks):
    page = client.get(
        reverse("admin:report", args=["demand"]), {"start": "2026-10", "end": "2026-11"}
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="demand-by-month"' in html
    assert "<svg" in html and 'role="img"' in html
    assert "download=demand-by-area" in html
    assert "From 1 October 2026 to 30 November 2026." in html


def test_a_table_downloads_as_csv_for_the_period(client, commissioner, checks):
    response = client.get(
        reverse("admin:report", args=["demand"]),
        {"start": "2026-10", "end": "2026-11", "download": "demand-by-month"},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "demand-by-month-2026-10-to-2026-11.csv" in response["Content-Disposition"]
    assert response.content.decode().splitlines() == [
        "Month,Targeted likely,Targeted possible,Targeted unlikely,"
        '"Not eligible (area, age or already supported)",Assessment suggested,All checks',
        "October 2026,2,1,0,1,1,4",
        "November 2026,1,0,1,0,1,2",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-13"}, "Enter the first month as a year and month"),
        ({"end": "last week"}, "Enter the last month as a year and month"),
        ({"start": "2026-11", "end": "2026-01"}, "The first month must be before the last month"),
        ({"start": "2001-01", "end": "2026-01"}, "Choose a period of 10 years or less"),
    ],
)
def test_a_wrong_period_is_explained_and_the_last_12_months_shown(
    client, commissioner, query, message
):
    page = client.get(reverse("admin:report", args=["demand"]), query)

    assert page.status_code == 200
    assert message in page.content.decode()
    assert 'id="demand-by-month"' in page.content.decode()


@pytest.mark.parametrize(
    "url", ["/admin/reports/nonsense/", "/admin/reports/supply/?download=nonsense"]
)
def test_an_unknown_report_or_table_is_not_found(client, commissioner, url):
    assert client.get(url).status_code == 404
