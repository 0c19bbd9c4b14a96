"""The back office's journeys in a real browser: a provider proposes a change and an editor
approves it; an editor reverts a listing; an officer imports services from the template."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, then, when

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
TEMPLATES = Path(settings.BASE_DIR) / "static" / "import-templates"


def sign_in(page, site, username):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("Short breaks back office")


def sign_out(page):
    page.get_by_role("button", name="Log out").click()


@pytest.fixture
def people(site):
    from django.contrib.auth.models import Group, Permission

    from directory.roles import DIRECTORY_EDITOR, PROVIDER, sync_roles
    from tests.factories import UserFactory

    sync_roles(Group, Permission)  # the groups, after an earlier test's database flush
    return {
        "editor": UserFactory(username="eddie", roles=[DIRECTORY_EDITOR]),
        "provider": UserFactory(username="sam", roles=[PROVIDER]),
    }


@pytest.fixture
def listing(people):
    from tests.factories import BreakKindFactory, LocalityFactory, NeedFactory, ServiceFactory

    service = ServiceFactory(
        name="Splash club",
        status="published",
        needs=[NeedFactory(code="ASD", name="Autism")],  # a published listing names a need
        kinds=[BreakKindFactory(code="sport", name="Sport")],
        localities=[LocalityFactory(code="home", name="Home")],
    )
    service.provider.users.add(people["provider"])
    return service


def test_a_providers_change_goes_live_only_when_an_editor_approves_it(page, site, listing):
    public = f"{site}{listing.get_absolute_url()}"

    with given("a provider user signed in to the back office"):
        sign_in(page, site, "sam")

    with when("they rename their published listing and save"):
        page.goto(f"{site}/admin/directory/service/{listing.pk}/change/")
        page.get_by_label("Name:", exact=True).fill("Splash and play club")
        page.get_by_role("button", name="Save", exact=True).click()

    with then("they are told it waits for approval, and the public page has not changed"):
        expect(page.locator(".messagelist")).to_contain_text("sent to the council for approval")
        sign_out(page)
        page.goto(public)
        expect(page.locator("h1")).to_have_text("Splash club")

    with when("an editor opens the change from the front page and approves it"):
        sign_in(page, site, "eddie")
        page.get_by_role("link", name="Proposed changes waiting for approval").click()
        page.get_by_role("link", name="Splash club").click()
        expect(page.locator("#differences")).to_contain_text("Splash and play club")
        page.get_by_label("Approve: put it live now").check()
        page.get_by_role("button", name="Save decision").click()
        expect(page.locator(".messagelist")).to_contain_text("Approved")

    with then("the public page shows the change"):
        page.goto(public)
        expect(page.locator("h1")).to_have_text("Splash and play club")
        assert_accessible(page)


def test_an_editor_reverts_a_listing_to_an_earlier_version(page, site, listing):
    with given("an editor who renamed a listing by mistake"):
        sign_in(page, site, "eddie")
        page.goto(f"{site}/admin/directory/service/{listing.pk}/change/")
        page.get_by_label("Name:", exact=True).fill("Wrong name")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    with when("they open its history and revert to the first version, after confirming"):
        page.goto(f"{site}/admin/directory/service/{listing.pk}/history/")
        expect(page.locator("#versions")).to_contain_text("Name")
        page.get_by_role("link", name="Revert to this version").first.click()
        expect(page.locator("#differences")).to_contain_text("Wrong name")
        page.get_by_role("button", name="Yes, revert to this version").click()

    with then("the listing has its old name again, and the revert is the newest version"):
        expect(page.locator(".messagelist")).to_contain_text("is back as it was")
        expect(page.locator("#versions tbody tr").first).to_contain_text("eddie")
        page.goto(f"{site}{listing.get_absolute_url()}")
        expect(page.locator("h1")).to_have_text("Splash club")


@pytest.fixture
def template_names(people):
    """What the services template names, as in the demo council."""
    from tests.factories import (
        BreakKindFactory,
        LocalityFactory,
        NeedFactory,
        ProviderFactory,
        VenueFactory,
    )

    provider = ProviderFactory(name="Allendale Drama Group")
    for code in ("north", "east"):
        LocalityFactory(code=code, name=code.capitalize())
    BreakKindFactory(code="arts", name="Arts")
    BreakKindFactory(code="saturday-club", name="Saturday club")
    NeedFactory(code="ASD", name="Autism")
    NeedFactory(code="SLCN", name="Speech and language")
    VenueFactory(name="Wimborne Minster Village Hall", provider=provider)


def upload(page, site, path):
    page.goto(f"{site}/admin/directory/service/import/")
    page.get_by_label("File to import").set_input_files(str(path))
    page.get_by_label("Format").select_option("csv")
    page.get_by_role("button", name="Submit").click()


def test_an_officer_previews_the_template_sees_a_bad_files_errors_then_imports(
    page, site, template_names, tmp_path
):
    from directory.models import Service

    template = TEMPLATES / "services.csv"
    bad = tmp_path / "bad.csv"
    bad.write_text(template.read_text().replace("ASD; SLCN", "ASD; Telepathy"))

    with given("an editor signed in"):
        sign_in(page, site, "eddie")

    with when("they upload the services template"):
        upload(page, site, template)

    with then("a preview shows the new row, and nothing is imported yet"):
        expect(page.locator("table.import-preview")).to_contain_text("New")
        expect(page.get_by_role("button", name="Confirm import")).to_be_visible()
        assert Service.objects.count() == 0

    with when("they upload a file with an unknown need instead"):
        upload(page, site, bad)

    with then("the row's error is shown by column, and there is no way to import it"):
        expect(page.locator("body")).to_contain_text("Unknown need: 'Telepathy'")
        expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
        assert Service.objects.count() == 0

    with when("they upload the good file again and confirm"):
        upload(page, site, template)
        page.get_by_role("button", name="Confirm import").click()

    with then("the service is in the list"):
        expect(page.locator(".messagelist")).to_contain_text("Import finished")
        expect(page.locator("#result_list")).to_contain_text("Example Saturday Drama")
        assert Service.objects.filter(name="Example Saturday Drama").exists()


def test_the_preview_of_a_draft_is_accessible(page, site, viewport, listing):
    from tests.factories import ServiceFactory

    draft = ServiceFactory(status="draft", name="Coming soon", provider=listing.provider)

    with given("an editor opens a draft from the back office with View on site"):
        sign_in(page, site, "eddie")
        page.goto(f"{site}/admin/directory/service/{draft.pk}/change/")
        page.get_by_role("link", name="View on site").click()

    with then("the preview says families cannot see it yet, and axe finds no violations"):
        expect(page.locator(".govuk-notification-banner")).to_contain_text("cannot see it yet")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_accessible(page)
