"""The keyword part of the search index: every concept must match (AND), any synonym of one
may (OR); names count most; services no longer live are never found; misspellings are
corrected and "did you mean" offered only when it finds something; and the index stays small."""

import random
import threading

import numpy as np
import pytest

from directory import keyword_index
from directory.keyword_index import KeywordIndex, KeywordMatch, bits_of_positions
from directory.keywords import Synonyms, parse

SYNONYMS = Synonyms.of(
    [
        "respite, short break, short breaks",
        "autism, autistic, ASD",
        "ADHD, attention deficit",
        "sleepover, overnight, overnight stay",
    ]
)

SPLASH = ("Splash Swimming", "Quiet pool sessions.", "Swimming lessons with a hoist.")
RAINBOW = ("Rainbow Saturday Club", "Saturday play.", "Games and crafts for autistic children.")
HARBOUR = (
    "Harbour House",
    "Overnight short breaks.",
    "Stays with nurses, for children with autism.",
)
SITTERS = ("Home Sitters", "A sitter at home.", "Evening sitting for children with ADHD.")
FOCUS = ("Focus Group", "For attention deficit.", "A club for children.")


def build(*services, positions=None) -> tuple[KeywordIndex, int, int]:
    """An index of the services, each at its position (0, 1, ... unless given), all live."""
    index = KeywordIndex()
    positions = positions or range(len(services))
    for position, (name, summary, document) in zip(positions, services, strict=True):
        index.add(position, name=name, summary=summary, document=document)
    size = max(positions) + 1 if services else 0
    return index, bits_of_positions(np.array(positions)), size


def found(index, live, size, text, synonyms=SYNONYMS) -> KeywordMatch:
    return index.match(parse(text, synonyms), live, size)


def members(match: KeywordMatch) -> set[int]:
    return {p for p, bit in enumerate(reversed(bin(match.members)[2:])) if bit == "1"}


@pytest.fixture
def directory():
    return build(SPLASH, RAINBOW, HARBOUR, SITTERS, FOCUS)


@pytest.fixture(params=["merged", "waiting"])
def reading(request, monkeypatch):
    """Each test that asks runs twice: with every service merged into the arrays before a
    search, and with them all still waiting to be merged."""
    monkeypatch.setattr(
        keyword_index, "READ_WAITING_UP_TO", 0 if request.param == "merged" else 10**9
    )
    return request.param


# ------------------------------------------------------------------------------ matching


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        pytest.param("swimming", {0}, id="one_word"),
        pytest.param("swim", {0}, id="another_form_of_the_word"),
        pytest.param("children autism", {1, 2}, id="every_word_must_match"),
        pytest.param("swimming autism", set(), id="no_service_has_both"),
        pytest.param("respite", {2}, id="a_synonym_of_a_phrase"),
        pytest.param("short break", {2}, id="a_phrase_of_a_group"),
        pytest.param("autistic", {1, 2}, id="any_synonym_matches"),
        pytest.param("ADHD", {3, 4}, id="a_phrase_for_a_word"),
        pytest.param("sleepover", {2}, id="a_family_word_for_overnight"),
        pytest.param("for", {1, 2, 3, 4}, id="stop_words_alone_are_searched"),
        pytest.param("children's club", {1, 4}, id="possessive"),
    ],
)
def test_every_concept_must_match_and_any_synonym_may(reading, directory, search, expected):
    index, live, size = directory

    assert members(found(index, live, size, search)) == expected


def test_a_phrase_needs_every_word_not_next_to_each_other():
    index, live, size = build(
        ("Short Walks", "", "A break for parents."),
        ("Short Walks Two", "", "Walks."),
    )

    assert members(found(index, live, size, "respite")) == {0}


def test_without_synonyms_a_family_word_finds_only_itself(directory):
    index, live, size = directory

    assert members(found(index, live, size, "respite", Synonyms.of([]))) == set()


def test_a_service_no_longer_live_is_never_found(reading):
    index, live, size = build(SPLASH, RAINBOW)
    # Splash changes its name: its old position stops being live, the new one is added.
    index.add(2, name="Splash Club", summary="Quiet pool sessions.", document="Lessons.")
    live = (live & ~1) | 1 << 2

    assert members(found(index, live, 3, "swimming")) == set()
    assert members(found(index, live, 3, "splash")) == {2}
    assert members(found(index, live, 3, "saturday")) == {1}


def test_positions_far_apart_are_kept(reading):
    positions = [0, 70_000, 70_001, 200_000]
    index, live, size = build(SPLASH, RAINBOW, SPLASH, HARBOUR, positions=positions)

    match = found(index, live, size, "swimming")

    assert members(match) == {0, 70_001}
    assert members(found(index, live, size, "children")) == {70_000, 200_000}
    assert (match.scores([0, 70_000, 70_001, 200_000]) > 0).tolist() == [1, 0, 1, 0]


def test_positions_must_increase():
    index, _, _ = build(SPLASH, RAINBOW)

    with pytest.raises(ValueError, match="not after"):
        index.add(1, name="Again", summary="", document="")


def test_a_search_with_no_words_matches_every_live_service(directory):
    index, live, size = directory

    match = found(index, live, size, " , ")

    assert match.members == live
    assert match.scores([0, 1, 2]).tolist() == [0, 0, 0]


def test_an_empty_index_finds_nothing_and_suggests_nothing():
    match = KeywordIndex().match(parse("swimming"), 0, 0)

    assert (match.members, match.suggestion, match.corrections) == (0, None, ())


def test_text_that_is_hostile_is_only_words():
    index, live, size = build(('<script>alert("x")</script>', "' OR 1=1 --", "%%% \x00 \u202e"))

    assert members(found(index, live, size, "script alert")) == {0}
    assert members(found(index, live, size, "' or 1=1")) == {0}


# ------------------------------------------------------------------------------ relevance


def test_a_match_in_the_name_ranks_above_the_summary_above_the_rest(reading):
    index, live, size = build(
        ("Tuesday Club", "", "Swimming at the leisure centre."),
        ("Swimming Club", "", "At the leisure centre."),
        ("Wednesday Club", "Swimming.", "At the leisure centre."),
    )

    scores = found(index, live, size, "swimming").scores([0, 1, 2])

    assert scores[1] > scores[2] > scores[0] > 0


def test_a_short_text_ranks_above_a_long_one_with_the_word_as_often():
    long_text = "Swimming. " + " ".join(f"word{n}" for n in range(200))
    index, live, size = build(
        ("Club A", "", long_text),
        ("Club B", "", "Swimming lessons."),
    )

    scores = found(index, live, size, "swimming").scores([0, 1])

    assert scores[1] > scores[0] > 0


def test_more_of_a_word_counts_but_saturates():
    index, live, size = build(
        ("Club A", "", "Swimming."),
        ("Club B", "", "Swimming swimming swimming."),
        ("Club C", "", " ".join(["swimming"] * 300)),
        ("Club D", "", "Football."),
    )

    one, three, many, _ = found(index, live, size, "swimming").scores([0, 1, 2, 3])

    assert one < three < many < one * (keyword_index.K1 + 1)


def test_a_rare_word_counts_more_than_a_common_one():
    index, live, size = build(
        ("Club A", "", "Children swimming."),
        ("Club B", "", "Children trampolining."),
        ("Club C", "", "Children football."),
    )

    scores = found(index, live, size, "children trampolining").scores([1])
    common = found(index, live, size, "children").scores([1])

    assert scores[0] > 2 * common[0]


def test_the_word_typed_ranks_above_its_synonym():
    index, live, size = build(
        ("Club A", "", "For autistic children."),
        ("Club B", "", "For children with autism."),
    )

    typed, synonym = found(index, live, size, "autistic").scores([0, 1])

    assert typed > synonym > 0


def test_scores_of_a_whole_result_and_of_one_page_agree(reading, directory):
    index, live, size = directory
    match = found(index, live, size, "children")

    every = match.scores(np.arange(size))

    assert [match.scores([p])[0] for p in range(size)] == pytest.approx(every.tolist())


# ----------------------------------------------------------------------------- spelling


@pytest.mark.parametrize(
    ("typed", "searched", "expected"),
    [
        pytest.param("swiming", "swimming", {0}, id="a_letter_missing"),
        pytest.param("swimmign", "swimming", {0}, id="two_letters_swapped"),
        pytest.param("autsim", "autism", {1, 2}, id="swapped_then_synonyms"),
        pytest.param("saturdya", "saturday", {1}, id="eight_letters"),
        pytest.param("satrudya", "saturday", {1}, id="eight_letters_two_edits"),
        pytest.param("nurces", "nurses", {2}, id="a_wrong_letter"),
    ],
)
def test_a_misspelt_word_is_searched_as_the_nearest_word_services_use(
    reading, directory, typed, searched, expected
):
    index, live, size = directory

    match = found(index, live, size, typed)

    assert members(match) == expected
    assert match.corrections == ((typed, searched),)
    assert match.suggestion is None


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("swm", id="under_four_letters"),
        pytest.param("pouls", id="not_within_one_edit_of_a_word_services_use"),
        pytest.param("swimng", id="six_letters_two_edits_away"),
        pytest.param("sw1mming", id="digits_in_it"),
    ],
)
def test_a_word_too_short_or_too_far_is_not_corrected(directory, typed):
    index, live, size = directory

    match = found(index, live, size, typed)

    assert match.corrections == ()


def test_a_word_services_use_is_never_corrected(directory):
    index, live, size = directory
    index.add(5, name="Hoist Hire", summary="", document="")
    live |= 1 << 5

    assert found(index, live, 6, "hoist").corrections == ()


def test_a_word_of_a_synonym_group_is_never_corrected(directory):
    index, live, size = directory

    match = found(index, live, size, "asd")  # no service says it, but autism is its group

    assert match.corrections == ()
    assert members(match) == {1, 2}


def test_a_misspelling_of_a_synonym_finds_its_group():
    index, live, size = build(HARBOUR, SPLASH)

    match = found(index, live, size, "sleepovr")

    assert match.corrections == (("sleepovr", "sleepover"),)
    assert members(match) == {0}


def test_a_tie_goes_to_the_word_in_more_services():
    clubs = [(f"Club {n}", "", "clubs") for n in range(3)]
    index, live, size = build(*clubs, ("Quiz", "", "clues"))

    assert found(index, live, size, "cluts").corrections == (("cluts", "clubs"),)

    index, live, size = build(
        ("Club", "", "clubs"), *[(f"Quiz {n}", "", "clues") for n in range(3)]
    )

    assert found(index, live, size, "cluts").corrections == (("cluts", "clues"),)


def test_a_correction_is_the_same_the_second_time(directory):
    index, live, size = directory

    first = found(index, live, size, "swiming")
    second = found(index, live, size, "swiming")

    assert first == second


def test_a_new_word_is_corrected_to_once_added(reading, directory):
    index, live, size = directory
    assert found(index, live, size, "trampolinning").corrections == ()  # nothing near

    index.add(5, name="Bounce", summary="", document="Trampolining club.")
    match = found(index, live | 1 << 5, 6, "trampolinig")

    assert match.corrections == (("trampolinig", "trampolining"),)
    assert members(match) == {5}


# ---------------------------------------------------------------------------- did you mean


def test_did_you_mean_when_nothing_matches(reading, directory):
    index, live, size = directory

    match = found(index, live, size, "swimng")  # 6 letters, 2 edits: too far to correct

    assert match.members == 0
    assert match.suggestion == "swimming"


def test_did_you_mean_keeps_the_other_words(directory):
    index, live, size = directory

    match = found(index, live, size, "swimng for quiet pool")

    assert match.suggestion == "swimming for quiet pool"


def test_did_you_mean_is_none_when_no_correction_finds_anything(directory):
    index, live, size = directory

    assert found(index, live, size, "zzzzzz").suggestion is None
    assert found(index, live, size, "swm").suggestion is None  # too short to correct


def test_did_you_mean_is_none_when_the_words_are_right_but_not_together(directory):
    index, live, size = directory

    match = found(index, live, size, "swimming nurses")

    assert match.members == 0
    assert match.suggestion is None


def test_did_you_mean_never_points_at_a_service_no_longer_live(directory):
    index, live, size = directory

    match = found(index, live & ~1, size, "swimng")  # Splash (0) is gone

    assert match.suggestion is None


def test_no_did_you_mean_when_something_matches(directory):
    index, live, size = directory

    assert found(index, live, size, "swimming").suggestion is None


# --------------------------------------------------------------------------------- memory

WORDS = [
    "".join(random.Random(n).choices("abcdefghijklmnopqrstuvwxyz", k=4 + n % 8))
    for n in range(5_000)
]


def test_100000_services_take_a_few_bytes_a_posting():
    rng = random.Random(20)
    texts = [rng.choices(WORDS, k=30) for _ in range(1_000)]  # each at 100 positions
    index = KeywordIndex()
    postings = 0
    for position in range(100_000):
        text = texts[position % len(texts)]
        postings += len(set(text))
        index.add(
            position,
            name=" ".join(text[:3]),
            summary=" ".join(text[3:10]),
            document=" ".join(text[10:]),
        )
    live = (1 << 100_000) - 1

    match = index.match(parse(texts[0][0]), live, 100_000)

    assert match.members.bit_count() >= 100
    assert match.members >> 0 & 1 and match.members >> 1_000 & 1
    # Three bytes a posting, and the words; no object per service or per stem.
    assert index.memory_bytes() < 3.2 * postings + 400 * len(WORDS) + 1_000_000


@pytest.mark.parametrize(
    ("typed", "word", "edits"),
    [("swiming", "swimming", 1), ("autsim", "autism", 1), ("satrudya", "saturday", 2)],
)
def test_the_letters_filter_never_drops_a_word_within_the_edits(typed, word, edits):
    difference = keyword_index.letters_of(typed) ^ keyword_index.letters_of(word)

    assert difference.bit_count() <= 2 * edits


def test_searches_while_services_are_added_see_each_service_whole(reading):
    index = KeywordIndex()
    seen, failures = [], []

    def search():
        try:
            for _ in range(200):
                size = index._size
                match = index.match(parse("swimming club"), (1 << size) - 1, size)
                seen.append(match.members.bit_count() == size)
        except Exception as error:  # (reported below)
            failures.append(error)

    searcher = threading.Thread(target=search)
    searcher.start()
    for position in range(3_000):
        index.add(position, name="Swimming Club", summary="", document=f"Pool {position}")
    searcher.join()

    assert not failures
    assert all(seen)
