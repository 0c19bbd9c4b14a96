"""Keyword search in families' words: a search's words and stems, the council's synonyms
(phrases of more than one word among them), stop words, and the place a search names."""

import threading

import pytest

from directory.keywords import (
    MAX_QUERY_CHARS,
    MAX_WORDS,
    NO_SYNONYMS,
    Concept,
    Synonyms,
    parse,
    place_in,
    stem,
    tokens,
    words,
)

SEEDED_LIKE = Synonyms.of(
    [
        "respite, short break, short breaks",
        "autism, autistic, ASD",
        "holiday club, playscheme, play scheme",
        "PMLD, profound and multiple learning difficulties",
        "sleepover, overnight, overnight stay",
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Swimming CLUB", ["swimming", "club"], id="lower_case"),
        pytest.param("children's club", ["children", "club"], id="possessive_dropped"),
        pytest.param("children\u2019s club", ["children", "club"], id="curly_apostrophe_too"),
        pytest.param("after-school club", ["after", "school", "club"], id="hyphens_split"),
        pytest.param("club, club; CLUB!", ["club"], id="each_word_once"),
        pytest.param("ages 5-11", ["ages", "5", "11"], id="digits_are_words"),
        pytest.param("caf\u00e9 cr\u00e8che", ["cafe", "creche"], id="accents_aside"),
        pytest.param("Ysgol Gymraeg \u0175", ["ysgol", "gymraeg", "w"], id="welsh_letters"),
        pytest.param("under_score", ["under", "score"], id="underscore_splits"),
        pytest.param("  ...  ", [], id="no_words"),
        pytest.param("<script>alert(1)</script>", ["script", "alert", "1"], id="markup_is_text"),
    ],
)
def test_words_are_what_a_family_typed_in_lower_case(text, expected):
    assert words(text) == expected


def test_a_search_is_read_for_at_most_max_words_words():
    typed = " ".join(f"word{n}" for n in range(20))

    assert words(typed) == [f"word{n}" for n in range(MAX_WORDS)]
    assert len(words(typed, limit=None)) == 20


def test_a_huge_search_is_read_only_so_far():
    typed = "club " * 10_000 + "swimming"

    assert words(typed, limit=None) == ["club"]
    assert len(words("x" * (MAX_QUERY_CHARS * 4))[0]) == MAX_QUERY_CHARS


def test_a_services_text_keeps_every_word_and_repeat():
    assert tokens("Swim, swim and SWIM at Splash's pool") == [
        "swim",
        "swim",
        "and",
        "swim",
        "at",
        "splash",
        "pool",
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("swimming", "swim"),
        ("swim", "swim"),
        ("breaks", "break"),
        ("activities", "activ"),
        ("activity", "activ"),
        ("carers", "carer"),
        ("autistic", "autist"),  # not autism: the council's synonyms join those
    ],
)
def test_stems_are_snowball_english(word, expected):
    assert stem(word) == expected


def test_down_and_downs_syndrome_need_no_synonyms():
    def stems(text):
        return [concept.phrases for concept in parse(text).concepts]

    assert stems("Down's syndrome") == stems("downs syndrome") == stems("Down Syndrome")


def test_stemming_is_safe_from_many_threads():
    text = ["swimming", "playing", "activities", "breaks"] * 500
    results = []

    def work():
        results.append([stem(word + "s") for word in text])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(result == results[0] for result in results)


# ------------------------------------------------------------------------------ synonyms


def test_a_word_in_a_group_means_any_phrase_of_its_group_what_was_typed_first():
    query = parse("autistic", SEEDED_LIKE)

    assert query.concepts == (Concept("autistic", (("autist",), ("autism",), ("asd",))),)


def test_a_phrase_of_two_words_is_found_as_two_words_of_the_search():
    query = parse("short breaks", SEEDED_LIKE)

    assert query.concepts == (Concept("short breaks", (("short", "break"), ("respit",))),)


def test_a_phrase_is_found_among_other_words_longest_first():
    query = parse("Holiday club for autistic children", SEEDED_LIKE)

    assert [concept.text for concept in query.concepts] == [
        "holiday club",
        "autistic",
        "children",
    ]
    assert query.concepts[0].phrases == (("holiday", "club"), ("playschem",), ("play", "scheme"))
    assert query.concepts[2].phrases == (("children",),)


def test_a_phrase_with_stop_words_matches_the_search_without_them():
    typed = parse("profound and multiple learning difficulties", SEEDED_LIKE)

    assert len(typed.concepts) == 1
    assert typed.concepts[0].text == "profound and multiple learning difficulties"
    assert ("pmld",) in typed.concepts[0].phrases


def test_words_of_a_phrase_apart_or_in_another_order_are_not_the_phrase():
    query = parse("break short", SEEDED_LIKE)

    assert [concept.phrases for concept in query.concepts] == [(("break",),), (("short",),)]


def test_the_longer_phrase_wins_over_its_first_word():
    synonyms = Synonyms.of(["overnight, sleepover", "overnight stay, residential stay"])

    query = parse("overnight stay", synonyms)

    assert query.concepts == (
        Concept("overnight stay", (("overnight", "stay"), ("residenti", "stay"))),
    )


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        pytest.param(["respite"], (), id="one_phrase_is_no_group"),
        pytest.param(["carer, carers"], (), id="forms_of_one_word_are_one_phrase"),
        pytest.param([" , ,, "], (), id="nothing_but_commas"),
        pytest.param(
            ["respite,, short break ,"],
            ((("respit",), ("short", "break")),),
            id="empty_phrases_and_spaces_left_out",
        ),
        pytest.param(
            ["respite; short break\nbreather"],
            ((("respit",), ("short", "break"), ("breather",)),),
            id="semicolons_and_new_lines_separate_too",
        ),
    ],
)
def test_groups_are_read_as_the_council_wrote_them(groups, expected):
    assert Synonyms.of(groups).groups == expected


def test_a_phrase_in_two_groups_means_both():
    synonyms = Synonyms.of(["respite, short break", "short break, sitting service"])

    (concept,) = parse("short break", synonyms).concepts

    assert set(concept.phrases) == {("short", "break"), ("respit",), ("sit", "servic")}


def test_without_synonyms_each_word_is_a_concept_of_its_own():
    query = parse("respite autistic")

    assert [concept.phrases for concept in query.concepts] == [(("respit",),), (("autist",),)]
    assert all(concept.word for concept in query.concepts)


def test_only_a_word_in_no_group_may_be_corrected():
    query = parse("respite swiming autistic", SEEDED_LIKE)

    assert [concept.word for concept in query.concepts] == [None, "swiming", None]


# ----------------------------------------------------------------------------- stop words


def test_stop_words_are_dropped_and_kept_in_the_words():
    query = parse("clubs for the children of Dorset")

    assert [concept.text for concept in query.concepts] == ["clubs", "children", "dorset"]
    assert query.text == "clubs for the children of dorset"


def test_a_search_of_stop_words_alone_keeps_them():
    query = parse("The Of")

    assert [concept.phrases for concept in query.concepts] == [(("the",),), (("of",),)]


def test_stop_words_do_not_count_towards_max_words():
    typed = "a club for the children and " + " ".join(f"w{n}" for n in range(10))

    query = parse(typed)

    assert len(query.concepts) == MAX_WORDS
    assert query.concepts[-1].text == f"w{MAX_WORDS - 3}"


def test_a_search_with_no_words_has_no_concepts():
    assert not parse("  -- !! ", SEEDED_LIKE)
    assert parse("", NO_SYNONYMS).concepts == ()


def test_a_corrected_word_is_read_again_with_its_synonyms():
    query = parse("short braek swiming", SEEDED_LIKE)

    corrected = query.replaced({"braek": "break", "swiming": "swimming"})

    assert [concept.text for concept in corrected.concepts] == ["short break", "swimming"]
    assert ("respit",) in corrected.concepts[0].phrases


def test_the_same_word_twice_is_one_concept():
    assert len(parse("swimming swim swimming").concepts) == 1  # one stem
    assert len(parse("respite short break", SEEDED_LIKE).concepts) == 1  # one group


# --------------------------------------------------------------------------------- places

PLACES = ["Dorchester", "Dorchester and West", "Lyme Regis", "King's Lynn", "St. Ives"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("swimming dorchester", ("Dorchester", "swimming"), id="a_town"),
        pytest.param("Dorchester and West", ("Dorchester and West", ""), id="the_longest"),
        pytest.param("lyme regis club", ("Lyme Regis", "club"), id="two_words"),
        pytest.param("dorchesterx", (None, "dorchesterx"), id="whole_words_only"),
        pytest.param("xdorchester club", (None, "xdorchester club"), id="whole_words_at_start"),
        pytest.param(
            "clubs in DORCHESTER & WEST on Saturdays",
            ("Dorchester and West", "clubs in on Saturdays"),
            id="ampersand_is_and",
        ),
        pytest.param("lyme-regis", ("Lyme Regis", ""), id="punctuation_aside"),
        pytest.param("kings lynn swim", ("King's Lynn", "swim"), id="apostrophe_aside"),
        pytest.param("st ives", ("St. Ives", ""), id="full_stop_aside"),
        pytest.param("lyme club", (None, "lyme club"), id="part_of_a_name_is_not_it"),
        pytest.param("swimming", (None, "swimming"), id="no_place"),
        pytest.param("", (None, ""), id="empty"),
    ],
)
def test_a_place_name_in_a_search_is_found_and_taken_out(text, expected):
    assert place_in(text, PLACES) == expected


def test_the_first_of_two_places_is_taken_when_they_are_as_long():
    assert place_in("dorchester lyme regis", ["Dorchester", "Lyme"]) == (
        "Dorchester",
        "lyme regis",
    )


def test_a_place_named_only_by_stop_words_is_never_found():
    assert place_in("clubs in the area", ["The", "In"]) == (None, "clubs in the area")


def test_no_places_finds_none():
    assert place_in("swimming dorchester", []) == (None, "swimming dorchester")
