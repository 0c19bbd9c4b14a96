"""Demand: completed eligibility checks (the anonymous records) by month, area, age group and
need, with their outcomes; and demand against supply in each area. Grouped queries only: each
table is one query however many records there are."""

import datetime as dt
from dataclasses import replace
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse

from directory.models import AgeBand, Locality, Need, Service, Tier
from eligibility.models import CheckRecord, CheckRecordNeed
from eligibility.rules import Assessment, Targeted

from .tables import Cell, Row, Table, bar_chart, heat_level

OUTCOMES = [
    ("Targeted likely", {Targeted.LIKELY}),
    ("Targeted possible", {Targeted.POSSIBLE}),
    ("Targeted unlikely", {Targeted.UNLIKELY}),
    (
        "Not eligible (area, age or already supported)",
        {Targeted.NOT_IN_AREA, Targeted.UNDER_AGE, Targeted.OVER_AGE, Targeted.EXCLUDED},
    ),
]
COLUMNS = [label for label, _ in OUTCOMES] + ["Assessment suggested", "All checks"]
NOT_KNOWN = "Not known or outside the area"


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of the months from `first` to `last`, inclusive."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _outcome_cells(counts: dict[str, int], suggested: int) -> list[Cell]:
    cells = [Cell(sum(counts.get(o, 0) for o in outcomes)) for _, outcomes in OUTCOMES]
    return [*cells, Cell(suggested), Cell(sum(counts.values()))]


def _grouped(rows, key: str, outcome: str) -> tuple[dict, dict]:
    """Aggregated rows as {group: {outcome: count}} and {group: assessments suggested}."""
    counts: dict = {}
    suggested: dict = {}
    for row in rows:
        group = counts.setdefault(row[key], {})
        group[row[outcome]] = group.get(row[outcome], 0) + row["count"]
        suggested[row[key]] = suggested.get(row[key], 0) + row["suggested"]
    return counts, suggested


def _counted(queryset, *fields):
    """Counts of records (and of those with an assessment suggested) for each combination of
    the fields: one grouped query. It counts `month`, not the primary key, so that the
    covering index answers it alone."""
    return list(
        queryset.order_by()
        .values(*fields)
        .annotate(
            count=Count("month"),
            suggested=Count("month", filter=Q(specialist_assessment=Assessment.SUGGESTED)),
        )
    )


def _outcome_table(slug, caption, heading, labels: list[tuple[str, object]], counts, suggested):
    return Table(
        slug=slug,
        caption=caption,
        row_heading=heading,
        columns=COLUMNS,
        rows=[
            Row(label, _outcome_cells(counts.get(key, {}), suggested.get(key, 0)))
            for label, key in labels
            if key is not None or counts.get(key)
        ],
    )


def demand_tables(*, first: dt.date, last: dt.date) -> list[Table]:
    """Checks in the months from `first` to `last` by month, area, age group and need, and
    demand against supply by area."""
    records = CheckRecord.objects.between(first, last)
    localities = list(Locality.objects.order_by("position", "name"))
    bands = list(AgeBand.objects.order_by("min_age", "position"))

    # One grouped query gives the month, area and age group tables: a few thousand rows at most.
    grouped = _counted(records, "month", "locality", "age_band", "targeted")
    by_month, suggested_by_month = _grouped(grouped, "month", "targeted")
    months = months_between(first, last)
    month_table = _outcome_table(
        "demand-by-month",
        "Checks by month and likely outcome",
        "Month",
        [(f"{month:%B %Y}", month) for month in months],
        by_month,
        suggested_by_month,
    )
    totals = [(row.heading, row.cells[-1].value) for row in month_table.rows]
    month_table = replace(month_table, chart=bar_chart("Checks each month", totals))

    by_area, suggested_by_area = _grouped(grouped, "locality", "targeted")
    by_band, suggested_by_band = _grouped(grouped, "age_band", "targeted")
    needs = _counted(
        CheckRecordNeed.objects.filter(month__gte=first, month__lte=last), "code", "targeted"
    )
    by_need, suggested_by_need = _grouped(needs, "code", "targeted")
    need_names = dict(Need.objects.values_list("code", "name"))
    need_rows = [
        (need_names.get(code, code), code)
        for code in sorted(by_need, key=lambda c: need_names.get(c, c))
    ]

    return [
        month_table,
        _outcome_table(
            "demand-by-area",
            "Checks by area and likely outcome",
            "Area",
            [(locality.name, locality.pk) for locality in localities] + [(NOT_KNOWN, None)],
            by_area,
            suggested_by_area,
        ),
        _outcome_table(
            "demand-by-age-group",
            "Checks by age group and likely outcome",
            "Age group",
            [(band.name, band.pk) for band in bands] + [("Not known", None)],
            by_band,
            suggested_by_band,
        ),
        replace(
            _outcome_table(
                "demand-by-need",
                "Checks by need and likely outcome",
                "Need",
                need_rows,
                by_need,
                suggested_by_need,
            ),
            note="A family can name several needs, so a check can count in several rows.",
        ),
        demand_against_supply(by_area, localities),
    ]


def demand_against_supply(by_area: dict, localities) -> Table:
    """Per area: checks with targeted breaks likely, published targeted services, and checks
    per service: where families are likely to be waiting for provision that is not there."""
    services = {
        row["localities"]: row["count"]
        for row in Service.objects.published().filter(tier=Tier.TARGETED).counts_by("localities")
    }
    search = reverse("directory:search")
    figures = []
    for locality in localities:
        likely = by_area.get(locality.pk, {}).get(Targeted.LIKELY, 0)
        offered = services.get(locality.pk, 0)
        figures.append((locality, likely, offered, likely / offered if offered else None))
    highest = max((ratio for *_, ratio in figures if ratio is not None), default=0)
    rows = []
    for locality, likely, offered, ratio in figures:
        url = f"{search}?{urlencode([('locality', locality.code), ('tier', Tier.TARGETED)])}"
        if ratio is None:
            ratio_cell = Cell("No targeted services" if likely else "–", gap=bool(likely))
        else:
            ratio_cell = Cell(
                f"{ratio:.1f}", heat=heat_level(round(ratio * 10), round(highest * 10))
            )
        rows.append(
            Row(locality.name, [Cell(likely), Cell(offered, url, gap=offered == 0), ratio_cell])
        )
    return Table(
        slug="demand-against-supply",
        caption="Demand against supply by area",
        row_heading="Area",
        columns=[
            "Checks with targeted breaks likely",
            "Published targeted services",
            "Checks per targeted service",
        ],
        rows=rows,
        is_heat_map=True,
        note="The more checks per targeted service, the more families are likely to be "
        "waiting for provision. Services count in every area they serve.",
        chart=bar_chart(
            "Checks with targeted breaks likely per targeted service",
            [(locality.name, ratio or 0) for locality, _, _, ratio in figures],
        ),
        legend=["Cells marked ! are areas with no published targeted service."],
    )
