"""What a search keeps, how many each filter option would keep, and in what order: every rule
of the directory's search, written once, over the search index (ADR 0011).

The results page, the CSV of a search and the Open Referral API each turn their parameters
into a `Search` and ask `find`; nothing else decides which services a search returns.

A search is a set of groups, each narrowing the results (they combine with AND). Within a
group, options combine with "all of" (needs, "show only", venue accessibility: a child has
every one of its needs) or "any of" (kinds of break, days, times, areas, tiers). The number
beside an option is the number of results a family gets by choosing it, from the current
search: for an "any of" group that is the other groups' results with the option added to the
group's choice; for an "all of" group, the results that also have the option.
"""

import math
from dataclasses import dataclass

import numpy as np

from . import keywords
from .distance import Point
from .keyword_index import KeywordMatch
from .models import Tier
from .search_index import SearchIndex, flags_of, positions_of
from .timings import TimeOfWeek, Weekday

# How each group combines its options.
ALL_OF = ("need", "only", "access")
ANY_OF = ("kind", "locality", "day", "time", "tier")
SORTS = ("relevance", "distance", "name", "checked")


@dataclass(frozen=True)
class Reach:
    """A search by distance: from where, how far, and the locality of services that come to
    families at home (a mask; 0 for none, or for venues only)."""

    origin: Point
    miles: float
    locality_mask: int = 0


@dataclass(frozen=True)
class SessionTimes:
    """One session on a weekday (any, if None) that starts at or after and ends by these
    times, in minutes from midnight (None for no limit). The open data's rule."""

    weekday: int | None = None
    starts_from: int | None = None
    ends_by: int | None = None


@dataclass(frozen=True)
class Search:
    """Everything a search can ask, each part optional. Masks are the council lists' bits
    (FilterOptions.mask)."""

    keywords: str = ""
    age: int | None = None
    age_band: tuple[int, int] | None = None  # youngest, oldest
    needs: int = 0  # all of
    kinds: int = 0  # any of
    localities: int = 0  # any of
    days: tuple[int, ...] = ()  # any of, 0 is Monday
    times: tuple[str, ...] = ()  # any of
    tiers: tuple[str, ...] = ()  # any of
    only: tuple[str, ...] = ()  # all of: 'free', 'direct_payments', 'places'
    access: int = 0  # one venue with all of them
    reach: Reach | None = None
    # The open data's own questions.
    with_any_term_of: tuple[str, ...] = ()  # list names: services with any of its terms
    ages_within: tuple[float | None, float | None] = (None, None)
    serving: int = 0  # a postcode's area: services that serve it (a localities mask)
    session_times: SessionTimes | None = None
    sort: str = "name"


@dataclass
class Found:
    """The services a search keeps, as a set of index positions, with what it took."""

    members: int
    groups: dict[str, int]  # each group's own set, for the counts
    words: KeywordMatch | None = None
    place: str | None = None  # the place named in the keywords, as the council spells it
    nearest: np.ndarray | None = None  # each position's nearest venue, distance squared
    near_links: np.ndarray | None = None  # indexes of the venue links within reach

    @property
    def total(self) -> int:
        return self.members.bit_count()


def _union(sets) -> int:
    members = 0
    for one in sets:
        members |= one
    return members


def place_names(index: SearchIndex, localities) -> dict[str, tuple[str, int]]:
    """The places a search may name: each venue's town (services with a venue there) and each
    area (services that serve it), keyed by name as the council spells it."""
    places = dict.fromkeys(index.town_names.values(), ("town", 0))
    for term in localities:
        places[term.name] = ("area", 1 << term.bit)
    return places


def find(search: Search, index: SearchIndex, synonyms=None, localities=()) -> Found:
    """The services the search keeps, each group's set, the words and the distances."""
    groups: dict[str, int] = {}
    if search.age is not None:
        groups["age"] = index.for_ages(search.age, search.age)
    if search.age_band is not None:
        groups["age_band"] = index.for_ages(*search.age_band)
    if search.needs:
        groups["need"] = index.all_of("needs", search.needs)
    if search.kinds:
        groups["kind"] = index.any_of("kinds", search.kinds)
    if search.localities:
        groups["locality"] = index.any_of("localities", search.localities)
    if search.days:
        groups["day"] = _union(index.option(f"day_{day}") for day in search.days)
    if search.times:
        groups["time"] = _union(index.option(f"time_{time}") for time in search.times)
    if search.tiers:
        groups["tier"] = _union(index.option(f"tier_{tier}") for tier in search.tiers)
    if search.only:
        only = index.live
        for option in search.only:
            only &= index.option(option)
        groups["only"] = only
    if search.access:
        groups["access"] = index.at_venue_with_all(search.access)
    for list_name in search.with_any_term_of:
        groups[f"any_{list_name}"] = index.any_of(list_name, (1 << 64) - 1)
    if search.serving:
        groups["serving"] = index.any_of("localities", search.serving)
    if search.ages_within != (None, None):
        groups["ages_within"] = index.ages_within(*search.ages_within)
    if (times := search.session_times) is not None:
        groups["session"] = index.in_session_times(times.weekday, times.starts_from, times.ends_by)
    found = Found(0, groups)
    if (reach := search.reach) is not None:
        links, distances = index.links.near(reach.origin, reach.miles)
        positions = index.links.positions.view()[links]
        nearest = np.full(index.size, np.inf)
        np.minimum.at(nearest, positions, distances)
        within = index.of_positions(positions) & index.live
        if reach.locality_mask:
            within |= index.option("no_venue") & index.any_of("localities", reach.locality_mask)
        groups["reach"] = within
        found.nearest, found.near_links = nearest, links
    if search.keywords.strip():
        _find_words(search.keywords, index, synonyms, localities, found)
    members = index.live
    for members_of_group in groups.values():
        members &= members_of_group
    found.members = members
    return found


def _find_words(text: str, index: SearchIndex, synonyms, localities, found: Found) -> None:
    places = place_names(index, localities)
    place, rest = keywords.place_in(text, places)
    if place is not None:
        kind, mask = places[place]
        in_place = index.in_town(place) if kind == "town" else index.any_of("localities", mask)
        found.groups["place"] = in_place
        found.place = place
    query = keywords.parse(rest, synonyms or keywords.Synonyms.of([]))
    if query:
        found.words = index.words.match(query, index.live, index.size)
        found.groups["words"] = found.words.members


# ---------------------------------------------------------------------------- counts


def _others(found: Found, index: SearchIndex, group: str) -> int:
    """The results of every group but one."""
    members = index.live
    for name, members_of_group in found.groups.items():
        if name != group:
            members &= members_of_group
    return members


def option_counts(search: Search, found: Found, index: SearchIndex, options) -> dict:
    """filter name -> option code -> the number of results with that option chosen as well."""
    total = found.total
    chosen = _chosen(search, options)
    counts: dict[str, dict[str, int]] = {}
    option_sets = {
        "need": {t.code: index.option(f"needs_{t.bit}") for t in options.needs},
        "kind": {t.code: index.option(f"kinds_{t.bit}") for t in options.kinds},
        "locality": {t.code: index.option(f"localities_{t.bit}") for t in options.localities},
        "day": {code: index.option(f"day_{i}") for i, code in enumerate(DAY_CODES)},
        "time": {time: index.option(f"time_{time}") for time in TIME_CODES},
        "tier": {tier: index.option(f"tier_{tier}") for tier in TIER_CODES},
        "only": {code: index.option(code) for code in ONLY_CODES},
    }
    for group, sets in option_sets.items():
        if group in ALL_OF:
            counts[group] = {
                code: total if code in chosen[group] else (found.members & one).bit_count()
                for code, one in sets.items()
            }
            continue
        others = _others(found, index, group)
        already = _union(one for code, one in sets.items() if code in chosen[group])
        counts[group] = {
            code: total if code in chosen[group] else (others & (already | one)).bit_count()
            for code, one in sets.items()
        }
    others = _others(found, index, "access")
    counts["access"] = {
        term.code: total
        if term.code in chosen["access"]
        else (others & index.at_venue_with_all(search.access | 1 << term.bit)).bit_count()
        for term in options.features
    }
    others = _others(found, index, "age_band")
    counts["age_band"] = {
        band.code: total
        if band.code in chosen["age_band"]
        else (others & index.for_ages(band.min_age, band.max_age)).bit_count()
        for band in options.age_bands
    }
    return counts


def _chosen(search: Search, options) -> dict[str, set]:
    def codes(terms, mask):
        return {term.code for term in terms if mask >> term.bit & 1}

    band = search.age_band
    return {
        "need": codes(options.needs, search.needs),
        "kind": codes(options.kinds, search.kinds),
        "locality": codes(options.localities, search.localities),
        "access": codes(options.features, search.access),
        "day": {DAY_CODES[day] for day in search.days},
        "time": set(search.times),
        "tier": set(search.tiers),
        "only": set(search.only),
        "age_band": {b.code for b in options.age_bands if band == (b.min_age, b.max_age)},
    }


# ---------------------------------------------------------------------------- order


def ordered(found: Found, index: SearchIndex, sort: str) -> np.ndarray:
    """The positions of the services found, in the order chosen. Ties, and services with no
    venue in a search by distance, go by name."""
    if sort == "relevance" and found.words is not None:
        positions = positions_of(found.members, index.size)
        scores = found.words.scores(positions)
        ranks = index.name_ranks()[positions]
        return positions[np.lexsort((ranks, -scores))]
    if sort == "distance" and found.nearest is not None:
        positions = positions_of(found.members, index.size)
        ranks = index.name_ranks()[positions]
        return positions[np.lexsort((ranks, found.nearest[positions]))]
    return index.in_order(found.members, "checked" if sort == "checked" else "name")


def links_in_order(found: Found, index: SearchIndex) -> np.ndarray:
    """The venue links of the services found (only those within reach, in a search by
    distance), by service name, then venue."""
    links = index.links
    candidates = (
        found.near_links
        if found.near_links is not None
        else np.arange(len(links.keys), dtype=np.int64)
    )
    positions = links.positions.view()[candidates]
    kept = candidates[flags_of(found.members, index.size)[positions]]
    ranks = index.name_ranks()[links.positions.view()[kept]]
    return kept[np.lexsort((kept, ranks))]


def miles(found: Found, position: int) -> float | None:
    """How far the service's nearest venue within reach is, in miles; None if none is."""
    if found.nearest is None or not math.isfinite(found.nearest[position]):
        return None
    return math.sqrt(found.nearest[position])


# The codes of the fixed lists, in display order (directory.filters names them for people).
DAY_CODES = tuple(day.code for day in Weekday)
TIME_CODES = tuple(TimeOfWeek.values)
TIER_CODES = tuple(Tier.values)
ONLY_CODES = ("free", "direct_payments", "places")
