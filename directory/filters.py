"""The directory's filters: what each query-string parameter means and how it narrows the list."""

from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode

import django_filters
from django import forms

from .ages import MAX_AGE
from .forms import DirectoryFilterForm, PostcodeField
from .models import Service, Tier
from .models.council import DEFAULT_SEARCH_RADIUS_MILES, LONGEST_SEARCH_RADIUS_MILES
from .presenters import describe_miles
from .querysets import FilterOptions
from .searches import Reach, Search
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


class PostcodeFilter(django_filters.Filter):
    field_class = PostcodeField


class WholeNumberFilter(django_filters.Filter):
    field_class = forms.IntegerField


def child_age_filter() -> WholeNumberFilter:
    """The child's age in whole years, 0 to MAX_AGE, as every search of the site asks it."""
    return WholeNumberFilter(
        label="Child's age",
        help_text=f"In years, from 0 to {MAX_AGE}",
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": "Enter your child's age as a number, like 9",
            "min_value": f"Enter an age from 0 to {MAX_AGE}",
            "max_value": f"Enter an age from 0 to {MAX_AGE}",
        },
    )


def _choice_errors(what):
    message = f"Select {what} from the list"  # noqa: S608 (an error message, not SQL)
    return {"invalid_choice": message, "invalid_list": message}


class ServiceFilter(django_filters.FilterSet):
    """What a directory search's query string means: its fields, their choices and errors,
    and the Search they ask for (directory.searches says which services that keeps). Groups
    combine with AND; needs, "show only" and venue accessibility with "all of" within the
    group, the others with "any of"; each legend says which."""

    q = django_filters.CharFilter(
        label="Search",
        max_length=MAX_KEYWORDS,
        error_messages={
            "max_length": f"Search words must be {MAX_KEYWORDS} characters or fewer",
        },
    )
    postcode = PostcodeFilter(
        label="Postcode",
        help_text="Your postcode, or its first half, like DT1",
    )
    distance = django_filters.TypedChoiceFilter(
        label="Within",
        coerce=int,
        error_messages=_choice_errors("a distance"),
    )
    age = child_age_filter()
    age_band = django_filters.ChoiceFilter(
        label="Age group",
        empty_label=None,
        error_messages=_choice_errors("an age group"),
    )
    need = django_filters.MultipleChoiceFilter(
        label="Supports all of these needs", error_messages=_choice_errors("needs")
    )
    kind = django_filters.MultipleChoiceFilter(
        label="Any of these kinds of break",
        error_messages=_choice_errors("kinds of break"),
    )
    day = django_filters.MultipleChoiceFilter(
        label="On any of these days", choices=DAYS, error_messages=_choice_errors("days")
    )
    time = django_filters.MultipleChoiceFilter(
        label="At any of these times",
        choices=TimeOfWeek.choices,
        error_messages=_choice_errors("times"),
    )
    locality = django_filters.MultipleChoiceFilter(
        label="Serves any of these areas",
        error_messages=_choice_errors("areas"),
    )
    tier = django_filters.MultipleChoiceFilter(
        label="Any of these ways to get a place",
        choices=Tier.choices,
        error_messages=_choice_errors("how to get a place"),
    )
    only = django_filters.MultipleChoiceFilter(
        label="Only services with all of these",
        choices=ONLY,
        error_messages=_choice_errors("options"),
    )
    access = django_filters.MultipleChoiceFilter(
        label="The venue has all of",
        error_messages=_choice_errors("accessibility features"),
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=SORTS,
        empty_label=None,
        error_messages=_choice_errors("how to sort"),
    )

    class Meta:
        model = Service
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

    def filter_queryset(self, queryset):
        raise NotImplementedError(
            "A directory search is answered by directory.searches over the search index: "
            "use ServiceFilter.search."
        )

    # ------------------------------------------------------------------ the search

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

    @property
    def search(self) -> Search:
        """What the valid parts of the query string ask for (the form shows the rest)."""
        self.form.is_valid()
        cleaned, options = self.form.cleaned_data, self.options
        band = next((b for b in options.age_bands if b.code == cleaned.get("age_band")), None)
        days = cleaned.get("day") or ()
        return Search(
            keywords=self.keywords,
            age=cleaned.get("age"),
            age_band=(band.min_age, band.max_age) if band else None,
            needs=options.mask("needs", cleaned.get("need") or ()),
            kinds=options.mask("kinds", cleaned.get("kind") or ()),
            localities=options.mask("localities", cleaned.get("locality") or ()),
            days=tuple(i for i, day in enumerate(Weekday) if day.code in days),
            times=tuple(cleaned.get("time") or ()),
            tiers=tuple(cleaned.get("tier") or ()),
            only=tuple(cleaned.get("only") or ()),
            access=options.mask("features", cleaned.get("access") or ()),
            reach=self.reach,
            sort=self.chosen_sort,
        )

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
