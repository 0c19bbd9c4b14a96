"""The demo council's Short Breaks Statement: last year's version, superseded, and this year's,
published, with its review due soon so the back office's warning shows. Fictional wording,
modelled on the councils' papers in the shared seeds."""

import datetime as dt

from django.utils import timezone

from portal.models import Statement, StatementSection
from portal.services import statement_draft_from, statement_publish

Kind = StatementSection.Kind

ABOUT = """\
This statement says what short breaks are available in South Wessex for disabled children and
young people aged 0 to 25, who can use them, and how to get them. Every council in England must
publish one (the Breaks for Carers of Disabled Children Regulations 2011).

**This is demonstration data.** South Wessex Council and every provider here are fictional.
"""

RANGE = """\
Short breaks give disabled children and young people time to have fun and make friends, and
give their parent carers a break from caring. They include clubs, activities, support at home
and overnight stays.
"""

WHO = """\
Which short breaks your family can use depends on your child's needs. There are three levels.
"""

HOW = """\
You do not need to wait for a crisis to ask for help.
"""

NEEDS_LAST_YEAR = """\
Families told us they want breaks close to home: up to 30 minutes' travel is fine, an hour is
too much. We are working with providers to add after-school and holiday clubs in every area.
"""

NEEDS = """\
Families told us they want breaks close to home: up to 30 minutes' travel is fine, an hour is
too much. They also asked for more for teenagers, and for children whose behaviour challenges.

Our review of the directory found:

- more provision is needed in **Chesil** and **Dorchester and West**, while East and Purbeck
  are well served
- enabling, holiday and Saturday clubs are the hardest to find, mostly for 12 to 16 year olds
- few overnight breaks are available for young people aged 18 to 25

This year we will commission two new holiday play schemes in Chesil and Dorchester and West,
and an enabling service for 12 to 16 year olds.
"""

FAMILIES_VIEWS = """\
We asked families in three ways:

1. an online survey, answered by 214 parent carers
2. six co-design workshops with the South Wessex Parent Carer Forum
3. conversations with young people at two youth clubs

What families told us shaped the section on how the range meets families' needs. You can
read the [Parent Carer Forum's report](https://example.org/south-wessex-forum-report).
"""

REVIEW = """\
We review this statement every year with families, providers and the Parent Carer Forum. If
something here is wrong or out of date, tell the Children with Disabilities team.
"""


def _sections(needs: str) -> list[tuple[str, str, str]]:
    return [
        ("About this statement", Kind.WRITTEN, ABOUT),
        ("The range of short breaks", Kind.RANGE, RANGE),
        ("Who can use them", Kind.WHO, WHO),
        ("How to get a short break", Kind.HOW, HOW),
        ("How the range meets families' needs", Kind.WRITTEN, needs),
        ("How families' views were gathered", Kind.FAMILIES_VIEWS, FAMILIES_VIEWS),
        ("Reviewing this statement", Kind.WRITTEN, REVIEW),
    ]


def _published_on(statement: Statement, day: dt.date) -> None:
    """Date a demo publication as if it had happened on the day."""
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    Statement.objects.filter(pk=statement.pk).update(published_at=at)
    Statement.objects.filter(number__lt=statement.number, status="superseded").update(
        superseded_at=at
    )


def seed_statement(*, by) -> Statement:
    """Two versions: last year's, superseded, and the current one, due for review within
    a month of today. Replaces any Statement already there."""
    today = timezone.localdate()
    Statement.objects.all().delete()
    Statement.history.all().delete()
    last_year = today - dt.timedelta(days=700)
    first = Statement.objects.create(
        title="Short Breaks Services Statement", effective_on=last_year
    )
    StatementSection.objects.bulk_create(
        StatementSection(statement=first, position=index * 10, heading=h, kind=k, body=b)
        for index, (h, k, b) in enumerate(_sections(NEEDS_LAST_YEAR), start=1)
    )
    statement_publish(statement=first, by=by, today=today)
    _published_on(first, last_year)

    this_year = today - dt.timedelta(days=345)
    second = statement_draft_from(statement=first, by=by, today=this_year)
    second.sections.filter(heading="How the range meets families' needs").update(body=NEEDS)
    statement_publish(statement=second, by=by, today=today)
    _published_on(second, this_year)
    return second
