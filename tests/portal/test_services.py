"""Publishing the Statement: refused without families' views, freezing its generated sections,
superseding the version before; new drafts made from a published version; versions kept."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from portal.models import Statement, StatementSection
from portal.services import (
    NO_FAMILIES_VIEWS,
    statement_draft_from,
    statement_publish,
    statement_version_record,
)
from tests.factories import RulesetFactory, StatementFactory, UserFactory

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.django_db


def publish(statement, by=None):
    return statement_publish(statement=statement, by=by, today=TODAY)


def test_publishing_records_who_approved_it_and_freezes_the_generated_sections(offer, ruleset):
    commissioner = UserFactory()

    statement = publish(StatementFactory(), by=commissioner)

    statement.refresh_from_db()
    assert statement.status == Statement.Status.PUBLISHED
    assert statement.approved_by == commissioner
    assert statement.published_at is not None
    assert statement.generated["range"]["total"] == 3
    assert statement.generated["who"]["ruleset"] == "Our criteria"
    assert statement.generated["how"]["team"]["phone"] == "01632 960 001"


def test_a_published_snapshot_does_not_change_when_the_directory_or_rules_do(offer, ruleset):
    statement = publish(StatementFactory())
    frozen = Statement.objects.get(pk=statement.pk).generated

    offer["draft"].status = "published"
    offer["draft"].save()
    ruleset.valid_to = dt.date(2026, 10, 31)
    ruleset.save()
    RulesetFactory(name="Later criteria", valid_from=dt.date(2026, 11, 1))

    assert Statement.objects.get(pk=statement.pk).generated == frozen
    assert frozen["range"]["total"] == 3
    assert frozen["who"]["ruleset"] == "Our criteria"


@pytest.mark.parametrize(
    "sections",
    [
        [("About", "written", "Text.")],
        [("About", "written", "Text."), ("Families' views", "families_views", "   ")],
        [],
    ],
    ids=["no families' views section", "an empty one", "no sections"],
)
def test_publishing_without_a_section_on_families_views_is_refused(council, sections):
    statement = StatementFactory(sections=sections)

    with pytest.raises(ValidationError) as refused:
        publish(statement)

    assert NO_FAMILIES_VIEWS in refused.value.messages
    statement.refresh_from_db()
    assert statement.status == Statement.Status.DRAFT
    assert statement.generated is None


def test_a_generated_section_placed_twice_is_refused(council):
    statement = StatementFactory(
        sections=[
            ("Views", "families_views", "A survey."),
            ("Range", "range", ""),
            ("Range again", "range", ""),
        ]
    )

    with pytest.raises(ValidationError, match="once only"):
        publish(statement)


def test_publishing_supersedes_the_version_before(council):
    first = publish(StatementFactory())
    second = publish(StatementFactory())

    first.refresh_from_db()
    assert first.status == Statement.Status.SUPERSEDED
    assert first.superseded_at == second.published_at
    assert list(Statement.objects.published()) == [second]


def test_only_a_draft_can_be_published(council):
    statement = publish(StatementFactory())

    with pytest.raises(ValidationError, match="Only a draft"):
        publish(statement)


def test_the_database_allows_one_published_version_only(council):
    publish(StatementFactory())

    with pytest.raises(IntegrityError):
        StatementFactory(status="published")


def test_the_review_is_due_a_year_after_it_takes_effect_unless_set():
    assert StatementFactory(effective_on=dt.date(2026, 4, 1)).review_due_on == dt.date(2027, 4, 1)
    assert StatementFactory(effective_on=dt.date(2028, 2, 29)).review_due_on == dt.date(2029, 2, 28)
    set_by_hand = StatementFactory(effective_on=TODAY, review_due_on=dt.date(2027, 6, 1))
    assert set_by_hand.review_due_on == dt.date(2027, 6, 1)


def test_a_review_date_before_the_effective_date_is_refused():
    statement = StatementFactory(effective_on=TODAY)
    statement.review_due_on = TODAY - dt.timedelta(days=1)

    with pytest.raises(ValidationError, match="after the day it takes effect"):
        statement.full_clean()


def test_a_written_section_needs_text_but_a_generated_one_does_not():
    statement = StatementFactory()

    with pytest.raises(ValidationError, match="Enter the section's text"):
        StatementSection(statement=statement, heading="Empty", kind="written", body="").full_clean()
    StatementSection(statement=statement, heading="Range", kind="range", body="").full_clean()


def test_a_new_draft_copies_a_published_versions_title_and_sections(council):
    published = publish(StatementFactory(title="Our statement"))

    draft = statement_draft_from(statement=published, by=UserFactory(), today=TODAY)

    assert draft.status == Statement.Status.DRAFT
    assert draft.number == published.number + 1
    assert draft.title == "Our statement"
    assert draft.effective_on == TODAY
    assert [s.content() for s in draft.sections.all()] == [
        s.content() for s in published.sections.all()
    ]
    assert draft.history.get().sections == [s.content() for s in published.sections.all()]


def test_a_version_of_the_statement_keeps_its_sections(council):
    statement = StatementFactory()
    statement.sections.filter(kind="written").update(body="Changed.")

    statement_version_record(statement=statement)

    newest = statement.history.order_by("-history_id").first()
    assert newest.sections[0] == {
        "heading": "About this statement",
        "kind": "written",
        "body": "Changed.",
    }
