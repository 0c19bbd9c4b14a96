"""A page of directory results: found, counted and ordered in the search index
(directory.searches), then only the page's services loaded, in a fixed number of queries."""

import math
from dataclasses import dataclass
from functools import lru_cache

from . import search_index, searches
from .filters import ServiceFilter
from .keywords import Synonyms
from .models import Service


@lru_cache(maxsize=8)
def synonyms_of(groups: tuple[str, ...]) -> Synonyms:
    """The council's synonyms, read once for each version of them."""
    return Synonyms.of(groups)


def _find(search: searches.Search, index, options) -> searches.Found:
    """The search over the index, with the council's synonyms and areas."""
    return searches.find(search, index, synonyms_of(options.synonyms), options.localities)


class PageOutOfRange(Exception):
    """The page asked for does not exist; `nearest` does."""

    def __init__(self, nearest: int):
        super().__init__(nearest)
        self.nearest = nearest


@dataclass(frozen=True)
class ResultsPage:
    services: list[Service]  # each with `.listing` and `.distance` in miles, or None
    total: int
    number: int
    num_pages: int
    option_counts: dict[str, dict[str, int]]  # filter name -> option code -> results with it
    place: str | None = None  # the place the keywords named, as the council spells it
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, searched instead)
    suggestion: str | None = None  # "did you mean", when nothing was found


def results_page(filterset: ServiceFilter, *, number: int, size: int) -> ResultsPage:
    """The `number`th page of `size` results, with the count for every filter option.

    Raises PageOutOfRange for a page past the last."""
    options = filterset.options
    search = filterset.search
    with search_index.reading(options.index_version) as index:
        found = _find(search, index, options)
        total = found.total
        num_pages = max(1, math.ceil(total / size))
        if number > num_pages:
            raise PageOutOfRange(num_pages)
        page = searches.ordered(found, index, search.sort)[(number - 1) * size : number * size]
        page_keys = [index.keys[position] for position in page]
        distances = [searches.miles(found, position) for position in page]
        counts = searches.option_counts(search, found, index, options)
    page_ids = page_keys
    loaded = {s.pk: s for s in Service.objects.with_ids(page_ids).listings() if s.is_published}
    services = []
    for pk, distance in zip(page_ids, distances, strict=True):
        if pk in loaded:
            loaded[pk].distance = distance
            services.append(loaded[pk])
    words = found.words
    return ResultsPage(
        services,
        total,
        number,
        num_pages,
        counts,
        place=found.place,
        corrections=tuple(words.corrections) if words else (),
        suggestion=_with_place(words.suggestion, found.place) if words and not total else None,
    )


def ids_in_order(search: searches.Search, options, start: int = 0, end: int | None = None):
    """How many services the search finds, and the ids of the `start`:`end` slice of them in
    its order (the CSV of a search takes them all; the open data a page)."""
    with search_index.reading(options.index_version) as index:
        found = _find(search, index, options)
        ordered = searches.ordered(found, index, search.sort)
        keys = [index.keys[position] for position in ordered[start:end]]
    return found.total, keys


def link_ids_in_order(search: searches.Search, options, start: int, end: int):
    """How many venue links of the services found there are (only those within reach, in a
    search by distance), and the ids of the `start`:`end` slice, by service name then venue."""
    with search_index.reading(options.index_version) as index:
        found = _find(search, index, options)
        links = searches.links_in_order(found, index)
        keys = [index.links.keys[link] for link in links[start:end]]
    return len(links), keys


def _with_place(suggestion: str | None, place: str | None) -> str | None:
    """The place the family named stays in "did you mean": only the words were corrected."""
    if suggestion is None or place is None:
        return suggestion
    return f"{suggestion} {place}"
