"""The directory's filters: what each query-string parameter means and how it narrows the list."""

import django_filters
from django import forms
from django.db.models import F

from . import full_text
from .forms import DirectoryFilterForm, PostcodeField
from .models import Tier
from .querysets import FilterOptions
from .search import fts_match
from .timings import TimeOfWeek

DISTANCES = [(1, "1 mile"), (3, "3 miles"), (5, "5 miles"), (10, "10 miles"), (20, "20 miles")]
DEFAULT_DISTANCE = 10
DAYS = [
    ("monday", "Monday"),
    ("tuesday", "Tuesday"),
    ("wednesday", "Wednesday"),
    ("thursday", "Thursday"),
    ("friday", "Friday"),
    ("saturday", "Saturday"),
    ("sunday", "Sunday"),
]
ONLY = [
    ("free", "Free"),
    ("direct_payments", "Can be paid for with a direct payment"),
    ("places", "Has places now"),
]
SORTS = [
    ("", "Best match"),
    ("distance", "Distance"),
    ("relevance", "Relevance"),
    ("name", "Name (A to Z)"),
    ("checked", "Most recently checked"),
]
MAX_AGE = 25


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
        max_length=200,
        error_messages={"max_length": "Search words must be 200 characters or fewer"},
    )
    postcode = PostcodeFilter(
        label="Postcode",
        help_text="Your postcode, or its first half, like DT1",
        method="filter_near",
    )
    distance = django_filters.TypedChoiceFilter(
        label="Within",
        choices=DISTANCES,
        coerce=int,
        empty_value=DEFAULT_DISTANCE,
        method="apply_with_postcode",
        error_messages=_choice_errors("a distance"),
    )
    age = WholeNumberFilter(
        label="Child's age",
        help_text="In years, from 0 to 25",
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

    def __init__(self, data=None, *args, options: FilterOptions, council_name: str, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.options = options
        self.council_name = council_name
        self.origin = None  # where the family is, once a postcode has been looked up
        self.miles = None
        self.locality_mask = 0  # with a postcode: its locality, for services that come to you
        self.fts_match = None  # the FTS5 query, where SQLite must rank the results itself
        self.before_keywords = None  # with it: the filtered services before that match
        self.before_distance = None  # with a postcode: the filtered services but for distance
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
        if not value.strip():
            return queryset
        if full_text.engine(queryset.db) == "fts5":
            # Matched last, in filter_queryset, so that SQLite's ranked page can join the
            # FTS5 match to the other filters once rather than match twice.
            self.fts_match = fts_match(value)
            return queryset
        return queryset.matching(value)

    def filter_near(self, queryset, name, located):
        # Applied last, in filter_queryset, so that the nearest page can start from the
        # venues in range and check them against every other filter.
        self.origin = located.point
        self.miles = self.form.cleaned_data.get("distance") or DEFAULT_DISTANCE
        locality = next((t for t in self.options.localities if t.id == located.locality_id), None)
        self.locality_mask = (1 << locality.bit) if locality else 0
        return queryset

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
        return queryset.on_any_day(index for index, (code, _) in enumerate(DAYS) if code in days)

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

    def _matching_keywords(self, queryset):
        return queryset if self.fts_match is None else queryset.fts_matching(self.fts_match)

    # ------------------------------------------------------------------ ordering

    @property
    def chosen_sort(self):
        """The order the results come in: what was asked for if it applies, else the best
        match: relevance with keywords, distance with a postcode, otherwise name."""
        cleaned = self.form.cleaned_data
        has_keywords = bool((cleaned.get("q") or "").strip())
        has_postcode = cleaned.get("postcode") is not None
        applicable = (
            {"name", "checked"}
            | ({"relevance"} if has_keywords else set())
            | ({"distance"} if has_postcode else set())
        )
        asked = cleaned.get("sort")
        if asked in applicable:
            return asked
        if has_keywords:
            return "relevance"
        return "distance" if has_postcode else "name"

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)  # all but distance and SQLite's FTS5
        if self.origin is not None:
            self.before_distance = self._matching_keywords(queryset)
            queryset = queryset.within_reach(
                self.origin, self.miles, locality_mask=self.locality_mask
            )
        self.before_keywords = queryset
        queryset = self._matching_keywords(queryset)
        order = {
            "relevance": (
                [F("rank").desc(), "name", "pk"]
                if full_text.engine(queryset.db) == "postgresql"
                else ["name", "pk"]
            ),
            # By name here; directory.results orders by distance, and by relevance on SQLite,
            # from figures the database does not have.
            "distance": ["name", "pk"],
            "name": ["name", "pk"],
            "checked": [F("last_checked_on").desc(nulls_last=True), "name", "pk"],
        }[self.chosen_sort]
        return queryset.order_by(*order)
