"""The directory's public pages: what families see, and what bad input gets."""

import html as html_module
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from directory.models import ProblemReport
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from directory.shortlist import SESSION_KEY
from tests.factories import CouncilFactory, ServiceFactory, UserFactory

SEARCH = "/directory/"
MAX_QUERIES = 10
# And its short-notice places (a hole): their marker, and the open places read again after the
# data changed (the next days' facts, and every open place's card).
SERVICE_PAGE_QUERIES = MAX_QUERIES + 3


RESULT = re.compile(
    r'<h2 class="govuk-heading-m[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>'
)


def result_names(response):
    return RESULT.findall(response.content.decode())


# ---------------------------------------------------------------------------- search


def test_the_search_page_lists_published_services_by_name(client, world, council):
    response = client.get(SEARCH)

    assert response.status_code == 200
    assert result_names(response) == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]
    assert "4 short breaks" in response.content.decode()


def test_filters_combine_and_show_counts_and_removable_tags(client, world, council):
    response = client.get(SEARCH, {"age": "9", "need": "ASD"})

    html = response.content.decode()
    assert result_names(response) == ["Harbour House", "Home Sitters", "Rainbow Saturday Club"]
    assert "Selected filters" in html
    assert 'href="/directory/?need=ASD"' in html  # removes the age, keeps the need
    assert 'href="/directory/?age=9"' in html  # removes the need
    assert re.search(r"Saturday and weekend club \(1\)</label>", html)
    assert re.search(r'value="ASD" checked', html)


def test_postcode_search_sorts_by_distance_and_shows_it(client, world, council):
    response = client.get(SEARCH, {"postcode": "dt1 1xj", "distance": "5"})

    html = response.content.decode()
    assert result_names(response) == ["Rainbow Saturday Club", "Splash Swimming", "Home Sitters"]
    assert "(0.5 miles away)" in html
    assert "(4.0 miles away)" in html
    assert "DT1 1XJ, within 5 miles" in html


def test_distance_order_keeps_only_the_services_every_other_filter_keeps(client, world, council):
    near, middle = world.venues.near, world.venues.middle
    ServiceFactory(name="Zebra Beach Trips", venues=[near], min_age=5, max_age=11)
    ServiceFactory(name="Beach Club", venues=[middle], min_age=5, max_age=11)
    ServiceFactory(name="Beach Walks", venues=[near], min_age=16, max_age=18)
    ServiceFactory(name="Afternoon Trips", venues=[near], min_age=5, max_age=11)

    query = {"postcode": "DT1 1XJ", "distance": "5", "age": "9", "q": "beach", "sort": "distance"}
    response = client.get(SEARCH, query)

    # Nearest first, not by name; the walks fail the age and the afternoon trips the keyword.
    assert result_names(response) == ["Zebra Beach Trips", "Beach Club"]


def test_keyword_search_sorts_by_relevance(client, world, council):
    response = client.get(SEARCH, {"q": "saturday club"})

    assert result_names(response) == ["Rainbow Saturday Club"]


def test_keyword_search_ranks_only_the_services_the_other_filters_keep(client, world, council):
    ServiceFactory(name="Chess Club", localities=[world.localities.home])
    ServiceFactory(name="Coast Club", localities=[world.localities.away])

    response = client.get(SEARCH, {"q": "club", "locality": "home"})

    assert sorted(result_names(response)) == ["Chess Club", "Rainbow Saturday Club"]


@pytest.mark.parametrize(
    ("sort", "first"),
    [("name", "Harbour House"), ("checked", None)],
)
def test_families_can_choose_the_order(client, world, council, sort, first):
    response = client.get(SEARCH, {"sort": sort})

    assert response.status_code == 200
    if first:
        assert result_names(response)[0] == first


@pytest.mark.parametrize("size", [1, 20])
def test_a_results_page_makes_the_same_few_queries_however_many_results(
    client, world, council, django_assert_max_num_queries, size
):
    for number in range(size):
        ServiceFactory(
            name=f"Extra club {number}",
            venues=[world.venues.near],
            needs=[world.needs.autism],
            kinds=[world.kinds.saturday],
            localities=[world.localities.home],
        )
    client.post(reverse("directory:shortlist-add"), {"service": world.services.swimming.pk})
    # The next page shows "Added to your shortlist" once, and saves the session without it.
    assert "Added to your shortlist" in client.get(SEARCH).content.decode()
    query = {"postcode": "DT1 1XJ", "distance": "5", "q": "club", "age": "9", "need": "ASD"}

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(SEARCH, query)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(SEARCH)

    assert len(result_names(response)) == min(size + 1, 20)


def test_the_empty_state_suggests_which_filters_to_remove(client, world, council):
    response = client.get(SEARCH, {"need": "PD", "kind": "saturday-club"})

    html = response.content.decode()
    assert "No short breaks match your search" in html
    assert "Try removing a filter" in html
    assert 'href="/directory/?kind=saturday-club"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"postcode": "not a postcode"}, "Enter a real postcode, like DT1 1XJ"),
        ({"postcode": "ZZ9 9ZZ"}, "We do not know that postcode"),
        ({"age": "nine"}, "Enter your child&#x27;s age as a number, like 9"),
        ({"age": "-1"}, "Enter an age from 0 to 25"),
        ({"age": "99999999999999999999"}, "Enter an age from 0 to 25"),
        ({"need": "XYZ"}, "Select needs from the list"),
        ({"tier": "gold"}, "Select how to get a place from the list"),
        ({"distance": "7"}, "Select a distance from the list"),
        ({"sort": "price"}, "Select how to sort from the list"),
        ({"q": "x" * 201}, "Search words must be 200 characters or fewer"),
    ],
)
def test_bad_input_gets_a_govuk_error_and_the_other_filters_still_apply(
    client, world, council, query, message
):
    response = client.get(SEARCH, {**query, "kind": "saturday-club"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert html.count("<title>Error: ") == 1
    assert result_names(response) == ["Rainbow Saturday Club"]


def test_null_characters_are_refused_not_sent_to_the_database(client, world, council):
    response = client.get(SEARCH, {"q": "club\x00", "postcode": "DT1\x00"})

    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


@pytest.mark.parametrize(("page", "location"), [("abc", SEARCH), ("0", SEARCH), ("-3", SEARCH)])
def test_a_page_that_is_not_a_number_goes_to_the_first(client, world, council, page, location):
    response = client.get(SEARCH, {"page": page})

    assert response.status_code == 302
    assert response["Location"] == location


def test_a_page_past_the_end_goes_to_the_last(client, world, council):
    for number in range(25):
        ServiceFactory(name=f"Extra {number}")

    response = client.get(SEARCH, {"page": "999", "need": ""})

    assert response.status_code == 302
    assert response["Location"] == f"{SEARCH}?need=&page=2"
    assert client.get(response["Location"]).status_code == 200


def test_pagination_shows_twenty_a_page_with_govuk_links(client, world, council):
    for number in range(40):
        ServiceFactory(name=f"Club {number:02d}")

    html = client.get(SEARCH, {"page": "2"}).content.decode()

    assert 'aria-current="page">2</a>' in html
    assert 'rel="prev"' in html
    assert 'rel="next"' in html


# ---------------------------------------------------------------------------- the first search


def filter_form(response) -> str:
    html = response.content.decode()
    return html[html.index('id="directory-filters"') : html.index("</form>", html.index("id="))]


def sort_select(response) -> str:
    html = response.content.decode()
    return html[html.index('<select class="govuk-select" id="sort"') :].split("</select>")[0]


@pytest.mark.parametrize(
    ("radius", "names"),
    [
        (10, ["Rainbow Saturday Club", "Splash Swimming", "Home Sitters"]),
        (20, ["Rainbow Saturday Club", "Splash Swimming", "Harbour House", "Home Sitters"]),
        (3, ["Rainbow Saturday Club", "Home Sitters"]),
    ],
)
def test_a_postcode_alone_finds_the_nearest_first_within_the_councils_radius(
    client, world, radius, names
):
    CouncilFactory(search_radius_miles=radius)

    response = client.get(SEARCH, {"postcode": "dt1 1xj"})

    # 0.5, 4 and 15 miles away, then the sitters, who come to families at home.
    assert result_names(response) == names
    assert f'<option value="{radius}" selected>{radius} miles</option>' in filter_form(response)
    assert f"DT1 1XJ, within {radius} miles" in response.content.decode()
    assert '<option value="distance" selected>Nearest first</option>' in sort_select(response)


def test_a_radius_that_is_not_one_of_the_usual_distances_is_offered_and_chosen(client, world):
    CouncilFactory(search_radius_miles=7)

    response = client.get(SEARCH, {"postcode": "DT1 1XJ"})

    assert result_names(response) == ["Rainbow Saturday Club", "Splash Swimming", "Home Sitters"]
    assert '<option value="5">5 miles</option><option value="7" selected>7 miles</option>' in (
        filter_form(response)
    )


def test_the_filter_form_sends_no_order_the_family_did_not_choose(client, world, council):
    response = client.get(SEARCH)

    assert 'name="sort"' not in filter_form(response)  # the order has a form of its own
    assert '<option value="name" selected>Name (A to Z)</option>' in sort_select(response)
    assert '<option value="10" selected>10 miles</option>' in filter_form(response)


def test_an_order_the_family_chose_is_kept_by_the_filters_and_wins(client, world, council):
    response = client.get(SEARCH, {"postcode": "DT1 1XJ", "sort": "name"})

    assert result_names(response) == ["Home Sitters", "Rainbow Saturday Club", "Splash Swimming"]
    assert '<input type="hidden" name="sort" value="name">' in filter_form(response)
    assert '<option value="name" selected>Name (A to Z)</option>' in sort_select(response)


def test_the_sort_form_keeps_the_search_but_its_page(client, world, council):
    html = client.get(SEARCH, {"age": "9", "need": "ASD", "page": "1", "x": "1"}).content.decode()

    sort_form = html[html.index('class="govuk-form-group app-sort"') :].split("</form>")[0]
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', sort_form)
    assert hidden == [("age", "9"), ("need", "ASD")]


@pytest.mark.parametrize("postcode", [{}, {"postcode": "DT1 1XJ"}])
def test_keywords_are_sorted_by_relevance_first(client, world, council, postcode):
    ServiceFactory(
        name="Aardvark Club",
        description="Sometimes a pool.",
        venues=[world.venues.near],
        localities=[world.localities.home],
    )

    response = client.get(SEARCH, {"q": "pool", **postcode})

    assert result_names(response) == ["Splash Swimming", "Aardvark Club"]
    assert '<option value="relevance" selected>Relevance</option>' in sort_select(response)
    named = client.get(SEARCH, {"q": "pool", "sort": "name", **postcode})
    assert result_names(named) == ["Aardvark Club", "Splash Swimming"]


@pytest.mark.parametrize(
    ("distance", "label", "option"),
    [
        ("1", "DT1 1XJ, within 1 mile", '<option value="1" selected>1 mile</option>'),
        ("3", "DT1 1XJ, within 3 miles", '<option value="3" selected>3 miles</option>'),
    ],
)
def test_distances_read_one_mile_and_two_miles(client, world, council, distance, label, option):
    response = client.get(SEARCH, {"postcode": "DT1 1XJ", "distance": distance})

    html = response.content.decode()
    assert label in html
    assert option in html
    assert "1 miles" not in html


@pytest.mark.parametrize(
    ("query", "moved"),
    [
        ({"q": "swimming DT1 1XJ"}, {"q": "swimming", "postcode": "DT1 1XJ"}),
        ({"q": "dt11xj"}, {"postcode": "DT1 1XJ"}),
        (  # as the filter form sends it, with the postcode box left empty
            {"q": "DT1 1XJ", "postcode": "", "distance": "10", "age": ""},
            {"postcode": "DT1 1XJ", "distance": "10"},
        ),
        (
            {"q": "club, dt1-1xj saturday", "age": "9", "page": "2", "sort": "name"},
            {"q": "club saturday", "postcode": "DT1 1XJ", "age": "9", "sort": "name"},
        ),
    ],
)
def test_a_postcode_typed_as_a_keyword_becomes_the_postcode(client, world, council, query, moved):
    response = client.get(SEARCH, query)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == SEARCH
    assert dict(parse_qsl(location.query)) == moved
    assert result_names(client.get(response["Location"]))


@pytest.mark.parametrize(
    "query",
    [{"q": "DT1 club"}, {"q": "swimming DT1 1XJ", "postcode": "DT2"}, {"q": "x DT1 1XJ" * 30}],
)
def test_other_keywords_are_searched_as_they_are(client, world, council, query):
    assert client.get(SEARCH, query).status_code == 200


def back_link(response) -> str | None:
    found = re.search(
        r'<a href="([^"]*)" class="govuk-back-link">Back to results</a>', response.content.decode()
    )
    return html_module.unescape(found.group(1)) if found else None


def test_a_service_reached_from_results_leads_back_to_the_same_results(
    client, world, council, django_assert_max_num_queries
):
    for number in range(25):
        ServiceFactory(name=f"Club {number:02d}", venues=[world.venues.near])
    query = {"postcode": "DT1 1XJ", "sort": "name", "page": "2"}
    results = client.get(SEARCH, query).content.decode()
    link = html_module.unescape(re.search(r'href="(/directory/services/[^"]+)"', results).group(1))

    with django_assert_max_num_queries(SERVICE_PAGE_QUERIES):
        response = client.get(link)

    back = urlsplit(back_link(response))
    assert back.path == SEARCH and dict(parse_qsl(back.query)) == query
    assert 'class="govuk-breadcrumbs"' not in response.content.decode()


@pytest.mark.parametrize(
    "carried",
    [
        "//evil.example/",
        "https://evil.example/?age=9",
        "next=/admin/",
        "age=9&next=https://evil.example/",
        "age",
        "age=9" + "&need=ASD" * 200,
    ],
)
def test_a_tampered_way_back_is_refused_for_the_plain_directory_link(
    client, world, council, carried
):
    service = world.services.swimming

    response = client.get(service.get_absolute_url(), {"search": carried})

    assert back_link(response) is None
    html = response.content.decode()
    assert '<a class="govuk-breadcrumbs__link" href="/directory/">Find short breaks</a>' in html
    assert not re.search(r'href="[^"]*evil', html)


def card_of(html: str, service) -> str:
    card = html[html.index(f'id="result-{service.pk}"') :]
    end = card.find('<li class="app-result"')
    return card if end == -1 else card[:end]


def card_form(html: str, service) -> dict:
    card = card_of(html, service)
    action = re.search(r'<form method="post" action="([^"]+)"', card).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="(service|next)" value="([^"]*)">', card))
    button = re.search(r'<button type="submit"[^>]*>(.*?)</button>', card).group(1)
    return {
        "action": action,
        "button": button,
        **{k: html_module.unescape(v) for k, v in fields.items()},
    }


def test_a_family_adds_a_service_to_the_shortlist_from_the_results(client, world, council):
    service = world.services.swimming
    search = f"{SEARCH}?postcode=DT1+1XJ&sort=name"
    form = card_form(client.get(search).content.decode(), service)
    assert form["action"] == reverse("directory:shortlist-add")
    assert form["button"] == (
        'Add<span class="govuk-visually-hidden"> Splash Swimming</span> to shortlist'
    )

    response = client.post(form["action"], {"service": form["service"], "next": form["next"]})

    assert response.status_code == 302
    assert response["Location"] == f"{search}#result-{service.pk}"
    html = client.get(response["Location"]).content.decode()
    assert "Added to your shortlist." in html
    form = card_form(html, service)
    assert "On your shortlist" in card_of(html, service)
    assert form["action"] == reverse("directory:shortlist-remove")
    assert form["button"] == (
        'Remove<span class="govuk-visually-hidden"> Splash Swimming</span> from shortlist'
    )
    response = client.post(form["action"], {"service": form["service"], "next": form["next"]})
    assert response["Location"] == f"{search}#result-{service.pk}"
    assert client.session[SESSION_KEY] == []


# ---------------------------------------------------------------------------- a service


def test_a_service_page_tells_a_family_everything_in_a_few_queries(
    client, world, council, django_assert_max_num_queries
):
    service = world.services.saturday_club

    with django_assert_max_num_queries(SERVICE_PAGE_QUERIES):
        response = client.get(service.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Rainbow Saturday Club</h1>' in html
    assert "Saturday" in html and "10am to 2pm" in html
    assert "£12 per session" in html
    assert "Near Hall" in html and "Get directions to Near Hall" in html
    assert "Changing Places toilet" in html
    assert "Information last checked on" in html
    assert "Report a problem with this page" in html
    assert "It may be out of date" not in html


def test_a_listing_not_checked_for_a_year_carries_a_warning(client, world, council):
    service = ServiceFactory(last_checked_on=None)

    assert "It may be out of date" in client.get(service.get_absolute_url()).content.decode()


def test_drafts_are_not_found_and_archived_services_are_gone(client, world, council):
    assert client.get(world.services.draft.get_absolute_url()).status_code == 404
    response = client.get(world.services.archived.get_absolute_url())
    assert response.status_code == 410
    assert "This short break is no longer listed" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/directory/services/5b1e6f0c-0000-4000-8000-000000000001/",
        "/directory/services/not-a-uuid/",
        "/directory/services/00000000-0000-0000-0000-00000000000g/",
        "/directory/providers/5b1e6f0c-0000-4000-8000-000000000002/",
    ],
)
def test_tampered_addresses_are_not_found(client, world, council, path):
    assert client.get(path).status_code == 404


def test_a_provider_page_lists_its_published_services(
    client, world, council, django_assert_max_num_queries
):
    provider = world.services.saturday_club.provider

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(provider.get_absolute_url())

    assert response.status_code == 200
    assert result_names(response) == ["Rainbow Saturday Club"]


# ---------------------------------------------------------------------------- shortlist


def test_a_family_can_add_to_and_remove_from_a_shortlist(client, world, council):
    service = world.services.saturday_club
    page = service.get_absolute_url()

    response = client.post(
        reverse("directory:shortlist-add"), {"service": service.pk, "next": page}
    )
    assert response.status_code == 302 and response["Location"] == page
    assert "Added to your shortlist" in client.get(page).content.decode()

    html = client.get(reverse("directory:shortlist")).content.decode()
    assert "Rainbow Saturday Club" in html
    assert f"/directory/shortlist/?services={service.pk}" in html
    assert "Your shortlist (1)" in client.get(SEARCH).content.decode()

    client.post(reverse("directory:shortlist-remove"), {"service": service.pk})
    assert client.session[SESSION_KEY] == []


def test_a_shared_list_opens_elsewhere_and_can_be_kept(client, world, council):
    ids = f"{world.services.swimming.pk},{world.services.draft.pk},nonsense"

    html = client.get(reverse("directory:shortlist"), {"services": ids}).content.decode()

    assert "A shared shortlist" in html
    assert "Splash Swimming" in html
    assert "Unfinished Club" not in html
    assert "1 service on this list is no longer listed" in html
    client.post(reverse("directory:shortlist-save"), {"services": ids})
    assert client.session[SESSION_KEY] == [str(world.services.swimming.pk)]


@pytest.mark.parametrize("value", ["", "nonsense", "5b1e6f0c-0000-4000-8000-000000000003"])
def test_adding_something_that_is_not_a_published_service_is_not_found(
    client, world, council, value
):
    response = client.post(reverse("directory:shortlist-add"), {"service": value})

    assert response.status_code == 404


def test_the_shortlist_only_goes_back_to_pages_on_this_site(client, world, council):
    response = client.post(
        reverse("directory:shortlist-add"),
        {"service": world.services.swimming.pk, "next": "https://evil.example/"},
    )

    assert response["Location"] == world.services.swimming.get_absolute_url()


def test_looking_at_pages_sets_no_session_cookie(client, world, council):
    for path in (SEARCH, world.services.swimming.get_absolute_url(), "/directory/shortlist/"):
        assert "sessionid" not in client.get(path).cookies


# ---------------------------------------------------------------------------- report a problem


def report_url(service):
    return reverse("directory:report-problem", args=[service.pk])


def test_a_problem_report_is_saved_for_the_councils_editors(client, world, council):
    service = world.services.swimming

    response = client.post(
        report_url(service),
        {"kind": "out_of_date", "details": "It moved to Thursdays.", "email": ""},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("directory:report-sent", args=[service.pk])
    report = ProblemReport.objects.get()
    assert (report.service, report.kind, report.details) == (
        service,
        "out_of_date",
        "It moved to Thursdays.",
    )
    assert "Thank you for telling us" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select what is wrong with this page"),
        ({"kind": "other"}, "Tell us what is wrong"),
        ({"kind": "hacked", "details": "x"}, "Select what is wrong with this page"),
        (
            {"kind": "other", "details": "x" * 1201},
            "Tell us what is wrong in 1,200 characters or fewer",
        ),
        (
            {"kind": "other", "details": "x", "email": "not an email"},
            "Enter an email address in the correct format",
        ),
    ],
)
def test_a_bad_problem_report_gets_errors_and_saves_nothing(client, world, council, data, message):
    response = client.post(report_url(world.services.swimming), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<title>Error: " in html
    assert not ProblemReport.objects.exists()


def test_problem_reports_are_rate_limited(client, world, council, settings):
    settings.PROBLEM_REPORT_RATE = "2/h"
    data = {"kind": "other", "details": "Wrong."}
    for _ in range(2):
        assert client.post(report_url(world.services.sitter), data).status_code == 302

    response = client.post(report_url(world.services.sitter), data)

    assert response.status_code == 429
    assert "You have sent a lot of reports" in response.content.decode()
    assert ProblemReport.objects.count() == 2


def test_reports_cannot_be_made_about_unpublished_services(client, world, council):
    data = {"kind": "other", "details": "x"}

    assert client.post(report_url(world.services.draft), data).status_code == 404
    assert client.post(report_url(world.services.archived), data).status_code == 410
    assert not ProblemReport.objects.exists()


# ---------------------------------------------------------------------- draft preview


def test_an_officer_previews_a_draft_as_families_will_see_it(client, db):
    draft = ServiceFactory(status="draft", name="Coming soon club")
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))

    response = client.get(reverse("directory:service-preview", args=[draft.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Coming soon club" in page and "families cannot see it yet" in page
    assert "Add to shortlist" not in page and "Report a problem" not in page
    assert response["X-Robots-Tag"] == "noindex"
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_preview_is_only_for_the_back_office(client, db):
    draft = ServiceFactory(status="draft")

    response = client.get(reverse("directory:service-preview", args=[draft.pk]))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_provider_user_previews_only_its_own_drafts(client, db):
    ours, theirs = ServiceFactory(status="draft"), ServiceFactory(status="draft")
    user = UserFactory(roles=[PROVIDER])
    ours.provider.users.add(user)
    client.force_login(user)

    assert client.get(reverse("directory:service-preview", args=[ours.pk])).status_code == 200
    assert client.get(reverse("directory:service-preview", args=[theirs.pk])).status_code == 404
