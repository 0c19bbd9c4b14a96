"""Families check what they might get: real journeys, the keyboard, no JavaScript, and axe on
every question and every kind of result, at 1280px and 320px."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE
from tests.browser.steps import assert_accessible, given, tab_to, then, when

pytestmark = pytest.mark.browser


@pytest.fixture
def checker_site(site):
    """The live site with the default criteria published and DT1 1XJ in the area."""
    from eligibility.case_files import parse_case_file
    from eligibility.services import ruleset_from_case_file, ruleset_publish
    from portal.nonprod.demo.eligibility import CASES_FILE
    from portal.nonprod.demo.geography import seed_geography

    seed_geography()
    ruleset_publish(
        ruleset=ruleset_from_case_file(
            case_file=parse_case_file(CASES_FILE.read_text()), valid_from=dt.date(2026, 1, 1)
        )
    )
    return site


def born(years):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=40)


def both_widths_accessible(page):
    for size in (DESKTOP, MOBILE):
        page.set_viewport_size(size)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.set_viewport_size(DESKTOP)


def continue_(page):
    page.get_by_role("button", name="Continue").click()


def choose(page, label):
    page.get_by_role("radio", name=label, exact=True).check()
    continue_(page)


def enter_date(page, day: dt.date):
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    continue_(page)


def answer_the_rest_no(page):
    """Answer 'No' (or group support) until 'Check your answers'."""
    while "check-your-answers" not in page.url:
        if page.get_by_role("radio", name="Support in a group, with other children").count():
            choose(page, "Support in a group, with other children")
        else:
            choose(page, "No")


def see_result(page):
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    page.get_by_role("button", name="See your result").click()
    expect(
        page.get_by_role("heading", name="What your family might be able to get")
    ).to_be_visible()


def pick_with_keyboard(page, label):
    """Choose a radio with the keyboard: Tab into the group, then the arrow keys."""
    tab_to(page, page.get_by_role("radio").first)
    target = page.get_by_role("radio", name=label, exact=True)
    page.keyboard.press("Space")
    for _ in range(12):
        if target.is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert target.is_checked(), label
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [DESKTOP, MOBILE], ids=["1280px", "320px"])
def test_a_ten_year_old_on_dla_middle_rate_is_likely_to_get_targeted_breaks(
    page, checker_site, width
):
    page.set_viewport_size(width)
    with given(f"a parent using only the keyboard, at {width['width']}px, on the start page"):
        page.goto(checker_site + "/check/")
        assert_accessible(page)

    with when("they start and give their postcode"):
        tab_to(page, page.get_by_role("button", name="Start now"))
        page.keyboard.press("Enter")
        tab_to(page, page.get_by_label("What is your postcode?"))
        page.keyboard.type("DT1 1XJ")
        page.keyboard.press("Enter")

    with when("they give a 10-year-old's date of birth"):
        day = born(10)
        tab_to(page, page.get_by_label("Day"))
        page.keyboard.type(str(day.day))
        page.keyboard.press("Tab")
        page.keyboard.type(str(day.month))
        page.keyboard.press("Tab")
        page.keyboard.type(str(day.year))
        tab_to(page, page.get_by_role("button", name="Continue"))
        page.keyboard.press("Enter")

    with when("they say the child is autistic and gets DLA care at the middle rate"):
        pick_with_keyboard(page, "Yes")
        tab_to(page, page.get_by_role("checkbox", name="Autism"))
        page.keyboard.press("Space")
        tab_to(page, page.get_by_role("button", name="Continue"))
        page.keyboard.press("Enter")
        pick_with_keyboard(page, "Yes, the middle rate")
        pick_with_keyboard(page, "Support in a group, with other children")
        for _ in range(5):
            pick_with_keyboard(page, "No")

    with then("they check their answers and see targeted breaks are likely"):
        expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
        assert_accessible(page)
        tab_to(page, page.get_by_role("button", name="See your result"))
        page.keyboard.press("Enter")
        expect(page.locator("h2", has_text="Targeted short breaks")).to_contain_text("Likely")
        assert_accessible(page)

    with when("they follow 'See short breaks that fit'"):
        tab_to(page, page.get_by_role("link", name="See short breaks that fit"))
        page.keyboard.press("Enter")

    with then("the directory is filtered by the child's age, needs, area and tiers"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Find short breaks")
        assert "age=10" in page.url and "need=ASD" in page.url
        assert "tier=targeted" in page.url and "tier=specialist" not in page.url


def test_two_to_one_support_and_night_needs_suggest_an_assessment(page, checker_site):
    with given("a parent of a 12-year-old who needs two adults and care at night"):
        page.goto(checker_site + "/check/postcode/")
        page.get_by_label("What is your postcode?").fill("DT1 1XJ")
        continue_(page)
        enter_date(page, born(12))
        choose(page, "Yes")
        continue_(page)  # no needs chosen
        choose(page, "Yes, the highest rate")
        choose(page, "Two adults with them at all times")
        choose(page, "No")  # complex health
        choose(page, "Yes")  # night needs
        answer_the_rest_no(page)

    with then("an assessment is suggested, with the team's contact details"):
        see_result(page)
        card = page.locator(".app-result-card", has_text="social-care assessment")
        expect(card).to_contain_text("Suggested")
        expect(card).to_contain_text("support from two adults at once and needs at night")
        expect(card).to_contain_text("01632 960 001")


def test_a_family_out_of_the_area_is_pointed_to_their_own_council(page, checker_site):
    with given("a parent whose postcode is not in the area"):
        page.goto(checker_site + "/check/postcode/")
        page.get_by_label("What is your postcode?").fill("BA1 1AA")
        continue_(page)

    with when("they say they do not live in the council's area"):
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Do you live in Testshire Council?"
        )
        choose(page, "No")

    with then("they are asked nothing more and pointed to their own council"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Contact your own council")
        expect(page.get_by_role("link", name="Find your local council")).to_be_visible()
        both_widths_accessible(page)


def test_a_change_from_check_answers_comes_back_to_check_answers(page, checker_site):
    with given("a parent on 'Check your answers' who said there is no disability"):
        page.goto(checker_site + "/check/postcode/")
        page.get_by_label("What is your postcode?").fill("DT1 1XJ")
        continue_(page)
        enter_date(page, born(8))
        choose(page, "No")
        choose(page, "No")  # DLA care
        answer_the_rest_no(page)

    with when("they change that answer to yes"):
        page.get_by_role(
            "link", name="Change does your child have a disability or additional need?"
        ).click()
        choose(page, "Yes")

    with then("they are asked the new question, then return to check their answers"):
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Which of these describe your child's needs?"
        )
        page.get_by_role("checkbox", name="Physical disability").check()
        continue_(page)
        expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
        expect(page.locator(".govuk-summary-list")).to_contain_text("Physical disability")
        see_result(page)
        expect(page.locator(".app-result-card", has_text="Targeted")).to_contain_text("Possible")


def test_the_checker_works_without_javascript(browser, checker_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with given("a parent whose browser runs no JavaScript"):
        page.goto(checker_site + "/check/")
        page.get_by_role("button", name="Start now").click()
    with when("they answer every question"):
        page.get_by_label("What is your postcode?").fill("DT1 1XJ")
        continue_(page)
        enter_date(page, born(16))
        choose(page, "Yes")
        continue_(page)
        choose(page, "Yes, the standard rate")
        answer_the_rest_no(page)
    with then("they get their result"):
        see_result(page)
        expect(page.locator(".app-result-card", has_text="Targeted")).to_contain_text("Likely")
    context.close()


def test_every_question_with_and_without_an_error_is_accessible(page, checker_site):
    from eligibility.models import Ruleset, RulesetPassport

    with given("criteria that ask every question the checker has"):
        Ruleset.objects.update(status="retired")
        every = Ruleset.objects.create(
            name="Every question",
            valid_from=dt.date(2026, 1, 1),
            status="published",
            school_in_area_counts=True,
            equivalent_evidence=["ehcp", "diagnosis"],
            specialist_triggers=[
                "two_to_one",
                "night_needs",
                "complex_health",
                "behaviour_risk",
                "carer_struggling",
            ],
        )
        for benefit, rate in (
            ("dla_care", "middle"),
            ("dla_mobility", "higher"),
            ("pip_daily_living", "standard"),
        ):
            RulesetPassport.objects.create(ruleset=every, benefit=benefit, rate=rate)
        page.goto(checker_site + "/check/postcode/")

    answers = [
        (
            "What is your postcode?",
            lambda: page.get_by_role("button", name="I do not want to give my postcode").click(),
        ),
        ("Do you live in Testshire Council?", lambda: choose(page, "No")),
        ("Does your child go to a school in Testshire Council?", lambda: choose(page, "Yes")),
        ("What is your child's date of birth?", lambda: enter_date(page, born(10))),
        (
            "Does your child have a disability or additional need?",
            lambda: choose(page, "I am not sure"),
        ),
        ("Which of these describe your child's needs?", lambda: continue_(page)),
        (
            "Does your child get the care part of Disability Living Allowance (DLA)?",
            lambda: choose(page, "They get Child Disability Payment in Scotland instead"),
        ),
        (
            "Does your child get the care part of Child Disability Payment?",
            lambda: choose(page, "Yes, the middle rate"),
        ),
        (
            "Does your child get the mobility part of Disability Living Allowance (DLA)?",
            lambda: choose(page, "No"),
        ),
        (
            "Does your child have an education, health and care (EHC) plan?",
            lambda: choose(page, "We have asked for one"),
        ),
        ("Do you have any of these?", lambda: continue_(page)),
        (
            "How much support does your child need to take part in activities?",
            lambda: choose(page, "One adult just for them"),
        ),
        ("Does your child have complex health needs?", lambda: choose(page, "No")),
        ("Does your child need care during the night?", lambda: choose(page, "No")),
        (
            "Does your child's behaviour put them or other people at risk of harm?",
            lambda: choose(page, "No"),
        ),
        ("Are you finding it very hard to keep caring?", lambda: choose(page, "No")),
        (
            "Does the Children with Disabilities team already support your child?",
            lambda: choose(page, "No"),
        ),
    ]
    for question, answer in answers:
        with then(f"'{question}' is accessible, and so is its error"):
            expect(page.get_by_role("heading", level=1)).to_have_text(question)
            both_widths_accessible(page)
            if "needs" not in question and "any of these" not in question:
                continue_(page)
                expect(page.locator(".govuk-error-summary")).to_be_visible()
                assert page.title().startswith("Error: ")
                both_widths_accessible(page)
                page.locator(".govuk-error-summary a").first.click()
                assert page.evaluate("document.activeElement.tagName") == "INPUT"
        with when(f"they answer '{question}'"):
            answer()
    with then("the check and the PIP question (for a 16-year-old) are accessible too"):
        expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
        both_widths_accessible(page)
        page.get_by_role("link", name="Change what is your child's date of birth?").click()
        enter_date(page, born(16))
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Does your child get the daily living part of Personal Independence Payment (PIP)?"
        )
        both_widths_accessible(page)
        choose(page, "They get Adult Disability Payment in Scotland instead")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Does your child get the daily living part of Adult Disability Payment?"
        )
        both_widths_accessible(page)
        page.go_back()
        choose(page, "They still get Disability Living Allowance while their PIP claim is decided")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Which rate of the care part of Disability Living Allowance (DLA) does your child "
            "still get?"
        )
        both_widths_accessible(page)


RESULTS = [
    (
        "likely",
        {"age": 10, "disability": "Yes", "dla": "Yes, the middle rate"},
        "Likely",
        "Not suggested now",
    ),
    (
        "possible",
        {"age": 10, "disability": "I am not sure", "dla": "I do not know"},
        "Possible",
        "Not suggested now",
    ),
    ("unlikely", {"age": 10, "disability": "No", "dla": "No"}, "Unlikely", "Not suggested now"),
    (
        "over age",
        {"age": 19, "disability": "Yes", "dla": None},
        "Over the age limit",
        "Not suggested now",
    ),
    (
        "already supported",
        {"age": 10, "disability": "Yes", "dla": "No", "team": True},
        "Possible",
        "Already supported",
    ),
    (
        "suggested",
        {"age": 10, "disability": "Yes", "dla": "No", "carer": True},
        "Possible",
        "Suggested",
    ),
]


@pytest.mark.parametrize(
    ("kind", "child", "targeted", "assessment"), RESULTS, ids=[r[0] for r in RESULTS]
)
def test_every_kind_of_result_is_accessible(page, checker_site, kind, child, targeted, assessment):
    with given(f"a family whose result is '{kind}'"):
        page.goto(checker_site + "/check/postcode/")
        page.get_by_label("What is your postcode?").fill("DT1 1XJ")
        continue_(page)
        enter_date(page, born(child["age"]))
        choose(page, child["disability"])
        if "needs" in page.url:
            continue_(page)
        if child["dla"]:
            choose(page, child["dla"])
        else:
            choose(page, "No")  # PIP, for the 19-year-old
        while "check-your-answers" not in page.url:
            heading = page.get_by_role("heading", level=1).inner_text()
            if "support does your child need" in heading:
                choose(page, "Support in a group, with other children")
            elif ("keep caring" in heading and child.get("carer")) or (
                "already support" in heading and child.get("team")
            ):
                choose(page, "Yes")
            else:
                choose(page, "No")
        see_result(page)

    with then(
        f"targeted breaks are '{targeted}', an assessment is '{assessment}', and it is accessible"
    ):
        expect(page.locator(".app-result-card", has_text="Targeted short breaks")).to_contain_text(
            targeted
        )
        expect(page.locator(".app-result-card", has_text="social-care assessment")).to_contain_text(
            assessment
        )
        both_widths_accessible(page)


def test_the_expired_and_unavailable_pages_are_accessible(page, checker_site):
    from eligibility.models import Ruleset

    page.goto(checker_site + "/check/night-needs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers have been cleared")
    both_widths_accessible(page)
    Ruleset.objects.update(status="retired")
    page.goto(checker_site + "/check/")
    expect(page.get_by_text("The checker is not available at the moment")).to_be_visible()
    both_widths_accessible(page)
    assert re.search("Start now", page.content()) is None
