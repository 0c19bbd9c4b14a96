"""The family's journey through the checker, and what bad input gets."""

import datetime as dt

import pytest
from django.utils import timezone

from eligibility.models import CheckRecord
from eligibility.services import ruleset_retire
from eligibility.views import SESSION_KEY

MAX_QUERIES = 10


def url(step):
    return f"/check/{step}/"


@pytest.fixture
def checker(client, council, default_ruleset, area):
    return client


def born(years):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=30)


def date_answer(day: dt.date):
    return {"answer_0": str(day.day), "answer_1": str(day.month), "answer_2": str(day.year)}


def answer(client, step, data):
    response = client.post(url(step), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def walk(
    client,
    *,
    age=10,
    disability="true",
    needs=("ASD",),
    benefit="middle",
    support="group",
    flags=(),
):
    """Answer every question as a family would, returning where the last answer led."""
    answer(client, "postcode", {"answer": "DT1 1XJ"})
    answer(client, "date-of-birth", date_answer(born(age)))
    location = answer(client, "disability", {"answer": disability})
    if location == url("needs"):
        location = answer(client, "needs", {"answer": list(needs)})
    location = answer(client, location.strip("/").split("/")[-1], {"answer": benefit})
    location = answer(client, "support", {"answer": support})
    for step in (
        "complex-health",
        "night-needs",
        "behaviour-risk",
        "carer-struggling",
        "disabled-childrens-team",
    ):
        location = answer(client, step, {"answer": "yes" if step in flags else "no"})
    return location


def test_the_start_page_says_what_the_checker_keeps(checker):
    html = checker.get("/check/").content.decode()

    assert "Check what short breaks you might be able to get" in html
    assert "until you start again or the session ends" in html
    assert 'href="/check/postcode/"' in html


def test_a_ten_year_old_on_dla_middle_rate_is_likely_to_get_targeted_breaks(checker):
    assert walk(checker) == "/check/check-your-answers/"

    check = checker.get("/check/check-your-answers/").content.decode()
    assert "DT1 1XJ" in check and "Yes, the middle rate" in check
    result_location = checker.post("/check/check-your-answers/")["Location"]
    html = checker.get(result_location).content.decode()

    assert (
        'Targeted short breaks: <strong class="govuk-tag govuk-tag--green">Likely</strong>' in html
    )
    assert "middle rate of the care part of Disability Living Allowance" in html
    assert "This is a guide, not a decision" in html
    assert "short breaks criteria, which Testshire Council has used since 1 January 2026" in html
    assert (
        "/directory/?age=10&amp;need=ASD&amp;locality=dorchester&amp;tier=universal&amp;tier=targeted"
        in html
    )


def test_two_to_one_support_and_night_needs_suggest_an_assessment(checker):
    walk(checker, benefit="highest", support="two_to_one", flags=("night-needs",))
    checker.post("/check/check-your-answers/")

    html = checker.get("/check/result/").content.decode()

    assert "Suggested" in html
    assert "support from two adults at once and needs at night" in html
    assert "tier=specialist" in html


def test_a_family_outside_the_area_is_told_to_find_their_own_council_and_asked_no_more(
    checker,
):
    answer(checker, "postcode", {"answer": "BA1 1AA"})
    assert answer(checker, "live-in-area", {"answer": "no"}) == "/check/result/"

    html = checker.get("/check/result/").content.decode()

    assert "Contact your own council" in html
    assert 'href="https://www.gov.uk/find-local-council"' in html
    assert "we have not asked anything more" in html
    assert checker.get(url("date-of-birth"))["Location"] == "/check/result/"
    assert checker.get("/check/check-your-answers/")["Location"] == "/check/result/"
    assert CheckRecord.objects.count() == 0


def test_a_family_can_skip_giving_a_postcode(checker):
    assert answer(checker, "postcode", {"answer": "", "skip": ""}) == url("live-in-area")


def test_a_change_from_check_answers_returns_there_via_any_new_question(checker):
    walk(checker, disability="false", needs=())
    assert "needs" not in checker.session[SESSION_KEY]["answers"]

    location = answer(checker, "disability", {"answer": "true"})

    assert location == url("needs")
    assert answer(checker, "needs", {"answer": ["ASD"]}) == "/check/check-your-answers/"


def test_answers_stay_in_the_session_and_one_anonymous_record_is_kept(checker):
    walk(checker)
    checker.post("/check/check-your-answers/")
    checker.post("/check/check-your-answers/")  # sent twice

    assert checker.session[SESSION_KEY]["answers"]["dla-care"] == "middle"
    assert CheckRecord.objects.count() == 1
    record = CheckRecord.objects.get()
    assert "DT1" not in str(vars(record)) and str(born(10).year) not in str(vars(record))


def test_change_works_from_the_result(checker):
    walk(checker)
    checker.post("/check/check-your-answers/")
    html = checker.get("/check/result/").content.decode()
    assert 'href="/check/dla-care/?change=1"' in html

    assert answer(checker, "dla-care", {"answer": "none"}) == "/check/check-your-answers/"
    checker.post("/check/check-your-answers/")
    html = checker.get("/check/result/").content.decode()

    assert 'Targeted short breaks: <strong class="govuk-tag govuk-tag--blue">Possible' in html
    assert CheckRecord.objects.count() == 1  # a changed answer is not counted again


def test_start_again_forgets_everything(checker):
    walk(checker)
    checker.post("/check/check-your-answers/")

    response = checker.post("/check/start-again/")

    assert response["Location"] == "/check/"
    assert SESSION_KEY not in checker.session
    assert checker.get("/check/result/")["Location"] == "/check/"


def test_skipping_ahead_by_address_goes_to_the_first_unanswered_question(checker):
    answer(checker, "postcode", {"answer": "DT1 1XJ"})

    response = checker.get(url("night-needs"))

    assert response.status_code == 302
    assert response["Location"] == url("date-of-birth")
    assert checker.get("/check/check-your-answers/")["Location"] == url("date-of-birth")


def test_a_question_the_ruleset_does_not_need_sends_the_family_on(checker):
    walk(checker, age=10)

    assert checker.get(url("pip"))["Location"] == "/check/check-your-answers/"


def test_an_expired_session_gets_a_friendly_restart(checker):
    response = checker.get(url("date-of-birth"))

    assert response.status_code == 200
    assert "Your answers have been cleared" in response.content.decode()


@pytest.mark.parametrize("path", ["/check/no-such-question/", "/check/../admin/"])
def test_unknown_questions_are_not_found(checker, path):
    assert checker.get(path).status_code == 404


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("postcode", {"answer": ""}, "Enter your postcode"),
        ("postcode", {"answer": "not a postcode"}, "Enter a real postcode, like DT1 1XJ"),
        ("date-of-birth", {}, "Enter your child&#x27;s date of birth"),
        (
            "date-of-birth",
            {"answer_0": "31", "answer_1": "2", "answer_2": "2016"},
            "Date of birth must be a real date",
        ),
        (
            "date-of-birth",
            {"answer_0": "1", "answer_1": "", "answer_2": "2016"},
            "Date of birth must include a month",
        ),
        (
            "date-of-birth",
            {"answer_0": "1", "answer_1": "3", "answer_2": "16"},
            "Year must include 4 numbers",
        ),
        (
            "date-of-birth",
            {"answer_0": "x", "answer_1": "3", "answer_2": "2016"},
            "Date of birth must be a real date",
        ),
        (
            "date-of-birth",
            {"answer_0": "1", "answer_1": "1", "answer_2": "2999"},
            "Date of birth must be in the past",
        ),
        (
            "date-of-birth",
            {"answer_0": "1", "answer_1": "1", "answer_2": "1990"},
            "Your child must be 25 or younger",
        ),
        (
            "date-of-birth",
            {"answer_0": "1", "answer_1": "1", "answer_2": "99999999"},
            "Year must include 4 numbers",
        ),
    ],
)
def test_bad_answers_get_govuk_errors(checker, step, data, message):
    if step != "postcode":
        answer(checker, "postcode", {"answer": "DT1 1XJ"})

    response = checker.post(url(step), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<title>Error: " in html
    assert "There is a problem" in html


@pytest.mark.parametrize("value", ["maybe", "", "<script>", "true\x00"])
def test_tampered_choices_are_refused(checker, value):
    answer(checker, "postcode", {"answer": "DT1 1XJ"})
    answer(checker, "date-of-birth", date_answer(born(10)))

    response = checker.post(url("disability"), {"answer": value})

    assert response.status_code == 200
    assert "Select if your child has a disability or additional need" in response.content.decode()
    assert "disability" not in checker.session[SESSION_KEY]["answers"]


def test_a_tampered_need_is_refused(checker):
    answer(checker, "postcode", {"answer": "DT1 1XJ"})
    answer(checker, "date-of-birth", date_answer(born(10)))
    answer(checker, "disability", {"answer": "true"})

    response = checker.post(url("needs"), {"answer": ["ASD", "NOT-A-NEED"]})

    assert "Select needs from the list" in response.content.decode()


def test_the_checker_says_when_it_is_unavailable(checker, default_ruleset):
    ruleset_retire(ruleset=default_ruleset)

    assert "The checker is not available at the moment" in checker.get("/check/").content.decode()
    assert checker.get(url("postcode"))["Location"] == "/check/"


def test_each_page_makes_a_few_queries(checker, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        checker.get(url("postcode"))
    with django_assert_max_num_queries(MAX_QUERIES):
        checker.post(url("postcode"), {"answer": "DT1 1XJ"})
    walk(checker)
    with django_assert_max_num_queries(MAX_QUERIES):
        checker.get("/check/check-your-answers/")
    with django_assert_max_num_queries(MAX_QUERIES + 2):  # the record and its needs
        checker.post("/check/check-your-answers/")
    with django_assert_max_num_queries(MAX_QUERIES):
        checker.get("/check/result/")
