"""The register of personal assistants in a real browser: a PA applies; an editor approves them;
a family finds them and sends a message; a PA withdraws. Each page passes axe."""

import datetime as dt
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, then, when

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


@pytest.fixture
def area(site):
    from tests.factories import (
        AgeBandFactory,
        LocalityFactory,
        NeedFactory,
        PostcodeDistrictFactory,
        PostcodeFactory,
    )

    home = LocalityFactory(code="dorchester", name="Dorchester")
    PostcodeDistrictFactory(code="DT1", latitude=50.7152, longitude=-2.4406, locality=home)
    PostcodeFactory(postcode="DT1 1XJ", latitude=50.7152, longitude=-2.4406, locality=home)
    NeedFactory(code="ASD", name="Autism")
    AgeBandFactory(code="5-11", name="5 to 11", min_age=5, max_age=11)
    return SimpleNamespace(site=site, locality=home)


@pytest.fixture
def listed_pa(area):
    from directory.models import AgeBand, Need
    from tests.factories import PersonalAssistantFactory

    return PersonalAssistantFactory(
        first_name="Bryony",
        last_name="Browser",
        email="bryony.private@example.com",
        locality=area.locality,
        latitude=50.72,
        longitude=-2.44,
        needs=[Need.objects.get(code="ASD")],
        age_bands=[AgeBand.objects.get(code="5-11")],
    )


def continue_(page):
    page.get_by_role("button", name="Continue").click()


def test_a_pa_applies(page, area):
    issued = dt.date.today() - dt.timedelta(days=90)  # noqa: DTZ011

    with given("someone who works as a personal assistant, on the register's start page"):
        page.goto(f"{area.site}/personal-assistants/apply/")
        assert_accessible(page)

    with when("they answer one thing per page"):
        page.get_by_role("button", name="Start now").click()
        page.get_by_label("First name").fill("Petra")
        page.get_by_label("Last name").fill("Applicant")
        continue_(page)
        page.get_by_label("Email address").fill("petra.applicant@example.com")
        page.get_by_label("Phone number").fill("07700 900 123")
        continue_(page)
        page.get_by_label("Postcode").fill("DT1 1XJ")
        continue_(page)
        page.get_by_label("Up to 10 miles").check()
        continue_(page)
        page.get_by_label("5 to 11").check()
        continue_(page)
        page.get_by_label("Autism").check()
        continue_(page)
        page.get_by_label("Personal care").check()
        continue_(page)
        page.get_by_label("Saturday").check()
        page.get_by_label("Weekends").check()
        continue_(page)
        assert_accessible(page)
        page.get_by_label("Hourly rate, in pounds").fill("14.50")
        continue_(page)
        page.get_by_label("About you").fill("I love art and the seaside.")
        continue_(page)
        page.get_by_label("Your experience").fill("Three years at a special school.")
        continue_(page)
        page.get_by_label("Certificate number").fill("001234567890")
        continue_(page)
        expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date")
        assert_accessible(page)
        page.get_by_label("Day").fill(str(issued.day))
        page.get_by_label("Month").fill(str(issued.month))
        page.get_by_label("Year").fill(str(issued.year))
        page.get_by_label("Yes").check()
        continue_(page)
        continue_(page)  # training is optional
        page.get_by_label("Referee 1: name").fill("Rita Referee")
        page.get_by_label("Referee 1: email address or phone number").fill("rita@example.com")
        page.get_by_label("Referee 2: name").fill("Rob Referee")
        page.get_by_label("Referee 2: email address or phone number").fill("01632 960 321")
        continue_(page)
        page.get_by_label(re.compile("I have read the register's privacy notice")).check()
        continue_(page)

    with then("they check their answers and send them"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
        expect(page.locator(".govuk-summary-list")).to_contain_text("Petra Applicant")
        assert_accessible(page)
        page.get_by_role("button", name="Send application").click()
        expect(page.locator(".govuk-panel")).to_contain_text("Application sent")
        assert_accessible(page)

    from directory.personal_assistants.models import PersonalAssistant

    assert PersonalAssistant.objects.get(email="petra.applicant@example.com").status == "pending"


def sign_in(page, site, username):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("Short breaks back office")


def test_an_editor_approves_a_pa(page, area):
    from django.contrib.auth.models import Group, Permission

    from directory.roles import DIRECTORY_EDITOR, sync_roles
    from tests.factories import PersonalAssistantFactory, UserFactory

    sync_roles(Group, Permission)  # the groups, after an earlier test's database flush
    UserFactory(username="eddie", roles=[DIRECTORY_EDITOR], is_staff=True)
    pa = PersonalAssistantFactory(
        status="pending",
        first_name="Quentin",
        last_name="Queue",
        email="quentin.private@example.com",
        locality=area.locality,
        identity_seen=False,
        dbs_seen=False,
        references_taken=False,
        verified_on=None,
        confirmed_on=None,
    )

    with given("an editor signed in to the back office"):
        sign_in(page, area.site, "eddie")

    with when("they open the PA register's queue and the application"):
        page.get_by_role("link", name="Personal assistants").first.click()
        page.get_by_role("link", name="Quentin Queue").click()
        assert_accessible(page)

    with when("they approve before ticking the checklist"):
        page.get_by_label("Approve: put them on the register").check()
        page.get_by_role("button", name="Save", exact=True).click()

    with then("they are told to tick it first"):
        expect(page.locator(".errornote, .errorlist").first).to_be_visible()
        expect(page.locator("body")).to_contain_text("Tick identity seen")

    with when("they tick identity, DBS and references, and approve"):
        page.get_by_label("Identity seen").check()
        page.get_by_label(re.compile("Enhanced DBS certificate")).check()
        page.get_by_label("Two references taken").check()
        page.get_by_label("Approve: put them on the register").check()
        page.get_by_role("button", name="Save", exact=True).click()

    with then("the PA is on the register and has been emailed"):
        expect(page.locator(".messagelist")).to_contain_text("is on the register")
        pa.refresh_from_db()
        assert pa.status == "approved"
        assert mail.outbox[-1].to == ["quentin.private@example.com"]
        page.goto(f"{area.site}/personal-assistants/")
        expect(page.locator("#results")).to_contain_text("Quentin Q")


def test_a_family_finds_a_pa_and_sends_a_message(page, listed_pa, area, viewport):
    with given(f"a parent on 'Find a personal assistant', {viewport['width']}px wide"):
        page.goto(f"{area.site}/personal-assistants/")
        assert_accessible(page)

    with when("they search from their postcode for experience of autism"):
        page.get_by_label("Your postcode").fill("DT1 1XJ")
        page.locator("details", has_text="Needs").locator("summary").click()
        page.get_by_role("checkbox", name=re.compile("^Autism")).check()
        page.get_by_role("button", name="Apply filters").click()

    with then("they see the PA, with a count and the filters as tags"):
        expect(page.get_by_role("status")).to_have_text(re.compile("^1 personal assistant"))
        expect(page.locator(".app-filter__selected")).to_contain_text("Autism")
        assert_accessible(page)

    with when("they open the profile"):
        page.get_by_role("link", name="Bryony B").click()

    with then("it says plainly that they are the employer, and shows no contact details"):
        expect(page.locator("main")).to_contain_text("you are their employer, not the council")
        expect(page.locator("main")).not_to_contain_text("bryony.private@example.com")
        assert_accessible(page)

    with when("they send a message without agreeing to share their details"):
        page.get_by_label("Your name").fill("Pat Parent")
        page.get_by_label("Your email address").fill("pat@example.org")
        page.get_by_label("Your message").fill("Could you help on Saturdays?")
        page.get_by_role("button", name="Send message").click()

    with then("they are asked to agree"):
        expect(page.locator(".govuk-error-summary")).to_contain_text("Agree to sending")
        assert_accessible(page)

    with when("they agree and send it"):
        page.get_by_label(re.compile("I agree to the council sending")).check()
        page.get_by_role("button", name="Send message").click()

    with then("the PA is emailed the message, replying to the family"):
        expect(page.locator(".govuk-panel")).to_contain_text("Message sent")
        assert_accessible(page)
        sent = mail.outbox[-1]
        assert sent.to == ["bryony.private@example.com"]
        assert sent.reply_to == ["pat@example.org"]


def test_a_pa_withdraws(page, listed_pa, area):
    from directory.personal_assistants.models import PersonalAssistant

    with given("a PA on the 'manage your profile' page"):
        page.goto(f"{area.site}/personal-assistants/manage/")
        assert_accessible(page)

    with when("they ask for a link and follow it from their email"):
        page.get_by_label("Email address").fill("bryony.private@example.com")
        page.get_by_role("button", name="Send me a link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
        assert_accessible(page)
        link = next(
            line.strip() for line in mail.outbox[-1].body.splitlines() if "/manage/" in line
        )
        page.goto(area.site + urlsplit(link).path)
        expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
        assert_accessible(page)

    with when("they withdraw and confirm it"):
        page.get_by_role("link", name="Withdraw from the register").click()
        assert_accessible(page)
        page.get_by_role("button", name="Withdraw and delete my details").click()

    with then("they have left the register and their details are gone"):
        expect(page.locator(".govuk-panel")).to_contain_text("You have left the register")
        assert_accessible(page)
        left = PersonalAssistant.objects.get(pk=listed_pa.pk)
        assert (left.status, left.email, left.first_name) == ("withdrawn", "", "")
        page.goto(f"{area.site}/personal-assistants/")
        expect(page.locator("#results")).not_to_contain_text("Bryony")
