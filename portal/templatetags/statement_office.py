"""The back office's front page: a warning when the Short Breaks Statement needs reviewing."""

from django import template
from django.urls import reverse
from django.utils import timezone

from directory.presenters import describe_date

from ..models import Statement

register = template.Library()

REVIEW_WARNING_DAYS = 30


def review_warning(statement: Statement | None, today) -> str:
    """What the front page says about the Statement's review, or '' when nothing is due."""
    if statement is None:
        return "No Short Breaks Statement is published: families cannot read one."
    due = statement.review_due_on
    days = (due - today).days
    if days < 0:
        return (
            f"The Short Breaks Statement's review is overdue: it was due on {describe_date(due)}."
        )
    if days <= REVIEW_WARNING_DAYS:
        when = "today" if days == 0 else f"in {days} day{'' if days == 1 else 's'}"
        return f"The Short Breaks Statement is due for review {when}, on {describe_date(due)}."
    return ""


@register.inclusion_tag("admin/portal/statement/review_warning.html", takes_context=True)
def statement_review(context):
    """For anyone who may read the Statement in the back office."""
    user = context["request"].user
    if not user.has_perm("portal.view_statement"):
        return {"warning": ""}
    statement = Statement.objects.published().first()
    return {
        "warning": review_warning(statement, timezone.localdate()),
        "url": reverse("admin:portal_statement_change", args=[statement.pk])
        if statement
        else reverse("admin:portal_statement_changelist"),
    }
