"""Personal assistants: the PAs families can find today by area, need and age group; families'
messages to them (the register's only record of a message: a count by month, the PA's area
and the need the family named); and, where the directory has a gap, whether PAs fill it.
A few grouped queries, whatever the size of the register."""

import datetime as dt
from dataclasses import replace
from urllib.parse import urlencode

from django.db.models import Sum
from django.urls import reverse

from directory.models import AgeBand, Locality, Need, Service
from directory.personal_assistants.models import ContactTally, PersonalAssistant

from .demand import months_between
from .tables import Cell, Row, Table, bar_chart, heat_map

NOT_SAID = "Not said"


def _listed_by(today, valid_years, through: str) -> dict:
    """{(term id, locality id): PAs listed today}, through the PA's needs or age bands."""
    rows = (
        PersonalAssistant.objects.listed(today=today, dbs_valid_years=valid_years)
        .filter(locality__isnull=False)
        .order_by()
        .values_list(f"{through}__pk", "locality_id")
    )
    counts: dict = {}
    for term, locality in rows:
        if term is not None:
            counts[(term, locality)] = counts.get((term, locality), 0) + 1
    return counts


def _with_legend(table: Table, threshold: int) -> Table:
    return replace(
        table,
        legend=[
            f"Cells marked ! have fewer than {threshold} personal assistant"
            f"{'' if threshold == 1 else 's'} families can find today."
        ],
    )


def personal_assistant_tables(
    *, today: dt.date, first: dt.date, last: dt.date, threshold: int, dbs_valid_years: int
) -> list[Table]:
    localities = list(Locality.objects.order_by("position", "name"))
    needs = list(Need.objects.order_by("position", "name"))
    bands = list(AgeBand.objects.order_by("min_age", "position"))
    columns = [(locality.name, locality.pk) for locality in localities]
    search = reverse("personal_assistants:search")
    need_code = {need.pk: need.code for need in needs}

    by_need = _listed_by(today, dbs_valid_years, "needs")
    by_band = _listed_by(today, dbs_valid_years, "age_bands")
    supply_by_need = _with_legend(
        heat_map(
            slug="pas-by-need",
            caption="Personal assistants families can find, by need and area",
            row_heading="Need",
            rows=[(need.name, need.pk) for need in needs],
            columns=columns,
            counts=by_need,
            url_for=lambda need, _: f"{search}?{urlencode([('need', need_code[need])])}",
            threshold=threshold,
        ),
        threshold,
    )
    supply_by_band = _with_legend(
        heat_map(
            slug="pas-by-age-group",
            caption="Personal assistants families can find, by age group and area",
            row_heading="Age group",
            rows=[(band.name, band.pk) for band in bands],
            columns=columns,
            counts=by_band,
            url_for=lambda *_: "",
            threshold=threshold,
        ),
        threshold,
    )

    tallies = list(
        ContactTally.objects.filter(month__gte=first.replace(day=1), month__lte=last)
        .order_by()
        .values("month", "locality", "need")
        .annotate(total=Sum("count"))
    )
    demand = _demand_tables(tallies, localities, needs, first, last)
    gaps = _gaps(tallies, localities, needs, by_need, threshold)
    return [supply_by_need, supply_by_band, *demand, gaps]


def _demand_tables(tallies, localities, needs, first, last) -> list[Table]:
    by_month_area: dict = {}
    by_need_area: dict = {}
    for row in tallies:
        by_month_area[(row["month"], row["locality"])] = (
            by_month_area.get((row["month"], row["locality"]), 0) + row["total"]
        )
        by_need_area[(row["need"], row["locality"])] = (
            by_need_area.get((row["need"], row["locality"]), 0) + row["total"]
        )
    keys = [locality.pk for locality in localities] + [None]
    headings = [locality.name for locality in localities] + ["Area not known", "All areas"]

    def row(heading, key, counts) -> Row:
        cells = [counts.get((key, locality), 0) for locality in keys]
        return Row(heading, [Cell(value) for value in [*cells, sum(cells)]])

    months = months_between(first, last)
    month_rows = [row(f"{month:%B %Y}", month, by_month_area) for month in months]
    need_rows = [row(need.name, need.pk, by_need_area) for need in needs]
    need_rows.append(row(NOT_SAID, None, by_need_area))
    return [
        Table(
            slug="pa-messages-by-month",
            caption="Families' messages to personal assistants, by month and area",
            row_heading="Month",
            columns=headings,
            rows=month_rows,
            note="Counted in the area of the personal assistant the family wrote to.",
            chart=bar_chart(
                "Messages each month", [(r.heading, r.cells[-1].value) for r in month_rows]
            ),
        ),
        Table(
            slug="pa-messages-by-need",
            caption="Families' messages to personal assistants, by need and area",
            row_heading="Need",
            columns=headings,
            rows=need_rows,
            note="The need is the one the family chose on the message form, if they chose one.",
        ),
    ]


def _gaps(tallies, localities, needs, pas_by_need, threshold) -> Table:
    """Where the directory has fewer published services for a need in an area than the
    council's threshold: how many PAs families can find there, and how many messages."""
    conditions = {
        (need.pk, locality.pk): (
            f"(localities_mask & {1 << int(locality.bit)}) > 0 "
            f"AND (needs_mask & {1 << int(need.bit)}) > 0",
            [],
        )
        for locality in localities
        for need in needs
    }
    services = Service.objects.published().counts_where(conditions) if conditions else {}
    messages: dict = {}
    for row in tallies:
        key = (row["need"], row["locality"])
        messages[key] = messages.get(key, 0) + row["total"]
    rows = []
    for locality in localities:
        for need in needs:
            key = (need.pk, locality.pk)
            offered = services.get(key, 0)
            if offered >= threshold:
                continue
            pas = pas_by_need.get(key, 0)
            rows.append(
                Row(
                    f"{locality.name}: {need.name}",
                    [Cell(offered, gap=True), Cell(pas, gap=pas == 0), Cell(messages.get(key, 0))],
                )
            )
    return Table(
        slug="pas-in-directory-gaps",
        caption="Personal assistants where the directory has a gap",
        row_heading="Area and need",
        columns=["Published services", "Personal assistants", "Messages in the period"],
        rows=rows,
        note=f"Each area and need with fewer than {threshold} published services. A ! on "
        "personal assistants marks a gap that no personal assistant fills either.",
        page_limit=50,
    )
