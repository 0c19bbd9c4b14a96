"""The keyword part of the directory's search index (directory.search_index): each stem's
postings, the length of each service's text, and the words services are described with, to
correct a family's spelling against. A match is a bit set of services, like every other
filter's; scores are BM25 relevance, for the services a page shows.

Postings take three bytes each, in two numpy arrays for the whole index (no object per stem
or per service): stem s's are rows offsets[s] to offsets[s + 1], each the gap from the
stem's previous position (two bytes) and the weighted count of the stem in that service's
text (one byte: a word in the name counts 10, in the summary 4, in the rest 1, up to 255,
where BM25's saturation has long flattened). Positions are added in increasing order and
never removed: a service that changes is added again at a new position, and the caller stops
counting its old one as live. Services added wait in a list until enough have been (or a
search finds more than a few) to merge into the arrays; a search reads the few waiting.

Spelling: a word whose stem no service's text has is corrected to the nearest word that one
has (or a synonym's word) by optimal string alignment distance (rapidfuzz; swapping two
letters is one edit): 4 to 7 letters within 1 edit, 8 or more within 2; the word in more
services wins a tie; shorter words are left alone. Only words of a near length and near
letters (letters_of) are compared, and the latest corrections are kept. When nothing matches,
a looser correction of the words that match nothing gives "did you mean", if that finds
something."""

import math
import threading
from array import array
from collections import Counter
from dataclasses import dataclass, field
from sys import getsizeof

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .keywords import KeywordQuery, stem, tokens

NAME_WEIGHT, SUMMARY_WEIGHT, DOCUMENT_WEIGHT = 10, 4, 1
K1, B = 1.2, 0.75  # BM25's saturation and length normalisation
SYNONYM_FACTOR = 0.8  # a synonym's match counts a little less than the word typed
MAX_WEIGHT = 255
MAX_GAP = 65_535
SHORTEST_CORRECTED = 4  # letters
LONGEST_CORRECTED = 40
SUGGESTIONS_TRIED = 5  # close words tried per word for "did you mean", nearest first
MERGE_FROM = 262_144  # postings waiting that are merged on adding (bounds a merge's memory)
READ_WAITING_UP_TO = 8_192  # postings waiting that a search reads, rather than merge them
CACHE_FROM = 1_024  # postings: a stem with this many keeps its set until the next merge
CACHED_STEMS = 256  # at most; 12.5 KB each at 100,000 positions
KEPT_CORRECTIONS = 1_024  # the latest misspellings' corrections, until the words change

_NO_POSITIONS = np.zeros(0, dtype=np.int64)
_NO_WEIGHTS = np.zeros(0, dtype=np.uint8)


def edits_allowed(word: str, *, loose: bool = False) -> int:
    """How many edits a misspelt word may be from the word searched instead."""
    if len(word) < SHORTEST_CORRECTED:
        return 0
    if loose:
        return 1 if len(word) < 5 else 2 if len(word) < 8 else 3
    return 1 if len(word) < 8 else 2


def bits_of_positions(positions: np.ndarray) -> int:
    """The set (an int, bit p for position p) of positions."""
    if not len(positions):
        return 0
    flags = np.zeros(int(positions.max()) + 1, dtype=bool)
    flags[positions] = True
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def letters_of(word: str) -> int:
    """The letters in a word, as 32 bits (a letter's code point, modulo 32). An edit changes
    at most two bits, so words whose bits differ in more than 2 * n are over n edits apart."""
    bits = 0
    for letter in word:
        bits |= 1 << (ord(letter) & 31)
    return bits


def _idf(documents: int, having: int) -> float:
    return math.log(1 + (documents - having + 0.5) / (having + 0.5))


@dataclass(frozen=True)
class _Merged:
    """The merged postings: stem s's are rows offsets[s] to offsets[s + 1] of `gaps` and
    `weights`, in order of position. A row's gap is its position less the stem's position
    before (the first's less -1); a gap over MAX_GAP is rows of MAX_GAP with weight 0 first.
    `last` is each stem's last position, -1 for none."""

    offsets: np.ndarray  # int64
    gaps: np.ndarray  # uint16
    weights: np.ndarray  # uint8
    last: np.ndarray  # int64

    @classmethod
    def empty(cls) -> "_Merged":
        return cls(np.zeros(1, dtype=np.int64), np.zeros(0, np.uint16), _NO_WEIGHTS, _NO_POSITIONS)

    def rows(self, stem_id: int) -> int:
        if stem_id + 1 >= len(self.offsets):
            return 0
        return int(self.offsets[stem_id + 1] - self.offsets[stem_id])

    def of(self, stem_id: int) -> tuple[np.ndarray, np.ndarray]:
        """A stem's positions (increasing) and weights."""
        if not self.rows(stem_id):
            return _NO_POSITIONS, _NO_WEIGHTS
        start, stop = self.offsets[stem_id], self.offsets[stem_id + 1]
        positions = np.cumsum(self.gaps[start:stop], dtype=np.int64) - 1
        weights = self.weights[start:stop]
        if not weights.all():
            real = weights > 0
            positions, weights = positions[real], weights[real]
        return positions, weights

    def adding(self, stems, positions, weights, stem_count: int) -> "_Merged":
        """With more postings, in order of stem then position, each after its stem's last."""
        offsets = np.empty(stem_count + 1, dtype=np.int64)
        offsets[: len(self.offsets)] = self.offsets
        offsets[len(self.offsets) :] = self.offsets[-1]
        last = np.full(stem_count, -1, dtype=np.int64)
        last[: len(self.last)] = self.last
        first = np.ones(len(stems), dtype=bool)
        first[1:] = stems[1:] != stems[:-1]
        gaps = np.empty(len(positions), dtype=np.int64)
        gaps[1:] = positions[:-1]
        gaps[first] = last[stems[first]]
        np.subtract(positions, gaps, out=gaps)
        skips = (gaps - 1) // MAX_GAP
        row_stems = np.repeat(stems, skips + 1)
        row_gaps = np.full(len(row_stems), MAX_GAP, dtype=np.uint16)
        row_weights = np.zeros(len(row_stems), dtype=np.uint8)
        ends = np.cumsum(skips + 1) - 1
        row_gaps[ends] = gaps - skips * MAX_GAP
        row_weights[ends] = weights
        at = offsets[row_stems + 1]
        offsets[1:] += np.cumsum(np.bincount(row_stems, minlength=stem_count))
        ending = np.append(first[1:], True)
        last[stems[ending]] = positions[ending]
        return _Merged(
            offsets,
            np.insert(self.gaps, at, row_gaps),
            np.insert(self.weights, at, row_weights),
            last,
        )

    @property
    def nbytes(self) -> int:
        return self.offsets.nbytes + self.gaps.nbytes + self.weights.nbytes + self.last.nbytes


@dataclass(frozen=True)
class _Waiting:
    """Postings not merged yet, a row each (a service may have two for a stem: "swim" and
    "swimming"), with the stem of each."""

    stems: np.ndarray
    positions: np.ndarray
    weights: np.ndarray  # not yet capped

    def of(self, stem_id: int) -> tuple[np.ndarray, np.ndarray]:
        rows = np.flatnonzero(self.stems == stem_id)
        positions, weights = self.positions[rows], self.weights[rows]
        if len(positions) > 1 and not np.all(positions[1:] > positions[:-1]):
            positions, where = np.unique(positions, return_inverse=True)
            weights = np.bincount(where, weights=weights)
        return positions, np.minimum(weights, MAX_WEIGHT).astype(np.uint8)


@dataclass(frozen=True)
class _Read:
    """What one search reads of the index, unchanged by later additions."""

    merged: _Merged
    waiting: _Waiting | None
    lengths: np.ndarray  # position -> weighted length of its text (float32)
    average_length: float

    def postings(self, stem_id: int) -> tuple[np.ndarray, np.ndarray]:
        positions, weights = self.merged.of(stem_id)
        if self.waiting is not None:
            more_positions, more_weights = self.waiting.of(stem_id)
            if len(more_positions):
                positions = np.concatenate([positions, more_positions])
                weights = np.concatenate([weights, more_weights])
        return positions, weights


@dataclass(frozen=True)
class _Term:
    stem_id: int
    idf: float


@dataclass(frozen=True)
class KeywordMatch:
    """The live services that match every concept of a search; the words corrected on the
    way, (typed, searched instead); and, only when none match, a search to suggest ("did you
    mean"), in plain words, or None. `scores` gives the relevance of any position."""

    members: int
    corrections: tuple[tuple[str, str], ...] = ()
    suggestion: str | None = None
    # per concept, its phrases: (factor, the phrase's terms)
    _concepts: tuple[tuple[tuple[float, tuple[_Term, ...]], ...], ...] = field(
        default=(), repr=False, compare=False
    )
    _read: _Read | None = field(default=None, repr=False, compare=False)

    def scores(self, positions) -> np.ndarray:
        """Relevance (BM25, a word in the name counting most: higher is better) at each of the
        positions given, in their order: for each concept, the best of its phrases that the
        service has in full, summed over the concepts. Zeros for a search with no words."""
        at = np.asarray(positions, dtype=np.int64).reshape(-1)
        total = np.zeros(len(at), dtype=np.float64)
        if not self._concepts or not len(at) or self._read is None:
            return total
        read = self._read
        inside = at < len(read.lengths)
        length = np.where(inside, read.lengths[np.where(inside, at, 0)], read.average_length)
        norm = K1 * (1 - B + B * length / read.average_length)
        counts: dict[int, np.ndarray] = {}
        for phrases in self._concepts:
            best = np.zeros(len(at), dtype=np.float64)
            for factor, terms in phrases:
                score = np.zeros(len(at), dtype=np.float64)
                present = np.ones(len(at), dtype=bool)
                for term in terms:
                    if term.stem_id not in counts:
                        counts[term.stem_id] = _counts_at(*read.postings(term.stem_id), at)
                    tf = counts[term.stem_id]
                    present &= tf > 0
                    score += term.idf * tf * (K1 + 1) / (tf + norm)
                np.maximum(best, np.where(present, score * factor, 0.0), out=best)
            total += best
        return total


def _counts_at(positions: np.ndarray, weights: np.ndarray, at: np.ndarray) -> np.ndarray:
    """A stem's weighted count at each position (0 where it is not)."""
    if not len(positions):
        return np.zeros(len(at), dtype=np.float64)
    if len(at) * 16 < len(positions):  # a page: look each one up
        found = np.searchsorted(positions, at).clip(max=len(positions) - 1)
        return np.where(positions[found] == at, weights[found], 0).astype(np.float64)
    dense = np.zeros(max(int(positions[-1]), int(at.max())) + 1, dtype=np.float64)
    dense[positions] = weights
    return dense[at]


class KeywordIndex:
    """Each stem's postings and the words seen, for positions added in increasing order."""

    def __init__(self):
        self._lock = threading.RLock()  # one writer or merge at a time; searches read copies
        self._stem_ids: dict[str, int] = {}
        self._surface: dict[str, int] = {}  # word as written (lower case) -> surface id
        self._surface_stem = array("i")  # surface id -> stem id
        self._surface_df = np.zeros(0, dtype=np.int32)  # services with it, as of the merge
        self._by_length: dict[int, list[str]] = {}  # words spelling is corrected to
        self._letters_by_length: dict[int, array] = {}  # and their letters_of ('I'), beside
        # position -> weighted length of its text; grown by copying, so a search's view of the
        # positions it knows never changes
        self._lengths = np.zeros(1_024, dtype=np.float32)
        self._size = 0  # positions added, and any skipped before them
        self._documents = 0
        self._total_length = 0.0
        self._merged = _Merged.empty()
        self._waiting_words = array("i")  # surface ids
        self._waiting_weights = array("i")
        self._waiting_starts = array("i")  # where each waiting service's rows start
        self._waiting_positions = array("i")  # and its position
        self._kept: dict[int, int] = {}  # stem id -> the set of its merged postings
        self._corrections: dict[tuple, str | None] = {}  # (word, words known, synonyms') -> word

    # ------------------------------------------------------------------------- adding

    def add(self, position: int, *, name: str, summary: str, document: str) -> None:
        """Index a service's text at a position after every position added so far."""
        name_words, summary_words = tokens(name), tokens(summary)
        document_words = tokens(document)
        counts = Counter(document_words)
        for word in summary_words:
            counts[word] += SUMMARY_WEIGHT
        for word in name_words:
            counts[word] += NAME_WEIGHT
        length = (
            NAME_WEIGHT * len(name_words)
            + SUMMARY_WEIGHT * len(summary_words)
            + DOCUMENT_WEIGHT * len(document_words)
        )
        with self._lock:
            if position < self._size:
                raise ValueError(f"Position {position} is not after every position added.")
            ids = list(map(self._surface.get, counts))
            if None in ids:
                ids = [
                    self._new_word(word) if i is None else i
                    for word, i in zip(counts, ids, strict=True)
                ]
            self._waiting_starts.append(len(self._waiting_words))
            self._waiting_positions.append(position)
            self._waiting_words.extend(ids)
            self._waiting_weights.extend(counts.values())
            if position >= len(self._lengths):
                grown = np.zeros(max(2 * len(self._lengths), position + 1), dtype=np.float32)
                grown[: self._size] = self._lengths[: self._size]
                self._lengths = grown
            self._lengths[position] = length
            self._size = position + 1
            self._documents += 1
            self._total_length += length
            if len(self._waiting_words) >= MERGE_FROM:
                self._merge()

    def settle(self) -> None:
        """Merge the postings waiting: after a build, so that processes forked afterwards
        share the merged postings rather than each merging its own copy."""
        with self._lock:
            if self._waiting_words:
                self._merge()

    def _new_word(self, word: str) -> int:
        stemmed = stem(word)
        if stemmed == word:
            stemmed = word  # one string for both
        stem_id = self._stem_ids.setdefault(stemmed, len(self._stem_ids))
        surface_id = self._surface[word] = len(self._surface_stem)
        self._surface_stem.append(stem_id)
        if len(word) >= SHORTEST_CORRECTED - 1 and word.isalpha():
            self._by_length.setdefault(len(word), []).append(word)
            self._letters_by_length.setdefault(len(word), array("I")).append(letters_of(word))
        return surface_id

    def _waiting(self) -> _Waiting | None:
        if not self._waiting_words:
            return None
        words = np.array(self._waiting_words, dtype=np.int32)
        rows = np.diff(np.append(np.array(self._waiting_starts, dtype=np.int64), len(words)))
        return _Waiting(
            np.array(self._surface_stem, dtype=np.int32)[words],
            np.repeat(np.array(self._waiting_positions, dtype=np.int32), rows),
            np.array(self._waiting_weights, dtype=np.int32),
        )

    def _merge(self) -> None:
        """Merge the postings waiting into the arrays (one row per stem and service), and
        count the services each word is in."""
        with self._lock:
            waiting = self._waiting()
            if waiting is None:
                return
            words = np.array(self._waiting_words, dtype=np.int32)
            df = np.bincount(words, minlength=len(self._surface_stem)).astype(np.int32)
            df[: len(self._surface_df)] += self._surface_df
            del words
            order = np.argsort(waiting.stems, kind="stable")  # (positions are in order)
            stems, positions = waiting.stems[order], waiting.positions[order]
            weights = waiting.weights[order]
            del order, waiting
            first = np.ones(len(stems), dtype=bool)
            first[1:] = (stems[1:] != stems[:-1]) | (positions[1:] != positions[:-1])
            starts = np.flatnonzero(first)
            del first
            weights = np.minimum(np.add.reduceat(weights, starts), MAX_WEIGHT).astype(np.uint8)
            stems, positions = stems[starts], positions[starts]
            del starts
            self._merged = self._merged.adding(stems, positions, weights, len(self._stem_ids))
            self._surface_df = df
            self._kept, self._corrections = {}, {}
            self._waiting_words, self._waiting_weights = array("i"), array("i")
            self._waiting_starts, self._waiting_positions = array("i"), array("i")

    def _frequencies(self) -> np.ndarray:
        """Surface id -> the number of services whose text has the word, waiting ones too."""
        with self._lock:
            df = self._surface_df
            if self._waiting_words:
                words = np.array(self._waiting_words, dtype=np.int32)
                waiting = np.bincount(words, minlength=len(self._surface_stem))
                waiting[: len(df)] += df
                df = waiting
            return df

    def _read(self) -> _Read:
        """A search's view of the index; the postings waiting are merged first if many."""
        with self._lock:
            if len(self._waiting_words) > READ_WAITING_UP_TO:
                self._merge()
            return _Read(
                self._merged,
                self._waiting(),
                self._lengths[: self._size],
                self._total_length / self._documents if self._documents else 1.0,
            )

    # ------------------------------------------------------------------------ matching

    def match(self, query: KeywordQuery, live: int, size: int) -> KeywordMatch:
        """The live services (of `size` positions) that match every concept of the search,
        after correcting misspelt words; "did you mean" if none do."""
        if not query.concepts:
            return KeywordMatch(members=live)
        read = self._read()
        replacements = {}
        for concept in query.concepts:
            word = concept.word
            if word is not None and concept.phrases[0][0] not in self._stem_ids:
                better = self._corrected(word, query)
                if better is not None:
                    replacements[word] = better
        if replacements:
            query = query.replaced(replacements)
        bits: dict[int, int] = {}
        members, each = self._members(query, live, read, bits)
        suggestion = None if members else self._suggestion(query, live, each, read, bits)
        documents = live.bit_count()
        concepts = []
        for concept in query.concepts:
            phrases = []
            for n, phrase in enumerate(concept.phrases):
                ids = [self._stem_ids.get(stemmed) for stemmed in phrase]
                if all(i in bits for i in ids):  # (a stem new since is in no live service)
                    having = [(bits[i] & live).bit_count() for i in ids]
                    terms = tuple(
                        _Term(i, _idf(documents, h)) for i, h in zip(ids, having, strict=True)
                    )
                    phrases.append((1.0 if n == 0 else SYNONYM_FACTOR, terms))
            concepts.append(tuple(phrases))
        return KeywordMatch(
            members=members,
            corrections=tuple(replacements.items()),
            suggestion=suggestion,
            _concepts=tuple(concepts),
            _read=read,
        )

    def _bits(self, stem_id: int, read: _Read) -> int:
        """The set of positions with the stem. A common stem's is kept until the next merge."""
        current = read.merged is self._merged
        bits = self._kept.get(stem_id) if current else None
        if bits is None:
            bits = bits_of_positions(read.merged.of(stem_id)[0])
            if current and read.merged.rows(stem_id) >= CACHE_FROM:
                with self._lock:
                    if len(self._kept) >= CACHED_STEMS:
                        self._kept.pop(next(iter(self._kept)), None)
                    self._kept[stem_id] = bits
        if read.waiting is not None:
            bits |= bits_of_positions(read.waiting.of(stem_id)[0])
        return bits

    def _members(self, query: KeywordQuery, live: int, read: _Read, bits: dict):
        """The live services matching every concept, and those matching each concept. The
        sets of the stems read are kept in `bits`."""
        members, each = live, []
        for concept in query.concepts:
            matching = 0
            for phrase in concept.phrases:
                having = live
                for stemmed in phrase:
                    stem_id = self._stem_ids.get(stemmed)
                    if stem_id is None:
                        having = 0
                        break
                    if stem_id not in bits:
                        bits[stem_id] = self._bits(stem_id, read)
                    having &= bits[stem_id]
                matching |= having
            each.append(matching)
            members &= matching
        return members, each

    # ------------------------------------------------------------------------ spelling

    def _corrected(self, word: str, query: KeywordQuery) -> str | None:
        """The word searched instead of a misspelt one, if any; kept, as many are common."""
        key = (word, len(self._surface), query.synonyms.vocabulary)
        if key in self._corrections:
            return self._corrections[key]
        better = self._closest(word, query, edits=edits_allowed(word))
        with self._lock:
            if len(self._corrections) >= KEPT_CORRECTIONS:
                self._corrections.pop(next(iter(self._corrections)), None)
            self._corrections[key] = better
        return better

    def _closest(self, word: str, query: KeywordQuery, *, edits: int, live=None, read=None):
        """The word services are described with (or a synonym's) nearest a misspelt one,
        within `edits`: fewest edits, then in the most services. With `live`, the first of
        the SUGGESTIONS_TRIED nearest that a live service has, or a synonym's. None if none."""
        if not edits or len(word) > LONGEST_CORRECTED or not word.isalpha():
            return None
        near, df, letters = [], self._frequencies(), letters_of(word)
        for length in range(len(word) - edits, len(word) + edits + 1):
            with self._lock:
                words = self._by_length.get(length, [])[:]
                bits = np.array(self._letters_by_length.get(length, ()), dtype=np.uint32)
            close = np.flatnonzero(np.bitwise_count(bits ^ np.uint32(letters)) <= 2 * edits)
            choices = [words[i] for i in close]
            for choice, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                surface_id = self._surface[choice]
                frequency = int(df[surface_id]) if surface_id < len(df) else 0
                near.append((distance, -frequency, choice))
        unseen = [w for w in query.synonyms.vocabulary if w not in self._surface and w.isalpha()]
        for choice, distance, _ in process.extract(
            word, unseen, scorer=OSA.distance, score_cutoff=edits, limit=None
        ):
            near.append((distance, 0, choice))
        own = stem(word)
        near = [choice for _, _, choice in sorted(near) if stem(choice) != own]
        if live is None:
            return near[0] if near else None
        for choice in near[:SUGGESTIONS_TRIED]:
            stem_id = self._stem_ids.get(stem(choice))
            if stem_id is None or self._bits(stem_id, read) & live:
                return choice  # a synonym's word (its group may have services), or a live one
        return None

    def _suggestion(self, query, live: int, each: list[int], read: _Read, bits: dict):
        """A search that finds something, by correcting the words that match nothing more
        loosely; None if that finds nothing."""
        replacements = {}
        for concept, matching in zip(query.concepts, each, strict=True):
            word = concept.word
            if matching or word is None:
                continue
            edits = edits_allowed(word, loose=True)
            better = self._closest(word, query, edits=edits, live=live, read=read)
            if better is not None:
                replacements[word] = better
        if not replacements:
            return None
        suggested = query.replaced(replacements)
        members, _ = self._members(suggested, live, read, bits)
        return suggested.text if members else None

    # ------------------------------------------------------------------------- figures

    def memory_bytes(self) -> int:
        """An estimate of the memory the index holds: postings, words, lengths, kept sets."""
        total = self._merged.nbytes + self._surface_df.nbytes
        for waiting in (self._waiting_words, self._waiting_weights):
            total += getsizeof(waiting)
        for waiting in (self._waiting_starts, self._waiting_positions):
            total += getsizeof(waiting)
        for words in (self._stem_ids, self._surface):
            total += getsizeof(words) + sum(map(getsizeof, words)) + getsizeof(0) * len(words)
        total += getsizeof(self._surface_stem) + self._lengths.nbytes
        total += sum(map(getsizeof, self._by_length.values()))
        total += sum(map(getsizeof, self._letters_by_length.values()))
        total += sum(map(getsizeof, list(self._kept.values())))
        return total
