"""The directory's filters: what each query-string parameter means and how it narrows the list."""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

import django_filters
from django import forms
from django.db.models import F

from . import full_text
from .ages import MAX_AGE
from .distance import Point
from .forms import DirectoryFilterForm, PostcodeField
from .models import Tier
from .models.council import DEFAULT_SEARCH_RADIUS_MILES, LONGEST_SEARCH_RADIUS_MILES
from .presenters import describe_miles
from .querysets import FilterOptions
from .search_index import SearchIndex
from .timings import TimeOfWeek, Weekday

MAX_KEYWORDS = 200  # characters
MILES = (1, 3, 5, 10, LONGEST_SEARCH_RADIUS_MILES)  # "Within", and the council's radius
DAYS = [(day.code, day.label) for day in Weekday]
ONLY = [
    ("free", "Free"),
    ("direct_payments", "Can be paid for with a direct payment"),
    ("places", "Has places now"),
]
SORTS = [
    ("", "Best match"),  # the default: an old link's empty `sort=` still reads
    ("distance", "Nearest first"),
    ("relevance", "Relevance"),
    ("name", "Name (A to Z)"),
    ("checked", "Most recently checked"),
]


@dataclass(frozen=True)
class Reach:
    """A search by distance: from where, how far, and the locality of services that come to
    families at home (a mask; 0 for a postcode outside every locality)."""

    origin: Point
    miles: int
    locality_mask: int


def _union(sets) -> int:
    members = 0
    for one in sets:
        members |= one
    return members


class PostcodeFilter(django_filters.Filter):
    field_class = PostcodeField


class WholeNumberFilter(django_filters.Filter):
    field_class = forms.IntegerField


def _choice_errors(what):
    message = f"Select {what} from the list"  # noqa: S608 (an error message, not SQL)
    return {"invalid_choice": message, "invalid_list": message}


class ServiceFilter(django_filters.FilterSet):
    """Filters for published services. Each multiple-choice group matches any of its values,
    except venue accessibility, where one venue must have all of them; groups combine with AND."""

    q = django_filters.CharFilter(
        label="Search",
        method="filter_keywords",
        max_length=MAX_KEYWORDS,
        error_messages={
            "max_length": f"Search words must be {MAX_KEYWORDS} characters or fewer",
        },
    )
    postcode = PostcodeFilter(
        label="Postcode",
        help_text="Your postcode, or its first half, like DT1",
        method="filter_near",
    )
    distance = django_filters.TypedChoiceFilter(
        label="Within",
        coerce=int,
        method="apply_with_postcode",
        error_messages=_choice_errors("a distance"),
    )
    age = WholeNumberFilter(
        label="Child's age",
        help_text=f"In years, from 0 to {MAX_AGE}",
        method="filter_age",
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": "Enter your child's age as a number, like 9",
            "min_value": f"Enter an age from 0 to {MAX_AGE}",
            "max_value": f"Enter an age from 0 to {MAX_AGE}",
        },
    )
    age_band = django_filters.ChoiceFilter(
        label="Age group",
        method="filter_age_band",
        empty_label=None,
        error_messages=_choice_errors("an age group"),
    )
    need = django_filters.MultipleChoiceFilter(
        label="Needs it supports", method="filter_needs", error_messages=_choice_errors("needs")
    )
    kind = django_filters.MultipleChoiceFilter(
        label="Kind of break",
        method="filter_kinds",
        error_messages=_choice_errors("kinds of break"),
    )
    day = django_filters.MultipleChoiceFilter(
        label="Days", choices=DAYS, method="filter_days", error_messages=_choice_errors("days")
    )
    time = django_filters.MultipleChoiceFilter(
        label="Times",
        choices=TimeOfWeek.choices,
        method="filter_times",
        error_messages=_choice_errors("times"),
    )
    locality = django_filters.MultipleChoiceFilter(
        label="Area served",
        method="filter_localities",
        error_messages=_choice_errors("areas"),
    )
    tier = django_filters.MultipleChoiceFilter(
        label="How to get a place",
        choices=Tier.choices,
        method="filter_tiers",
        error_messages=_choice_errors("how to get a place"),
    )
    only = django_filters.MultipleChoiceFilter(
        label="Show only",
        choices=ONLY,
        method="filter_only",
        error_messages=_choice_errors("options"),
    )
    access = django_filters.MultipleChoiceFilter(
        label="The venue has all of",
        method="filter_access",
        error_messages=_choice_errors("accessibility features"),
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=SORTS,
        empty_label=None,
        method="apply_in_order",
        error_messages=_choice_errors("how to sort"),
    )

    class Meta:
        form = DirectoryFilterForm
        fields = []

    def __init__(
        self,
        data=None,
        *args,
        options: FilterOptions,
        council_name: str,
        radius_miles: int = DEFAULT_SEARCH_RADIUS_MILES,
        **kwargs,
    ):
        super().__init__(data, *args, **kwargs)
        self.options = options
        self.council_name = council_name
        self.radius_miles = radius_miles
        # A postcode on its own searches the council's radius, and the select shows it chosen.
        self.filters["distance"].extra.update(
            choices=[(miles, describe_miles(miles)) for miles in sorted({*MILES, radius_miles})],
            empty_value=radius_miles,
            initial=radius_miles,
        )
        choices = {
            "locality": options.localities,
            "need": options.needs,
            "kind": options.kinds,
            "access": options.features,
            "age_band": options.age_bands,
        }
        for name, terms in choices.items():
            self.filters[name].extra["choices"] = [(term.code, term.name) for term in terms]

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            form.council_name = self.council_name
        return self._form

    # ------------------------------------------------------------------ applying

    def filter_keywords(self, queryset, name, value):
        return queryset.matching(value) if value.strip() else queryset

    def filter_near(self, queryset, name, located):
        reach = self.reach
        return queryset.within_reach(reach.origin, reach.miles, locality_mask=reach.locality_mask)

    def apply_with_postcode(self, queryset, name, value):
        return queryset

    def apply_in_order(self, queryset, name, value):
        return queryset

    def filter_age(self, queryset, name, age):
        return queryset.for_age(age)

    def filter_age_band(self, queryset, name, code):
        band = next(band for band in self.options.age_bands if band.code == code)
        return queryset.for_ages(band.min_age, band.max_age)

    def filter_needs(self, queryset, name, codes):
        return queryset.with_any_need(self.options.mask("needs", codes))

    def filter_kinds(self, queryset, name, codes):
        return queryset.with_any_kind(self.options.mask("kinds", codes))

    def filter_days(self, queryset, name, days):
        return queryset.on_any_day(day for day in Weekday if day.code in days)

    def filter_times(self, queryset, name, times):
        return queryset.at_any_time(times)

    def filter_localities(self, queryset, name, codes):
        return queryset.in_localities(self.options.mask("localities", codes))

    def filter_tiers(self, queryset, name, tiers):
        return queryset.in_tiers(tiers)

    def filter_only(self, queryset, name, options):
        if "free" in options:
            queryset = queryset.free()
        if "direct_payments" in options:
            queryset = queryset.accepting_direct_payments()
        if "places" in options:
            queryset = queryset.with_places()
        return queryset

    def filter_access(self, queryset, name, codes):
        return queryset.at_venue_with_all_features(codes)

    # ------------------------------------------------------------------ in the search index

    @property
    def keywords(self) -> str:
        """The search words, or '' for none."""
        return (self.form.cleaned_data.get("q") or "").strip()

    @property
    def reach(self) -> "Reach | None":
        """Where the family is and how far they will go, with a known postcode; else None."""
        located = self.form.cleaned_data.get("postcode")
        if located is None:
            return None
        locality = next((t for t in self.options.localities if t.id == located.locality_id), None)
        return Reach(
            located.point,
            self.form.cleaned_data.get("distance") or self.radius_miles,
            (1 << locality.bit) if locality else 0,
        )

    def kept_in(self, index: SearchIndex) -> int:
        """The services in the search index that every filter keeps but keywords, venue
        accessibility and distance, which need the database (directory.results). The same
        rules as the filter methods above; tests compare the two on generated searches."""
        cleaned, options = self.form.cleaned_data, self.options
        kept = index.everything
        if cleaned.get("age") is not None:
            kept &= index.for_ages(cleaned["age"], cleaned["age"])
        if cleaned.get("age_band"):
            band = next(band for band in options.age_bands if band.code == cleaned["age_band"])
            kept &= index.for_ages(band.min_age, band.max_age)
        for filter_name, list_name in (
            ("need", "needs"),
            ("kind", "kinds"),
            ("locality", "localities"),
        ):
            if cleaned.get(filter_name):
                kept &= index.any_of(list_name, options.mask(list_name, cleaned[filter_name]))
        days = cleaned.get("day") or ()
        any_of = (
            [f"day_{day.value}" for day in Weekday if day.code in days],
            [f"time_{time}" for time in cleaned.get("time") or ()],
            [f"tier_{tier}" for tier in cleaned.get("tier") or ()],
        )
        for names in any_of:
            if names:
                kept &= _union(index.option(name) for name in names)
        for only in cleaned.get("only") or ():
            kept &= index.option(only)
        return kept

    # ------------------------------------------------------------------ ordering

    @property
    def sorts(self) -> list[tuple[str, str]]:
        """The orders this search can come in, as (value, label): by distance only from a
        postcode, by relevance only with keywords."""
        applies = {
            "distance": self.form.cleaned_data.get("postcode") is not None,
            "relevance": bool(self.keywords),
        }
        return [(value, label) for value, label in SORTS if value and applies.get(value, True)]

    @property
    def asked_sort(self) -> str:
        """The order the family chose, or '' when they chose none (or one not in the list)."""
        return self.form.cleaned_data.get("sort") or ""

    @property
    def chosen_sort(self):
        """The order the results come in: the family's choice if it applies, else the best
        match: relevance with keywords, nearest first with a postcode, otherwise by name."""
        applicable = [value for value, _ in self.sorts]
        if self.asked_sort in applicable:
            return self.asked_sort
        for best in ("relevance", "distance"):
            if best in applicable:
                return best
        return "name"

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        order = {
            "relevance": (
                [F("rank").desc(), "name", "pk"]
                if full_text.engine(queryset.db) == "postgresql"
                else ["name", "pk"]
            ),
            # By name here; directory.results orders the results page by distance, and by
            # relevance on SQLite, from figures the database does not have.
            "distance": ["name", "pk"],
            "name": ["name", "pk"],
            "checked": [F("last_checked_on").desc(nulls_last=True), "name", "pk"],
        }[self.chosen_sort]
        return queryset.order_by(*order)


# ---------------------------------------------------------------------------- a search's address

SEARCH_PARAMETERS = frozenset(ServiceFilter.base_filters) | {"page"}
LONGEST_SEARCH = 1500  # characters of query string a link may carry back to the results


def search_query(pairs: Iterable[tuple[str, str]]) -> str:
    """The query string of a directory search: its own parameters among `pairs`, in order."""
    return urlencode([(name, value) for name, value in pairs if name in SEARCH_PARAMETERS])


def returnable_search(raw: str | None) -> str | None:
    """The directory search a link carries back to (a query string, as `search_query` writes
    it), written afresh; None for anything else: too long, malformed, or with a parameter the
    search does not have. The link is untrusted: this is what keeps it a search of this
    directory and nothing else."""
    if not raw or len(raw) > LONGEST_SEARCH:
        return None
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    if any(name not in SEARCH_PARAMETERS for name, _ in pairs):
        return None
    return urlencode(pairs)
