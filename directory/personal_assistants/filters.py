"""Find a personal assistant: what the search's query string means, and which listed PAs it
keeps. The register is small (hundreds at most), so the listed PAs are read in one query and
filtered here, which also lets each PA's own travel distance decide whether they reach the
family's postcode."""

from dataclasses import dataclass

import django_filters

from directory.distance import Point, miles_between
from directory.filters import PostcodeFilter, _choice_errors, child_age_filter
from directory.forms import DirectoryFilterForm, FilterField, FilterGroup

from .models import DAYS, TIMES, Offer, PersonalAssistant


class RegisterFilterForm(DirectoryFilterForm):
    """The filter panel: the directory's postcode look-up, the register's own fields."""

    def panel(self) -> tuple:
        return (
            FilterField("postcode", width="10"),
            FilterField("age", width="2"),
            FilterGroup("Needs", "need"),
            FilterGroup("What they offer", "offer"),
            FilterGroup("Days and times", "day", "time"),
        )


class PersonalAssistantFilter(django_filters.FilterSet):
    """Groups combine with AND; needs and offers with "all of" within the group, days and
    times with "any of"; each legend says which."""

    postcode = PostcodeFilter(
        label="Your postcode",
        help_text="Shows personal assistants who travel to you, like DT1 1XJ",
    )
    age = child_age_filter()
    need = django_filters.MultipleChoiceFilter(
        label="Experience of all of these needs", error_messages=_choice_errors("needs")
    )
    offer = django_filters.MultipleChoiceFilter(
        label="Offers all of these",
        choices=Offer.choices,
        error_messages=_choice_errors("what they offer"),
    )
    day = django_filters.MultipleChoiceFilter(
        label="Available on any of these days", choices=DAYS, error_messages=_choice_errors("days")
    )
    time = django_filters.MultipleChoiceFilter(
        label="At any of these times", choices=TIMES, error_messages=_choice_errors("times")
    )

    class Meta:
        model = PersonalAssistant
        form = RegisterFilterForm
        fields = []

    def __init__(self, data=None, *args, needs=(), council_name="the council", **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["need"].extra["choices"] = [(need.code, need.name) for need in needs]
        self.council_name = council_name

    @property
    def form(self):
        if not hasattr(self, "_form"):
            super().form.council_name = self.council_name
        return self._form

    def filter_queryset(self, queryset):
        raise NotImplementedError("The register is filtered in Python: use matches().")

    @property
    def near(self) -> Point | None:
        """Where the family is, from a known postcode; else None."""
        self.form.is_valid()
        located = self.form.cleaned_data.get("postcode")
        return located.point if located is not None else None

    def matches(self, pas) -> "Matches":
        """The PAs (with_profile_data) the valid parts of the query keep, nearest first from a
        postcode, else by name; and for each filter option how many of them have it."""
        self.form.is_valid()
        cleaned = self.form.cleaned_data
        near = self.near
        age, needs = cleaned.get("age"), set(cleaned.get("need") or ())
        offers, days = set(cleaned.get("offer") or ()), set(cleaned.get("day") or ())
        times = set(cleaned.get("time") or ())
        kept = []
        for pa in pas:
            if near is not None:
                if pa.latitude is None:
                    continue
                miles = miles_between(near, Point(pa.latitude, pa.longitude))
                if miles > pa.travel_miles:
                    continue
            band_ages = [(b.min_age, b.max_age) for b in pa.age_bands.all()]
            if age is not None and not any(low <= age <= high for low, high in band_ages):
                continue
            if not needs <= {need.code for need in pa.needs.all()}:
                continue
            if not offers <= set(pa.offers):
                continue
            if days and not days & set(pa.days):
                continue
            if times and not times & set(pa.times):
                continue
            kept.append(pa)
        if near is not None:
            kept.sort(key=lambda pa: miles_between(near, Point(pa.latitude, pa.longitude)))
        else:
            kept.sort(key=lambda pa: pa.public_name)
        counts = {
            "need": _count(kept, lambda pa: [need.code for need in pa.needs.all()]),
            "offer": _count(kept, lambda pa: pa.offers),
            "day": _count(kept, lambda pa: pa.days),
            "time": _count(kept, lambda pa: pa.times),
        }
        return Matches(kept, counts)


def _count(pas, codes_of) -> dict[str, int]:
    counts: dict[str, int] = {}
    for pa in pas:
        for code in set(codes_of(pa)):
            counts[code] = counts.get(code, 0) + 1
    return counts


@dataclass(frozen=True)
class Matches:
    pas: list
    option_counts: dict[str, dict[str, int]]


SEARCH_PARAMETERS = frozenset(PersonalAssistantFilter.base_filters) | {"page"}
