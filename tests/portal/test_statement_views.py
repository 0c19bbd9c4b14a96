"""The public Statement: the current version with live figures, archived versions as published,
and the back office's preview of a draft."""

import pytest
from django.urls import reverse

from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from portal.services import statement_publish
from tests.factories import ServiceFactory, StatementFactory, UserFactory

pytestmark = pytest.mark.django_db


def publish(statement):
    from django.utils import timezone

    return statement_publish(statement=statement, by=None, today=timezone.localdate())


@pytest.fixture
def published(offer, ruleset):
    return publish(
        StatementFactory(
            sections=[
                ("About this statement", "written", "We offer **short breaks**."),
                ("What there is", "range", "Figures from the directory."),
                ("How families' views were gathered", "families_views", "A survey of 200."),
            ]
        )
    )


def test_the_current_statement_has_a_contents_list_dates_and_every_section(client, published):
    page = client.get(reverse("portal:statement")).content.decode()

    assert '<h1 class="govuk-heading-xl">Short Breaks Services Statement</h1>' in page
    assert 'aria-labelledby="contents-title"' in page
    for anchor, heading in [
        ("about-this-statement", "About this statement"),
        ("what-there-is", "What there is"),
        ("how-families-views-were-gathered", "How families&#x27; views were gathered"),
        ("who-can-use-them", "Who can use them"),
        ("how-to-get-a-short-break", "How to get a short break"),
    ]:
        assert f'href="#{anchor}">{heading}</a>' in page
        assert f'id="{anchor}">{heading}</h2>' in page
    assert "<strong>short breaks</strong>" in page
    assert f"<dt>Published</dt><dd>{published.published_at:%-d %B %Y}</dd>" in page
    assert f"<dt>Next review due</dt><dd>{published.review_due_on:%-d %B %Y}</dd>" in page
    assert "lists 3 short breaks today" in page


def test_the_current_statement_shows_todays_figures_not_its_snapshot(client, published, offer):
    ServiceFactory(tier="specialist", kinds=[offer["overnight"]], localities=[offer["east"]])

    page = client.get(reverse("portal:statement")).content.decode()

    assert "lists 4 short breaks today" in page


def test_a_replaced_version_shows_what_was_published(client, published, offer):
    newer = publish(StatementFactory(title="The new statement"))
    ServiceFactory(tier="specialist", kinds=[offer["overnight"]], localities=[offer["east"]])

    page = client.get(reverse("portal:statement-version", args=[published.number]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "This version was replaced" in text
    assert "the directory listed 3 short breaks" in text
    assert reverse("portal:statement") in text
    assert newer.title in client.get(reverse("portal:statement")).content.decode()


def test_the_archive_lists_every_published_version_at_its_own_address(client, published):
    newer = publish(StatementFactory())
    StatementFactory()  # a draft: not listed

    page = client.get(reverse("portal:statement-archive")).content.decode()

    assert page.count('<th scope="row"') == 2
    assert f'href="/statement/{published.number}/"' in page
    assert 'href="/statement/"' in page and f"Version {newer.number}" in page


def test_the_current_versions_own_address_leads_to_the_statement(client, published):
    response = client.get(reverse("portal:statement-version", args=[published.number]))

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:statement")


@pytest.mark.parametrize("number", ["draft", 999, 2**31, 10**30])
def test_a_draft_or_unknown_version_is_not_found(client, council, number):
    draft = StatementFactory()
    path = f"/statement/{draft.number if number == 'draft' else number}/"

    assert client.get(path).status_code == 404


def test_without_a_published_statement_the_page_says_so(client, council):
    StatementFactory()  # a draft only

    response = client.get(reverse("portal:statement"))

    assert response.status_code == 200
    assert "has not published its Short Breaks Statement" in response.content.decode()


def test_markdown_cannot_inject_html_into_the_page(client, council):
    publish(
        StatementFactory(
            sections=[
                ("About", "written", '<script>alert("x")</script> [me](javascript:alert(1))'),
                ("Views", "families_views", '<img src=x onerror="alert(1)">'),
            ]
        )
    )

    page = client.get(reverse("portal:statement")).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert "<img" not in page


def test_the_statement_page_takes_a_constant_number_of_queries(
    client, published, offer, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get(reverse("portal:statement"))
    for _ in range(10):
        ServiceFactory(kinds=[offer["saturday"]], localities=[offer["chesil"]])
    with django_assert_max_num_queries(12):
        client.get(reverse("portal:statement"))


# ---------------------------------------------------------------------------- preview


@pytest.fixture
def draft(published):
    return StatementFactory(
        title="Next year's statement",
        sections=[
            ("What is new", "written", "More holiday clubs."),
            ("Views", "families_views", "Forum."),
        ],
    )


@pytest.mark.parametrize("role", [COMMISSIONER, DIRECTORY_EDITOR])
def test_the_back_office_previews_a_draft_as_families_would_see_it(client, draft, role):
    client.force_login(UserFactory(roles=[role]))

    response = client.get(reverse("portal:statement-preview", args=[draft.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "Next year&#x27;s statement" in page
    assert "families cannot see it yet" in page
    assert "lists 3 short breaks today" in page


def test_families_cannot_see_a_draft(client, draft):
    preview = client.get(reverse("portal:statement-preview", args=[draft.pk]))

    assert preview.status_code == 302
    assert "/admin/login/" in preview["Location"]
    assert client.get(reverse("portal:statement-version", args=[draft.number])).status_code == 404
    assert "Next year" not in client.get(reverse("portal:statement")).content.decode()


def test_a_provider_user_cannot_preview_the_statement(client, draft):
    client.force_login(UserFactory(roles=[PROVIDER]))

    assert client.get(reverse("portal:statement-preview", args=[draft.pk])).status_code == 403


def test_a_draft_links_to_its_preview_from_the_back_office(draft):
    assert draft.get_absolute_url() == reverse("portal:statement-preview", args=[draft.pk])
