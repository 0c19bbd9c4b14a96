"""The personal assistants report: PAs families can find by need, age group and area; the
count of families' messages by month, area and need; and PAs where the directory has a gap."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from directory.personal_assistants.models import ContactTally
from directory.roles import COMMISSIONER
from portal.reports.personal_assistants import personal_assistant_tables
from tests.directory.personal_assistants.conftest import register  # noqa: F401 (a fixture)
from tests.factories import UserFactory


def table(tables, slug):
    return next(t for t in tables if t.slug == slug)


def values(found, *headings):
    """{row heading: [cell values]}, of the rows named if any are."""
    rows = {row.heading: [cell.value for cell in row.cells] for row in found.rows}
    return {heading: rows[heading] for heading in headings} if headings else rows


@pytest.fixture
def tables(register):  # noqa: F811 (a fixture)
    month = register.today.replace(day=1)
    home, away = register.localities.home, register.localities.away
    ContactTally.objects.create(month=month, locality=home, need=register.needs.autism, count=3)
    ContactTally.objects.create(month=month, locality=away, need=None, count=2)
    earlier = (month - dt.timedelta(days=1)).replace(day=1)
    ContactTally.objects.create(month=earlier, locality=away, need=register.needs.autism, count=1)
    return personal_assistant_tables(
        today=register.today,
        first=earlier,
        last=register.today,
        threshold=1,
        dbs_valid_years=3,
    )


def test_pas_families_can_find_by_need_and_area(tables):
    found = values(table(tables, "pas-by-need"), "Autism", "Physical disability")

    # Columns: Far Coast, Home Valley. Nadia (home) and Wendy (away) have autism; Wendy and
    # Sam (away) physical disability. The pending, lapsed and old-DBS PAs do not count.
    assert found == {"Autism": [1, 1], "Physical disability": [2, 0]}
    autism = next(row for row in table(tables, "pas-by-need").rows if row.heading == "Autism")
    assert not autism.cells[1].gap


def test_pas_by_age_group_and_area(tables):
    assert values(table(tables, "pas-by-age-group"), "Under 5", "5 to 11", "12 to 16") == {
        "Under 5": [1, 0],
        "5 to 11": [1, 1],
        "12 to 16": [1, 0],
    }


def test_messages_by_month_and_by_need(tables, register):  # noqa: F811
    by_month = table(tables, "pa-messages-by-month")
    this_month = f"{register.today:%B %Y}"
    assert values(by_month)[this_month] == [2, 3, 0, 5]
    by_need = values(table(tables, "pa-messages-by-need"))
    assert by_need["Autism"] == [1, 3, 0, 4]
    assert by_need["Not said"] == [2, 0, 0, 2]


def test_pas_in_the_directory_s_gaps(tables):
    gaps = values(table(tables, "pas-in-directory-gaps"))

    # No published services at all: every area and need is a gap.
    assert gaps["Home Valley: Autism"] == [0, 1, 3]
    assert gaps["Far Coast: Physical disability"] == [0, 2, 0]
    assert gaps["Home Valley: Physical disability"] == [0, 0, 0]


def test_the_report_page_and_its_csv_for_a_commissioner(client, register):  # noqa: F811
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=COMMISSIONER))
    client.force_login(user)
    url = reverse("admin:report", args=["personal-assistants"])

    page = client.get(url)
    csv = client.get(url, {"download": "pas-by-need"})

    assert page.status_code == 200
    assert "Personal assistants families can find, by need and area" in page.content.decode()
    assert csv["Content-Type"].startswith("text/csv")
    assert "nadia" not in csv.content.decode().lower()
