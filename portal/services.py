"""Writing the Short Breaks Statement: versions, drafts made from them, and publishing."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from directory.models import Council

from .generated_sections import generated_sections
from .models import STATEMENT_HISTORY, Statement, StatementSection

NO_FAMILIES_VIEWS = (
    "Add a section on how families' views were gathered before you publish: the Statement "
    "must be prepared with regard to their views."
)


def keep_sections(sender, instance, history_instance, **kwargs):
    """pre_create_historical_record: a Statement's version keeps its sections as they are."""
    if isinstance(instance, Statement) and instance.pk:
        history_instance.sections = [section.content() for section in instance.sections.all()]


def statement_version_record(*, statement: Statement, created: bool = False) -> None:
    """Keep a version of the Statement as it is now, sections included. For changes made in
    steps (the admin form and its inlines), saved with history skipped."""
    STATEMENT_HISTORY.create_historical_record(statement, "+" if created else "~")


def statement_publish_problems(statement: Statement) -> list[str]:
    """Why the version cannot be published, in words for the commissioner; empty if it can."""
    problems = []
    if not statement.is_editable:
        problems.append("Only a draft can be published. Start a new draft from this version.")
    sections = list(statement.sections.all())
    if not any(
        section.kind == StatementSection.Kind.FAMILIES_VIEWS and section.body.strip()
        for section in sections
    ):
        problems.append(NO_FAMILIES_VIEWS)
    for kind in StatementSection.GENERATED:
        if sum(section.kind == kind for section in sections) > 1:
            problems.append(f"Use the section “{kind.label}” once only.")
    return problems


def statement_publish(*, statement: Statement, by, today: dt.date) -> Statement:
    """Publish a draft: freeze its generated sections as they are today, record who approved
    it, and supersede the version published before. Raises ValidationError, changing nothing,
    if it cannot be published."""
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        problems = statement_publish_problems(statement)
        if problems:
            raise ValidationError(problems)
        statement.full_clean()
        now = timezone.now()
        for previous in Statement.objects.select_for_update().published():
            previous.status = Statement.Status.SUPERSEDED
            previous.superseded_at = now
            previous._history_user = by
            previous.save()
        statement.generated = generated_sections(council=Council.objects.current(), today=today)
        statement.status = Statement.Status.PUBLISHED
        statement.approved_by = by
        statement.published_at = now
        statement._history_user = by
        statement.save()
    return statement


def statement_draft_from(*, statement: Statement, by, today: dt.date) -> Statement:
    """A new draft with the version's title and sections, taking effect today: the way to
    change a published Statement."""
    with transaction.atomic():
        draft = Statement(title=statement.title, effective_on=today)
        draft.full_clean()
        draft.skip_history_when_saving = True
        draft.save()
        StatementSection.objects.bulk_create(
            StatementSection(
                statement=draft,
                position=section.position,
                heading=section.heading,
                kind=section.kind,
                body=section.body,
            )
            for section in statement.sections.all()
        )
        del draft.skip_history_when_saving
        draft._history_user = by
        statement_version_record(statement=draft, created=True)
    return draft
