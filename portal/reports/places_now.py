"""Places now: the short-notice places providers offered, and how many were taken, withdrawn
and went unused (their offer ended, or they started, with no one taking them), by month,
service, kind of break and area, so that the council can see where capacity is wasted. Each
table is one grouped query; figures are numbers of places, by the month a place was for."""

import datetime as dt

from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from directory.short_notice.models import PlaceStatus, ShortNoticePlace

from .demand import months_between
from .tables import Cell, Row, Table, bar_chart

COLUMNS = ["Offered", "Taken", "Withdrawn", "Unused", "Still offered", "Share unused"]
SERVICES_SHOWN = 30


def _figures(now: dt.datetime) -> dict:
    """Sums of places, by what became of them, at `now`."""
    today = timezone.localdate(now)
    over = Q(offered_until__lte=now) | Q(starts_on__lt=today)
    is_open = Q(status=PlaceStatus.OPEN)
    return {
        "offered": Sum("places"),
        "taken": Sum("places", filter=Q(status=PlaceStatus.TAKEN)),
        "withdrawn": Sum("places", filter=Q(status=PlaceStatus.WITHDRAWN)),
        "unused": Sum("places", filter=is_open & over),
        "still_offered": Sum("places", filter=is_open & ~over),
    }


def _cells(row: dict) -> list[Cell]:
    figures = [row.get(name) or 0 for name in ("offered", "taken", "withdrawn", "unused")]
    still = row.get("still_offered") or 0
    # Unused as a share of the places whose fate is known (taken, or unused).
    settled = figures[1] + figures[3]
    share = f"{round(100 * figures[3] / settled)}%" if settled else "–"
    return [*(Cell(value) for value in figures), Cell(still), Cell(share)]


def _grouped(places, key, now):
    return places.order_by().values(key).annotate(**_figures(now))


def places_now_tables(*, first: dt.date, last: dt.date, now: dt.datetime | None = None):
    """The report's four tables for places in the months from `first` to `last`."""
    now = now or timezone.now()
    places = ShortNoticePlace.objects.filter(starts_on__range=(first, last))

    by_month = {
        row["month"]: row
        for row in _grouped(places.annotate(month=TruncMonth("starts_on")), "month", now)
    }
    month_rows = []
    for month in months_between(first, last):
        row = next((r for m, r in by_month.items() if m and m.replace(day=1) == month), {})
        month_rows.append(Row(f"{month:%B %Y}", _cells(row)))

    services = _grouped(
        places.annotate(service_name=F("service__name")), "service_name", now
    ).order_by("-unused", "-offered", "service_name")
    kinds = _grouped(places.annotate(kind_name=F("kind__name")), "kind_name", now).order_by(
        "kind_name"
    )
    areas = _grouped(places.annotate(area=F("service__localities__name")), "area", now).order_by(
        "area"
    )

    unused_chart = [(row.heading, row.cells[3].value) for row in month_rows]
    return [
        Table(
            slug="places-by-month",
            caption="Short-notice places by month",
            row_heading="Month",
            columns=COLUMNS,
            rows=month_rows,
            chart=bar_chart("Places unused by month", unused_chart),
        ),
        Table(
            slug="places-by-service",
            caption="Short-notice places by service, most unused first",
            row_heading="Service",
            columns=COLUMNS,
            rows=[Row(row["service_name"], _cells(row)) for row in services],
            page_limit=SERVICES_SHOWN,
        ),
        Table(
            slug="places-by-kind",
            caption="Short-notice places by kind of break",
            row_heading="Kind of break",
            columns=COLUMNS,
            rows=[Row(row["kind_name"], _cells(row)) for row in kinds],
        ),
        Table(
            slug="places-by-area",
            caption="Short-notice places by area served",
            row_heading="Area",
            columns=COLUMNS,
            rows=[Row(row["area"] or "No area", _cells(row)) for row in areas],
            note="A service that serves more than one area counts its places in each.",
        ),
    ]
