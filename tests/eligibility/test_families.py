"""Families walked through the whole journey (issue 21): the outcome, every reason and next step
shown, and that every service behind the result's directory link is one the family can reach.
A generated test runs random answer sets through the journey and checks that no line of the
result contradicts an answer."""

import datetime as dt
import html as html_module
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory import search_index
from eligibility import rules
from eligibility.models import CheckRecord
from tests.directory.test_results import every_page
from tests.factories import ServiceFactory

CHECK = "/check/check-your-answers/"
RESULT = "/check/result/"
DEFAULTS = {
    "postcode": {"answer": "DT1 1XJ"},
    "live-in-area": {"answer": "yes"},
    "school-in-area": {"answer": "yes"},
    "disability": {"answer": "true"},
    "needs": {"answer": []},
    "dla-care": {"answer": "none"},
    "cdp-care": {"answer": "none"},
    "dla-mobility": {"answer": "none"},
    "pip": {"answer": "none"},
    "dla-while-pip": {"answer": "middle"},
    "adp": {"answer": "none"},
    "ehcp": {"answer": "none"},
    "evidence": {"answer": []},
    "support": {"answer": "group"},
    "complex-health": {"answer": "no"},
    "night-needs": {"answer": "no"},
    "behaviour-risk": {"answer": "no"},
    "carer-struggling": {"answer": "no"},
    "disabled-childrens-team": {"answer": "no"},
}


def born(years):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=30)


def walk(client, age, **answers):
    """Answer each question the journey asks (what is given, else the default) and return the
    check-answers page's HTML and the result page's HTML."""
    cache.clear()  # the rate limits count in the cache: each walk is a new family
    client.post("/check/start-again/")
    day = born(age)
    given = DEFAULTS | {
        "date-of-birth": {"answer_0": day.day, "answer_1": day.month, "answer_2": day.year}
    }
    given |= {step.replace("_", "-"): {"answer": value} for step, value in answers.items()}
    location, asked, check = "/check/postcode/", [], ""
    while location not in (CHECK, RESULT):
        step = location.strip("/").split("/")[-1]
        asked.append(step)
        response = client.post(location, given[step])
        assert response.status_code == 302, response.content.decode()[:3000]
        location = response["Location"]
    if location == CHECK:
        check = client.get(CHECK).content.decode()
        assert client.post(CHECK)["Location"] == RESULT
    page = client.get(RESULT)
    assert page.status_code == 200
    return asked, check, page.content.decode()


def text_of(html: str) -> str:
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def tag(html, title):
    found = re.search(
        re.escape(title) + r': <strong class="govuk-tag [^"]+">([^<]+)</strong>', html
    )
    return found and found.group(1)


def directory_link(html):
    found = re.search(r'href="(/directory/\?[^"]*)" data-test="directory-link"', html)
    return html_module.unescape(found.group(1))


def services_behind(link):
    names, _ = every_page(parse_qsl(urlsplit(link).query))
    return names


@pytest.fixture
def directory(db, area):
    """Published services for every tier and age range, all serving Dorchester."""
    search_index.forget()  # a rolled-back test's index could match this test's version
    made = {}
    for name, tier, ages in [
        ("Everyone 0-25", "universal", (0, 25)),
        ("Targeted 5-18", "targeted", (5, 18)),
        ("Targeted 16-25", "targeted", (16, 25)),
        ("Targeted under 5", "targeted", (0, 4)),
        ("Specialist 0-25", "specialist", (0, 25)),
        ("Specialist 8-17", "specialist", (8, 17)),
    ]:
        made[name] = ServiceFactory(
            name=name, tier=tier, min_age=ages[0], max_age=ages[1], localities=[area]
        )
    return made


@pytest.fixture
def family(client, council, default_ruleset, area, directory):
    council.adult_social_care_name = "Adult Social Care"
    council.adult_social_care_phone = "01632 960 100"
    council.transition_team_name = "Preparing for Adulthood team"
    council.transition_team_email = "pfa@testshire.example"
    council.save()
    return client


def assert_reachable(html, age, tiers):
    """Every service behind the link is for this age and in a tier the outcome reaches."""
    link = directory_link(html)
    assert sorted(t for k, t in parse_qsl(urlsplit(link).query) if k == "tier") == sorted(tiers)
    names = services_behind(link)
    by_name = {s.name: s for s in ServiceFactory._meta.model.objects.all()}
    for name in names:
        service = by_name[name]
        assert service.tier in tiers, name
        assert service.min_age <= age <= service.max_age, name
    return set(names)


def test_ten_on_dla_middle_care(family):
    _, check, html = walk(family, 10, dla_care="middle")

    assert tag(html, "Targeted short breaks") == "Likely"
    assert tag(html, "A social-care assessment for specialist short breaks") == (
        "Not suggested now"
    )
    text = text_of(html)
    assert (
        "Your child gets the middle rate of the care part of Disability Living Allowance, "
        "which qualifies for targeted short breaks." in text
    )
    assert "Nothing in your answers suggests you need a social-care assessment now." in text
    assert "Contact a provider of targeted short breaks." in text
    assert "Have ready: your child's Disability Living Allowance award letter" in text
    assert "Support as a young adult" not in text
    assert assert_reachable(html, 10, ["universal", "targeted"]) == {
        "Everyone 0-25",
        "Targeted 5-18",
    }
    assert "Are you finding it very hard to keep caring?" in text_of(check)


def test_sixteen_on_pip_enhanced(family):
    asked, _, html = walk(family, 16, pip="enhanced")

    assert "dla-care" not in asked and "pip" in asked
    assert tag(html, "Targeted short breaks") == "Likely"
    text = text_of(html)
    assert "enhanced rate of the daily living part of Personal Independence Payment" in text
    assert "Have ready: their Personal Independence Payment award letter" in text
    assert "Disability Living Allowance award letter" not in text
    assert "Support as a young adult" not in text
    assert assert_reachable(html, 16, ["universal", "targeted"]) == {
        "Everyone 0-25",
        "Targeted 5-18",
        "Targeted 16-25",
    }


def test_seventeen_still_on_dla_while_pip_is_decided(family):
    asked, check, html = walk(family, 17, pip="dla_pending", dla_while_pip="highest")

    assert "dla-while-pip" in asked
    assert tag(html, "Targeted short breaks") == "Likely"
    text = text_of(html)
    assert "still gets the highest rate of the care part of Disability Living Allowance" in text
    assert "Have ready: your child's Disability Living Allowance award letter" in text
    assert "They still get Disability Living Allowance while their PIP claim is decided" in (
        text_of(check)
    )


def test_twenty_with_an_ehc_plan_is_told_the_adults_route(family):
    _, _, html = walk(family, 20, pip="enhanced", night_needs="yes")

    assert tag(html, "Targeted short breaks") == "Over the age limit"
    assert tag(html, "A social-care assessment for specialist short breaks") == (
        "Through adult services"
    )
    text = text_of(html)
    assert "Targeted short breaks end on the 18th birthday. Your child is 20." in text
    assert "You told us about needs at night." in text
    assert "a Care Act assessment" in text
    assert "Support as a young adult" in text
    assert "Adult Social Care" in text and 'href="tel:+441632960100"' in html
    assert "Preparing for Adulthood team" in text and "pfa@testshire.example" in text
    assert "Have ready" not in text
    # The link shows only what a 20-year-old can reach; the route names the rest.
    assert assert_reachable(html, 20, ["universal"]) == {"Everyone 0-25"}
    route = re.search(r'href="([^"]+)" data-test="young-adult-route-link"', html)
    behind_route = set(services_behind(html_module.unescape(route.group(1))))
    assert behind_route == {"Targeted 16-25", "Specialist 0-25"}
    assert "2 short breaks for young people aged 20" in text


def test_twenty_with_an_ehc_plan_under_an_extension_to_25(family, default_ruleset):
    default_ruleset.extended_age_limit = 25
    default_ruleset.extended_requires = ["ehcp"]
    default_ruleset.save()

    _, _, html = walk(family, 20, pip="enhanced", ehcp="issued")

    assert tag(html, "Targeted short breaks") == "Likely"
    text = text_of(html)
    assert "Have ready: their Personal Independence Payment award letter" in text
    assert "Support as a young adult" in text  # 18 or over: adult social care assesses
    assert assert_reachable(html, 20, ["universal", "targeted"]) == {
        "Everyone 0-25",
        "Targeted 16-25",
    }


def test_a_family_living_elsewhere_is_asked_nothing_more(family):
    asked, check, html = walk(family, 10, postcode="BA1 1AA", live_in_area="no")

    assert asked == ["postcode", "live-in-area"]
    assert check == ""
    text = text_of(html)
    assert "Contact your own council" in text
    assert 'href="https://www.gov.uk/find-local-council"' in html
    assert "Targeted short breaks" not in text
    assert CheckRecord.objects.count() == 0


def test_not_sure_everywhere(family):
    _, check, html = walk(
        family,
        10,
        disability="not_sure",
        dla_care="not_sure",
        complex_health="not_sure",
        night_needs="not_sure",
        behaviour_risk="not_sure",
        carer_struggling="not_sure",
    )

    assert tag(html, "Targeted short breaks") == "Possible"
    assert tag(html, "A social-care assessment for specialist short breaks") == "Suggested"
    text = text_of(html)
    assert "You told us about" not in text
    assert (
        "You were not sure about behaviour that puts them or others at risk, complex health "
        "needs, needs at night or a carer who is finding it very hard to cope." in text
    )
    assert "When you are not sure, it is worth asking." in text
    assert "Have ready" not in text  # nothing the family said it has
    assert "When you hear about the claim you are waiting for" in text
    assert text_of(check).count("I am not sure") == 5
    assert assert_reachable(html, 10, ["universal", "targeted", "specialist"])


def test_night_needs_and_behaviour_that_challenges(family):
    _, _, html = walk(family, 12, dla_care="highest", night_needs="yes", behaviour_risk="yes")

    assert tag(html, "A social-care assessment for specialist short breaks") == "Suggested"
    text = text_of(html)
    assert "You told us about behaviour that puts them or others at risk and needs at night." in (
        text
    )
    assert "Ask the Children with Disabilities team for an assessment" in text
    assert "disabled children's team" not in text
    assert assert_reachable(html, 12, ["universal", "targeted", "specialist"]) == {
        "Everyone 0-25",
        "Targeted 5-18",
        "Specialist 0-25",
        "Specialist 8-17",
    }


# ---------------------------------------------------------------------------- generated

FLAG_WORDS = {flag: rules.CONDITION_NAMES[flag] for flag in rules.UNSURE_FLAGS}
answer_sets = st.fixed_dictionaries(
    {
        "age": st.sampled_from([0, 4, 10, 15, 16, 17, 18, 20, 25]),
        "disability": st.sampled_from(["true", "false", "not_sure"]),
        "dla_care": st.sampled_from(["none", "lowest", "middle", "highest", "applied", "not_sure"]),
        "pip": st.sampled_from(
            ["none", "standard", "enhanced", "applied", "not_sure", "dla_pending"]
        ),
        "dla_while_pip": st.sampled_from(["lowest", "middle", "highest", "not_sure"]),
        "support": st.sampled_from(["group", "one_to_two", "one_to_one", "two_to_one"]),
        "complex_health": st.sampled_from(["yes", "no", "not_sure"]),
        "night_needs": st.sampled_from(["yes", "no", "not_sure"]),
        "behaviour_risk": st.sampled_from(["yes", "no", "not_sure"]),
        "carer_struggling": st.sampled_from(["yes", "no", "not_sure"]),
        "disabled_childrens_team": st.sampled_from(["yes", "no"]),
    }
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answers=answer_sets)
def test_no_line_of_a_result_contradicts_an_answer(family, answers):
    age = answers.pop("age")
    if age not in rules.DLA_CONTINUES and answers["pip"] == "dla_pending":
        answers["pip"] = "applied"
    asked, _, html = walk(family, age, **answers)
    text = text_of(html)
    told = re.search(r"You told us about (.*?)(?:, and you were not sure|\.)", text)
    unsure = re.search(r"[Yy]ou were not sure about ([^.]*)\.", text)
    for flag, words in FLAG_WORDS.items():
        value = answers[flag] if flag.replace("_", "-") in asked else "no"
        if value != "yes":
            assert not told or words not in told.group(1), (flag, value)
        if value != "not_sure":
            assert not unsure or words not in unsure.group(1), (flag, value)
    if answers["support"] != "two_to_one" or "support" not in asked:
        assert not told or "two adults" not in told.group(1)
    dla = answers["dla_care"] if "dla-care" in asked else None
    if "dla-while-pip" in asked:
        dla = answers["dla_while_pip"]
    pip = answers["pip"] if "pip" in asked else None
    if dla not in ("lowest", "middle", "highest"):
        assert "Disability Living Allowance award letter" not in text
        assert "rate of the care part of Disability Living Allowance" not in text
    if pip not in ("standard", "enhanced"):
        assert "Personal Independence Payment award letter" not in text
        assert "rate of the daily living part of Personal Independence Payment" not in text
    if "Your child is " in text:
        assert f"Your child is {age}." in text
    assert "disabled children's team" not in text
    tiers = [t for k, t in parse_qsl(urlsplit(directory_link(html)).query) if k == "tier"]
    targeted = tag(html, "Targeted short breaks")
    assert ("targeted" in tiers) == (targeted in ("Likely", "Possible"))
    if answers["disabled_childrens_team"] == "yes":
        assert "Already supported" in text
    if age >= rules.ADULT_AGE:
        assert "Support as a young adult" in text
