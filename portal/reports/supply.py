"""Supply: published services (or only those with places) in each locality, by need, age group,
kind of break and tier. Every figure of every table comes from one aggregate query over the
services' search columns (directory's term bit masks), whatever the number of services."""

from urllib.parse import urlencode

from django.urls import reverse

from directory.models import AgeBand, BreakKind, Locality, Need, Service, Tier

from .tables import Table, heat_map

SLUGS = {"age_band": "age-group"}


def _in_locality(locality) -> str:
    return f"(localities_mask & {1 << int(locality.bit)}) > 0"


def _has(column: str, term) -> str:
    return f"({column} & {1 << int(term.bit)}) > 0"


def supply_tables(*, places_only: bool, threshold: int) -> list[Table]:
    """The four supply heat maps, rows by need, age group, kind and tier, columns by locality."""
    localities = list(Locality.objects.order_by("position", "name"))
    dimensions = {
        "need": list(Need.objects.order_by("position", "name")),
        "age_band": list(AgeBand.objects.order_by("min_age", "position")),
        "kind": list(BreakKind.objects.order_by("position", "name")),
        "tier": [Tier(value) for value in Tier.values],
    }
    conditions = {}
    for locality in localities:
        where = _in_locality(locality)
        for need in dimensions["need"]:
            conditions[("need", need.pk, locality.pk)] = (
                f"{where} AND {_has('needs_mask', need)}",
                [],
            )
        for band in dimensions["age_band"]:
            conditions[("age_band", band.pk, locality.pk)] = (
                f"{where} AND min_age <= %s AND max_age >= %s",
                [band.max_age, band.min_age],
            )
        for kind in dimensions["kind"]:
            conditions[("kind", kind.pk, locality.pk)] = (
                f"{where} AND {_has('kinds_mask', kind)}",
                [],
            )
        for tier in dimensions["tier"]:
            conditions[("tier", tier.value, locality.pk)] = (f"{where} AND tier = %s", [tier.value])
    services = Service.objects.published()
    if places_only:
        services = services.with_places()
    counts = services.counts_where(conditions) if conditions else {}

    search = reverse("directory:search")
    extra = [("only", "places")] if places_only else []
    code_of_locality = {locality.pk: locality.code for locality in localities}
    columns = [(locality.name, locality.pk) for locality in localities]

    def table(dimension: str, caption: str, heading: str, rows, code_of) -> Table:
        def url_for(row_key, locality_pk):
            params = [("locality", code_of_locality[locality_pk]), (dimension, code_of(row_key))]
            return f"{search}?{urlencode(params + extra)}"

        return heat_map(
            slug=f"supply-by-{SLUGS.get(dimension, dimension)}",
            caption=caption,
            row_heading=heading,
            rows=rows,
            columns=columns,
            counts={
                (row_key, locality_pk): count
                for (name, row_key, locality_pk), count in counts.items()
                if name == dimension
            },
            url_for=url_for,
            threshold=threshold,
        )

    codes = {
        term.pk: term.code for name in ("need", "age_band", "kind") for term in dimensions[name]
    }
    what = "Services with places available" if places_only else "Published services"
    return [
        table(
            "need",
            f"{what} by need and area",
            "Need",
            [(need.name, need.pk) for need in dimensions["need"]],
            codes.get,
        ),
        table(
            "age_band",
            f"{what} by age group and area",
            "Age group",
            [(band.name, band.pk) for band in dimensions["age_band"]],
            codes.get,
        ),
        table(
            "kind",
            f"{what} by kind of break and area",
            "Kind of break",
            [(kind.name, kind.pk) for kind in dimensions["kind"]],
            codes.get,
        ),
        table(
            "tier",
            f"{what} by tier and area",
            "Tier",
            [(tier.label, tier.value) for tier in dimensions["tier"]],
            str,
        ),
    ]
