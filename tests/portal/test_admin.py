"""The Statement in the back office: commissioners write, preview and publish; a published
version is read-only; its history shows each change; the front page warns of the review."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from portal.models import Statement
from portal.services import statement_publish
from tests.factories import StatementFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commissioner(client, council):
    user = UserFactory(roles=[COMMISSIONER])
    client.force_login(user)
    return user


def publish(statement):
    return statement_publish(statement=statement, by=None, today=timezone.localdate())


def form_data(sections, **fields):
    data = {
        "title": "Short Breaks Services Statement",
        "effective_on": "2026-12-01",
        "review_due_on": "",
        "sections-TOTAL_FORMS": str(len(sections)),
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for i, (heading, kind, body) in enumerate(sections):
        data |= {
            f"sections-{i}-position": str(i),
            f"sections-{i}-heading": heading,
            f"sections-{i}-kind": kind,
            f"sections-{i}-body": body,
        }
    return data


def test_a_commissioner_writes_a_draft_with_its_sections_in_one_version(client, commissioner):
    response = client.post(
        reverse("admin:portal_statement_add"),
        form_data([("About", "written", "Hello."), ("Views", "families_views", "A survey.")]),
    )

    assert response.status_code == 302
    statement = Statement.objects.get()
    assert statement.status == Statement.Status.DRAFT
    assert statement.review_due_on == dt.date(2027, 12, 1)
    version = statement.history.get()
    assert version.history_user == commissioner
    assert [s["heading"] for s in version.sections] == ["About", "Views"]


def test_a_written_section_without_text_is_an_error_on_the_form(client, commissioner):
    response = client.post(
        reverse("admin:portal_statement_add"), form_data([("About", "written", "")])
    )

    assert response.status_code == 200
    assert "Enter the section&#x27;s text." in response.content.decode()
    assert not Statement.objects.exists()


def test_publishing_without_families_views_is_refused_on_the_publish_page(client, commissioner):
    draft = StatementFactory(sections=[("About", "written", "Hello.")])
    url = reverse("admin:portal_statement_publish", args=[draft.pk])

    page = client.get(url).content.decode()
    client.post(url)

    assert "how families&#x27; views were gathered" in page
    assert 'type="submit"' not in page.split('id="content-main"')[1]
    draft.refresh_from_db()
    assert draft.status == Statement.Status.DRAFT


def test_a_commissioner_publishes_a_draft_and_the_last_version_is_superseded(client, commissioner):
    old = publish(StatementFactory())
    draft = StatementFactory()
    url = reverse("admin:portal_statement_publish", args=[draft.pk])

    assert f"Version {old.number}, published on" in client.get(url).content.decode()
    response = client.post(url, follow=True)

    draft.refresh_from_db()
    old.refresh_from_db()
    assert draft.status == Statement.Status.PUBLISHED
    assert draft.approved_by == commissioner
    assert old.status == Statement.Status.SUPERSEDED
    assert f"Version {draft.number} is published" in response.content.decode()


def test_a_published_version_cannot_be_edited_but_can_start_a_new_draft(client, commissioner):
    published = publish(StatementFactory())
    change_url = reverse("admin:portal_statement_change", args=[published.pk])

    page = client.get(change_url).content.decode()
    edit = client.post(change_url, form_data([("About", "written", "Sneaky.")]))
    new_draft = client.post(reverse("admin:portal_statement_new_draft", args=[published.pk]))

    assert "Start a new draft from this version" in page
    assert "Publish this version" not in page
    assert edit.status_code == 403
    assert published.sections.get(kind="written").body == "What short breaks there are."
    draft = Statement.objects.get(status=Statement.Status.DRAFT)
    assert new_draft["Location"] == reverse("admin:portal_statement_change", args=[draft.pk])
    assert draft.sections.count() == 2


def test_an_editor_reads_the_statement_but_cannot_change_or_publish_it(client, council):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    draft = StatementFactory()

    assert client.get(reverse("admin:portal_statement_change", args=[draft.pk])).status_code == 200
    assert (
        client.post(reverse("admin:portal_statement_publish", args=[draft.pk])).status_code == 403
    )
    assert client.get(reverse("admin:portal_statement_add")).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Statement.Status.DRAFT


@pytest.mark.parametrize("path", ["999999/publish/", "nonsense/publish/", "999999/history/"])
def test_an_unknown_version_in_the_back_office_is_not_found(client, commissioner, path):
    response = client.get(reverse("admin:portal_statement_changelist") + path)

    assert response.status_code in (302, 404)
    assert not Statement.objects.exists()


def test_the_history_shows_what_each_version_changed_and_compares_two(client, commissioner):
    views = ("Views", "families_views", "A survey.")
    client.post(
        reverse("admin:portal_statement_add"),
        form_data([("About this statement", "written", "Changed words."), views]),
    )
    statement = Statement.objects.get()
    change = form_data([("About this statement", "written", "Newer words."), views])
    change |= {"sections-INITIAL_FORMS": "2"}
    for i, section in enumerate(statement.sections.all()):
        change |= {
            f"sections-{i}-id": str(section.pk),
            f"sections-{i}-statement": str(statement.pk),
        }
    edit = client.post(reverse("admin:portal_statement_change", args=[statement.pk]), change)
    history_url = reverse("admin:portal_statement_history", args=[statement.pk])
    older, newer = statement.history.order_by("history_id")

    page = client.get(history_url).content.decode()
    compared = client.get(
        history_url, {"older": older.history_id, "newer": newer.history_id}
    ).content.decode()
    bad = client.get(history_url, {"older": "x", "newer": "1; drop"}).content.decode()

    assert edit.status_code == 302
    assert "Section: About this statement" in page
    assert "<del>Changed words.</del>" in compared
    assert "<ins>Newer words.</ins>" in compared
    assert "Choose two different versions to compare." in bad


@pytest.mark.parametrize(
    ("due_in_days", "warning"),
    [
        (60, None),
        (30, "due for review in 30 days"),
        (1, "due for review in 1 day"),
        (0, "due for review today"),
        (-3, "review is overdue"),
    ],
)
def test_the_front_page_warns_when_the_review_is_due_or_overdue(
    client, commissioner, due_in_days, warning
):
    today = timezone.localdate()
    statement = publish(StatementFactory(effective_on=today - dt.timedelta(days=300)))
    Statement.objects.filter(pk=statement.pk).update(
        review_due_on=today + dt.timedelta(days=due_in_days)
    )

    page = client.get(reverse("admin:index")).content.decode()

    if warning is None:
        assert 'id="statement-review"' not in page
    else:
        assert 'id="statement-review"' in page
        assert warning in page


def test_the_front_page_warns_when_no_statement_is_published(client, commissioner):
    page = client.get(reverse("admin:index")).content.decode()

    assert "No Short Breaks Statement is published" in page
