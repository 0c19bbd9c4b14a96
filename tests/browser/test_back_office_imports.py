"""A large import's progress page, and a provider confirming its listing in one click, in a real
browser with axe. Tasks run at once in the tests' settings (the import runs when its job is
saved), so the running page is shown from a job part way through."""

import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser import test_back_office
from tests.browser.steps import assert_accessible, given, then, when
from tests.browser.test_back_office import TEMPLATES, sign_in

pytestmark = pytest.mark.browser
# The back office's browser fixtures: its people, a provider's listing, the template's names.
people = test_back_office.people
listing = test_back_office.listing
template_names = test_back_office.template_names


@pytest.fixture
def small_background(monkeypatch):
    from directory import import_jobs

    monkeypatch.setattr(import_jobs, "BACKGROUND_ROWS", 3)
    monkeypatch.setattr(import_jobs, "CHECK_BATCH", 2)


def services_csv(path, count):
    with open(TEMPLATES / "services.csv", newline="", encoding="utf-8") as template:
        example = next(csv.DictReader(template))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(example))
    writer.writeheader()
    writer.writerows(example | {"name": f"Club {n}"} for n in range(count))
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_an_import_shows_its_progress_then_its_result(
    page,
    site,
    people,
    template_names,
    small_background,
    tmp_path,
):
    from directory.models import ImportJob

    running = ImportJob.objects.create(
        records="service",
        file_name="big.xlsx",
        file_format=1,
        state="checking",
        rows_total=10_000,
        rows_checked=2_500,
        started_by=people["editor"],
    )

    with given("an editor signed in, with an import part way through"):
        sign_in(page, site, "eddie")

    with when("they open its page"):
        page.goto(f"{site}/admin/directory/importjob/{running.pk}/change/")

    with then("a progress bar and the rows checked show, with a way to refresh"):
        expect(page.get_by_label("Progress")).to_have_attribute("value", "22")
        expect(page.locator(".import-progress-count")).to_have_text("2500 of 10000 rows checked.")
        expect(page.get_by_role("link", name="Refresh")).to_be_visible()
        assert_accessible(page)

    with when("they import a file of more rows than a preview takes"):
        page.goto(f"{site}/admin/directory/service/import/")
        page.get_by_label("File to import").set_input_files(
            str(services_csv(tmp_path / "services.csv", 5))
        )
        page.get_by_label("Format").select_option("csv")
        page.get_by_role("button", name="Submit").click()

    with then("they see the import's result, kept under Imports"):
        expect(page.locator("#import-state")).to_have_text("Imported")
        expect(page.locator("#content-main table")).to_contain_text("Records added")
        assert_accessible(page)
        page.get_by_role("link", name="Imports").first.click()
        expect(page.locator("#result_list")).to_contain_text("Services from services.csv")


def test_a_provider_confirms_its_listing_is_still_correct(page, site, listing):
    with given("a provider user signed in, on their published listing"):
        sign_in(page, site, "sam")
        page.goto(f"{site}/admin/directory/service/{listing.pk}/change/")

    with when("they say it is still correct"):
        page.get_by_role("button", name="It is still correct").click()

    with then("it is checked today, by them, with nothing to approve"):
        expect(page.locator("h1")).to_contain_text("Splash club is marked as still correct")
        listing.refresh_from_db()
        assert listing.last_checked_by.username == "sam"
        assert listing.history.latest().history_user.username == "sam"
        assert_accessible(page)


def test_a_provider_without_an_account_confirms_from_the_link(page, site, listing):
    from directory.listing_confirmations import link_url

    with given("the link in a review reminder"):
        page.goto(link_url(listing.provider).replace("http://testserver", site))
        expect(page.locator("h1")).to_have_text("Check your short breaks listings")
        assert_accessible(page)

    with when("its contact says the listing is still correct"):
        page.get_by_role("button", name="It is still correct").first.click()

    with then("they are thanked, and the listing counts as checked"):
        expect(page.locator(".govuk-notification-banner")).to_contain_text("still correct")
        assert_accessible(page)
        listing.refresh_from_db()
        assert listing.last_checked_on is not None
