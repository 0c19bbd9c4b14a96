"""Which places and services fit a directory search. The service must be one the search finds
(directory.searches over the search index: the directory's own rules, written once); the
place itself must then suit the search's child and kind of break, within what its service says
(`suits`, the one rule this module adds)."""

import dataclasses
import weakref
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from .. import search_index, searches
from ..results import synonyms_of
from ..searches import Search


@dataclass(frozen=True)
class PlaceFacts:
    """Who each of a list of places suits, one entry per place: its ages and needs (its own,
    or its service's when it names none) and its kind of break's bit; with its id, service
    and when it was posted."""

    ids: list
    service_ids: list
    posted_at: np.ndarray  # timestamps (empty unless asked for)
    min_ages: np.ndarray
    max_ages: np.ndarray
    needs: np.ndarray  # each place's needs mask
    kind_bits: np.ndarray
    offered_until: np.ndarray = dataclasses.field(  # timestamps
        default_factory=lambda: np.zeros(0, dtype=np.float64)
    )

    @classmethod
    def of(cls, places, *, posted: bool = False) -> "PlaceFacts":
        """The facts of a queryset of places, in its order, in two queries of plain values
        (a page's or an alert run's places are many; loading them whole cost most of it).
        When they were posted only if `posted` (the families' page has no use for it)."""
        columns = [
            "id",
            "service_id",
            "min_age",
            "max_age",
            "service__min_age",
            "service__max_age",
            "service__needs_mask",
            "kind__bit",
            "offered_until",
        ]
        rows = list(places.values_list(*columns, *(["posted_at"] if posted else [])))
        own_needs: dict = {}
        if rows:
            needs = places.model.needs.through.objects.filter(
                shortnoticeplace__in=places.order_by().values("pk")
            )
            for place_id, bit in needs.values_list("shortnoticeplace_id", "need__bit"):
                own_needs[place_id] = own_needs.get(place_id, 0) | 1 << bit
        values = list(zip(*rows, strict=True)) or [()] * (len(columns) + posted)
        ids, service_ids, mins, maxes, service_mins, service_maxes, masks, kinds, until = values[:9]
        posted_at = values[9] if posted else ()
        return cls(
            list(ids),
            list(service_ids),
            np.array([moment.timestamp() for moment in posted_at], dtype=np.float64),
            np.array(
                [_or(own, theirs) for own, theirs in zip(mins, service_mins, strict=True)],
                dtype=np.int64,
            ),
            np.array(
                [_or(own, theirs) for own, theirs in zip(maxes, service_maxes, strict=True)],
                dtype=np.int64,
            ),
            np.array(
                [own_needs.get(pk) or mask for pk, mask in zip(ids, masks, strict=True)],
                dtype=np.int64,
            ),
            np.array(kinds, dtype=np.int64),
            np.array([moment.timestamp() for moment in until], dtype=np.float64),
        )

    def offered_after(self, moment) -> "PlaceFacts":
        """The places whose offer has not ended at `moment`, in the same order."""
        kept = self.offered_until > moment.timestamp()
        return PlaceFacts(
            [pk for pk, keep in zip(self.ids, kept, strict=True) if keep],
            [pk for pk, keep in zip(self.service_ids, kept, strict=True) if keep],
            self.posted_at[kept] if len(self.posted_at) else self.posted_at,
            self.min_ages[kept],
            self.max_ages[kept],
            self.needs[kept],
            self.kind_bits[kept],
            self.offered_until[kept],
        )

    def __len__(self) -> int:
        return len(self.ids)


def _or(own, services):
    return services if own is None else own


def suits(search: Search, facts: PlaceFacts) -> np.ndarray:
    """A place suits a search when it takes a child of the age asked (or someone in the age
    group asked), supports every need asked, and is one of the kinds of break asked."""
    fits = np.ones(len(facts.min_ages), dtype=bool)
    if search.age is not None:
        fits &= (facts.min_ages <= search.age) & (facts.max_ages >= search.age)
    if search.age_band is not None:
        youngest, oldest = search.age_band
        fits &= (facts.min_ages <= oldest) & (facts.max_ages >= youngest)
    if search.needs:
        fits &= (facts.needs & search.needs) == search.needs
    if search.kinds:
        fits &= ((search.kinds >> facts.kind_bits) & 1).astype(bool)
    return fits


# Each index's service ids and their newest positions, kept as the index grows: positions
# are given in order and never reused, so what is known of a size stays true (search_index).
_KEY_POSITIONS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _key_positions(index: search_index.SearchIndex) -> dict:
    size, positions = _KEY_POSITIONS.get(index, (0, {}))
    if size < index.size:
        positions = dict(positions)
        for position in range(size, index.size):
            positions[index.keys[position]] = position  # a service added again: its newest
        _KEY_POSITIONS[index] = (index.size, positions)
    return positions


@dataclass
class Matcher:
    """Searches run over one reading of the search index, for many places or services."""

    index: search_index.SearchIndex
    options: object  # directory.querysets.FilterOptions

    def positions(self, service_ids) -> np.ndarray:
        """Each service's position in the index (-1 for one not published)."""
        known = _key_positions(self.index)
        positions = np.fromiter(
            (known.get(pk, -1) for pk in service_ids), dtype=np.int64, count=len(service_ids)
        )
        # The live set as flags once, not a shift of a 10,000-bit number for each place.
        live = search_index.flags_of(self.index.live, self.index.size)
        inside = positions >= 0
        inside[inside] = live[positions[inside]]
        positions[~inside] = -1
        return positions

    def find(self, search: Search) -> searches.Found:
        """The services the search finds (directory.searches.find)."""
        return searches.find(
            search, self.index, synonyms_of(self.options.synonyms), self.options.localities
        )

    def found_flags(self, members: int, positions: np.ndarray) -> np.ndarray:
        """Whether each position (-1: none) is in the set of services `members`."""
        flags = search_index.flags_of(members, self.index.size)
        inside = positions >= 0
        result = np.zeros(len(positions), dtype=bool)
        result[inside] = flags[positions[inside]]
        return result

    def fitting_places(self, search: Search, members: int, positions, facts) -> np.ndarray:
        """Whether each place fits the search: its service among `members` (the services the
        search finds), and the place suits."""
        return self.found_flags(members, positions) & suits(search, facts)


@contextmanager
def matcher(options):
    """A Matcher over the search index at the options' version, for the block's duration."""
    with search_index.reading(options.index_version) as index:
        yield Matcher(index, options)
