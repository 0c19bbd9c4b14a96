"""Freshness: how current the listings are, which providers have listings overdue for review,
the proposed changes waiting and the problem reports families sent."""

import datetime as dt

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone

from directory import reviews
from directory.models import ProblemReport, ProposedChange, Service
from directory.querysets.services import review_conditions

from .tables import Cell, Row, Table, bar_chart

PROVIDERS_SHOWN = 30


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def review_table(cycle: reviews.Cycle) -> Table:
    """Published listings checked within the review interval, due soon and overdue."""
    counts = Service.objects.published().review_counts(cycle)
    admin = reverse("admin:directory_service_changelist") + "?status__exact=published&review="
    figures = [
        ("Checked within the review interval", counts["current"], ""),
        (f"Due for review within {reviews.DUE_SOON_DAYS} days", counts["due_soon"], "due-soon"),
        ("Overdue for review", counts["overdue"], "overdue"),
    ]
    total = counts["total"]
    return Table(
        slug="freshness-review",
        caption=f"Published listings by review (checked every {cycle.months} months)",
        row_heading="Listings",
        columns=["Number", "Share"],
        rows=[
            Row(
                label,
                [Cell(count, f"{admin}{review}" if review else ""), Cell(_share(count, total))],
            )
            for label, count, review in figures
        ]
        + [Row("All published listings", [Cell(total), Cell(_share(total, total))])],
        chart=bar_chart("Published listings by review", [(label, n) for label, n, _ in figures]),
    )


def overdue_by_provider(cycle: reviews.Cycle) -> Table:
    """Providers with listings overdue for review, most overdue first."""
    overdue = review_conditions(cycle)["overdue"]
    rows = (
        Service.objects.published()
        .order_by()
        .values("provider_id", "provider__name")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=overdue))
        .filter(overdue__gt=0)
        .order_by("-overdue", "provider__name")
    )
    admin = reverse("admin:directory_service_changelist")
    return Table(
        slug="freshness-overdue-by-provider",
        caption="Providers with listings overdue for review",
        row_heading="Provider",
        columns=["Overdue listings", "Published listings"],
        page_limit=PROVIDERS_SHOWN,
        rows=[
            Row(
                row["provider__name"],
                [
                    Cell(
                        row["overdue"],
                        f"{admin}?provider__id__exact={row['provider_id']}"
                        "&status__exact=published&review=overdue",
                    ),
                    Cell(row["total"]),
                ],
            )
            for row in rows
        ],
    )


def proposed_changes_table(today: dt.date) -> Table:
    """Providers' changes waiting for an editor's decision, new listings and edits."""
    waiting = {
        row["kind"]: row
        for row in ProposedChange.objects.waiting()
        .order_by()
        .values("kind")
        .annotate(count=Count("pk"), oldest=Min("proposed_at"))
    }
    admin = reverse("admin:directory_proposedchange_changelist") + "?state__exact=waiting"

    def days_waiting(row) -> Cell:
        if not row:
            return Cell("–")
        return Cell((today - timezone.localtime(row["oldest"]).date()).days)

    return Table(
        slug="freshness-proposed-changes",
        caption="Proposed changes waiting for approval",
        row_heading="Kind",
        columns=["Waiting", "Longest wait (days)"],
        rows=[
            Row(
                kind.label,
                [
                    Cell(waiting.get(kind, {}).get("count", 0), f"{admin}&kind__exact={kind}"),
                    days_waiting(waiting.get(kind)),
                ],
            )
            for kind in ProposedChange.Kind
        ],
    )


def problem_reports_table(first: dt.date, last: dt.date) -> Table:
    """Problem reports sent in the period, by what was wrong and where they are up to."""
    counts = {
        (row["kind"], row["state"]): row["count"]
        for row in ProblemReport.objects.filter(
            created_at__date__gte=first, created_at__date__lte=last
        )
        .order_by()
        .values("kind", "state")
        .annotate(count=Count("pk"))
    }
    states = list(ProblemReport.State)
    return Table(
        slug="freshness-problem-reports",
        caption="Problem reports by kind and status",
        row_heading="What was wrong",
        columns=[state.label for state in states] + ["All"],
        rows=[
            Row(
                kind.label,
                [Cell(counts.get((kind, state), 0)) for state in states]
                + [Cell(sum(counts.get((kind, state), 0) for state in states))],
            )
            for kind in ProblemReport.Kind
        ],
    )


def freshness_tables(*, today: dt.date, months: int, first: dt.date, last: dt.date) -> list[Table]:
    cycle = reviews.Cycle(today, months)
    return [
        review_table(cycle),
        overdue_by_provider(cycle),
        proposed_changes_table(today),
        problem_reports_table(first, last),
    ]
