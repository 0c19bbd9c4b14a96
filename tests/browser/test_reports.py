"""The commissioners' reports in a real browser: every report page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, then
from tests.browser.test_back_office import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def reports_site(demo_site):
    """The demo council, a commissioner, and a thousand anonymous checks."""
    from django.contrib.auth.models import Group, Permission

    from directory.roles import COMMISSIONER, sync_roles
    from portal.nonprod.demo.check_records import seed_check_records
    from tests.factories import UserFactory

    sync_roles(Group, Permission)  # the groups, after an earlier test's database flush
    UserFactory(username="cora", roles=[COMMISSIONER])
    seed_check_records(1_000)
    return demo_site


@pytest.mark.parametrize("report", ["supply", "demand", "freshness"])
def test_each_report_page_has_no_accessibility_violations(page, reports_site, report):
    with given(f"a commissioner opens the {report} report from the front page"):
        sign_in(page, reports_site, "cora")
        page.get_by_role("link", name="Reports", exact=True).click()
        page.get_by_role("link", name=report.capitalize(), exact=True).click()

    with then("its tables and charts show, and axe finds nothing"):
        expect(page.locator(".app-report-table").first).to_be_visible()
        assert_accessible(page)


def test_a_wrong_period_is_explained_accessibly(page, reports_site):
    with given("a commissioner asks for the demand report for a month that does not exist"):
        sign_in(page, reports_site, "cora")
        page.goto(f"{reports_site}/admin/reports/demand/?start=2026-13")

    with then("the error says what to do, and axe finds nothing"):
        expect(page.locator("#period-errors")).to_contain_text("Enter the first month")
        assert_accessible(page)
