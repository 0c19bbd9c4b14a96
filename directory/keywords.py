"""Keyword search in the words families use: a search's words and their stems (Snowball
English, through PyStemmer), the council's synonyms, and the place a search names. Pure
functions over frozen dataclasses; directory.keyword_index matches what they make.

A search is a KeywordQuery: concepts that a service must ALL match. A concept is what the
family typed for one idea ("short breaks") and its alternatives, any of which may match: the
phrases of the council's synonym group that holds it ("respite"), or else just itself. A
phrase matches a service whose text has every one of its stems, anywhere."""

import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

MAX_WORDS = 8  # distinct words a search is read for (stop words aside)
MAX_QUERY_CHARS = 500  # of a search's text; work per search is bounded, whatever is sent
# Dropped from a search (unless it has nothing else), and from synonyms' phrases alike.
STOP_WORDS = frozenset({"and", "or", "the", "a", "of", "for", "in", "with", "to"})

Phrase = tuple[str, ...]  # stems, every one of which a service's text must have

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
_GROUP_SEPARATORS = re.compile(r"[,;\n]")
_local = threading.local()


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, and letters without accents (café is cafe), so that
    what a family types without accents finds what a provider wrote with them."""
    text = text.lower().translate(_APOSTROPHES)
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _unquote(word: str) -> str:
    """children's -> children, o'neill -> oneill."""
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace("'", "")


def tokens(text: str) -> list[str]:
    """Every word of a text, in order and repeated as often as it is: how a service's text is
    read into the index. The same rules as `words`."""
    text = _plain(text)
    found = _WORD.findall(text)
    if "'" in text:
        found = [_unquote(word) if "'" in word else word for word in found]
    return found


def words(text: str, limit: int | None = MAX_WORDS) -> list[str]:
    """A search's distinct words, lower case, in the order typed: runs of Unicode letters and
    digits (hyphens and other punctuation split words; "children's" is "children"). The
    first `limit` of them, from the first MAX_QUERY_CHARS characters."""
    found = dict.fromkeys(tokens(text[:MAX_QUERY_CHARS]))
    found.pop("", None)
    return list(found)[:limit] if limit is not None else list(found)


def _stemmer():
    # A stemmer keeps state between calls, so each thread has its own.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english", 0)  # (cached below instead)
    return stemmer


@lru_cache(maxsize=8_192)  # the index keeps every stem it has seen itself
def stem(word: str) -> str:
    """The word's Snowball English stem: "swimming" and "swim" are "swim", "breaks" "break"."""
    return _stemmer().stemWord(word)


def phrase_of(phrase_words: Sequence[str]) -> Phrase:
    """The stems a phrase's words must all be found as; stop words aside, unless it is only
    stop words ("profound and multiple" is profound, multipl)."""
    kept = [word for word in phrase_words if word not in STOP_WORDS] or phrase_words
    return tuple(stem(word) for word in kept)


def group_phrases(text: str) -> list[str]:
    """The words or phrases of a synonym group as the council wrote them: split at commas
    (or semicolons or new lines), spaces tidied, empty ones left out."""
    return [" ".join(part.split()) for part in _GROUP_SEPARATORS.split(text) if part.strip()]


# ---------------------------------------------------------------------------------- synonyms


@dataclass(frozen=True)
class Synonyms:
    """The council's groups of words that mean the same, each a tuple of phrases. A phrase
    in two groups (the admin refuses it, but two officers may save at once) has both."""

    groups: tuple[tuple[Phrase, ...], ...] = ()
    # phrase -> every phrase it means (itself among them), in the groups' order
    expansions: Mapping[Phrase, tuple[Phrase, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    # the groups' words as written, to correct a misspelling to
    vocabulary: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    longest: int = field(default=0, compare=False, repr=False)  # words in the longest phrase

    @classmethod
    def of(cls, groups: Iterable[str]) -> "Synonyms":
        """From each group's text, as the council edits it: "respite, short break, ..."."""
        kept, expansions, vocabulary = [], {}, set()
        for text in groups:
            phrases = []
            for written in group_phrases(text):
                phrase_words = tokens(written)
                phrase = phrase_of(phrase_words) if phrase_words else ()
                if phrase and phrase not in phrases:
                    phrases.append(phrase)
                    vocabulary.update(w for w in phrase_words if w not in STOP_WORDS)
            if len(phrases) < 2:
                continue  # nothing to expand to
            kept.append(tuple(phrases))
            for phrase in phrases:
                expansions[phrase] = tuple(dict.fromkeys((*expansions.get(phrase, ()), *phrases)))
        longest = max((len(phrase) for phrase in expansions), default=0)
        return cls(tuple(kept), expansions, frozenset(vocabulary), longest)

    def alternatives(self, search_words: Sequence[str]) -> list[tuple[int, int, tuple]]:
        """The words of a search (stop words already left out) read as concepts: for each run
        words[start:stop], the phrases that may match it, what was typed first. From the left,
        the longest run that is a phrase of a group is taken ("short break", not "short");
        a word in no group is a run of its own with its own stem."""
        stems = [stem(word) for word in search_words]
        runs, start = [], 0
        while start < len(stems):
            for length in range(min(self.longest, len(stems) - start), 0, -1):
                typed = tuple(stems[start : start + length])
                if typed in self.expansions:
                    others = (p for p in self.expansions[typed] if p != typed)
                    runs.append((start, start + length, (typed, *others)))
                    start += length
                    break
            else:
                runs.append((start, start + 1, ((stems[start],),)))
                start += 1
        return runs


NO_SYNONYMS = Synonyms()


# ---------------------------------------------------------------------------------- searches


@dataclass(frozen=True)
class Concept:
    """One idea in a search: what the family typed for it, and the phrases that may match it
    (any one of them), what was typed first."""

    text: str
    phrases: tuple[Phrase, ...]

    @property
    def word(self) -> str | None:
        """The word typed, when the concept is one word in no synonym group: only such a word
        is corrected when it is misspelt (a group's word is the council's own)."""
        if len(self.phrases) == 1 and len(self.phrases[0]) == 1 and " " not in self.text:
            return self.text
        return None


@dataclass(frozen=True)
class KeywordQuery:
    """A search's keywords: every concept must match. `words` are the search's words as read
    (stop words among them), to show or correct; `synonyms` read them into concepts."""

    words: tuple[str, ...] = ()
    concepts: tuple[Concept, ...] = ()
    synonyms: Synonyms = field(default=NO_SYNONYMS, compare=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.concepts)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def replaced(self, replacements: Mapping[str, str]) -> "KeywordQuery":
        """The same search with some words replaced (spelling corrections), read again, so
        that a corrected word finds its synonyms too."""
        return _query([replacements.get(word, word) for word in self.words], self.synonyms)


def parse(text: str, synonyms: Synonyms = NO_SYNONYMS) -> KeywordQuery:
    """A search's text as keywords: its first MAX_WORDS distinct words other than stop words
    (and, or, the, a, of, for, in, with, to; kept if there is nothing else), read as concepts
    through the council's synonyms."""
    return _query(words(text, limit=None), synonyms)


def _query(search_words: Sequence[str], synonyms: Synonyms) -> KeywordQuery:
    search_words = list(dict.fromkeys(word for word in search_words if word))
    content = [i for i, word in enumerate(search_words) if word not in STOP_WORDS]
    content = (content or list(range(len(search_words))))[:MAX_WORDS]
    if not content:
        return KeywordQuery(synonyms=synonyms)
    search_words = search_words[: content[-1] + 1]
    concepts, seen = [], set()
    runs = synonyms.alternatives([search_words[i] for i in content])
    for start, stop, phrases in runs:
        if frozenset(phrases) in seen:
            continue
        seen.add(frozenset(phrases))
        typed = " ".join(search_words[content[start] : content[stop - 1] + 1])
        concepts.append(Concept(typed, phrases))
    return KeywordQuery(tuple(search_words), tuple(concepts), synonyms)


# ------------------------------------------------------------------------------------ places

_PLACE_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc][^\W_]+)*|&")


def _place_word(found: str) -> str:
    """A word of a place name as compared: & is "and", King's is kings, accents aside."""
    return "and" if found == "&" else _plain(found).replace("'", "")


@lru_cache(maxsize=16)
def _places(places: tuple[str, ...]) -> tuple[dict[tuple[str, ...], str], int]:
    known = {}
    for name in places:
        key = tuple(_place_word(token) for token in _PLACE_WORD.findall(name))
        if key and not set(key) <= STOP_WORDS:
            known.setdefault(key, name)
    return known, max(map(len, known), default=0)


def place_in(text: str, places: Iterable[str]) -> tuple[str | None, str]:
    """The longest known place name (a town or an area, as the council spells it) found in a
    search, whole words only, whatever the case and punctuation ("dorchester & west" is
    "Dorchester and West"); and the rest of the search without it. (None, the search) when it
    names no place. Only the first MAX_QUERY_CHARS characters are read."""
    text = text[:MAX_QUERY_CHARS]
    known, longest = _places(tuple(places))
    found = [(_place_word(m.group()), m.start(), m.end()) for m in _PLACE_WORD.finditer(text)]
    keys = [word for word, _, _ in found]
    best = None  # (words, start token, stop token)
    for length in range(min(longest, len(keys)), 0, -1):
        for start in range(len(keys) - length + 1):
            if tuple(keys[start : start + length]) in known:
                best = (start, start + length)
                break
        if best:
            break
    if best is None:
        return None, text
    start, stop = best
    name = known[tuple(keys[start:stop])]
    rest = text[: found[start][1]] + " " + text[found[stop - 1][2] :]
    return name, " ".join(rest.split())
