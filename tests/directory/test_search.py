import pytest

from directory.search import MAX_WORDS, fallback_terms, fts_match, search_document, stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [("clubs", "club"), ("swimming", "swimm"), ("played", "play"), ("bus", "bus"), ("art", "art")],
)
def test_stem_strips_common_english_endings(word, expected):
    assert stem(word) == expected


def test_fallback_terms_are_distinct_stems_capped():
    assert fallback_terms("Clubs, CLUB and clubs!") == ["club", "and"]
    assert len(fallback_terms(" ".join(f"word{i}" for i in range(20)))) == MAX_WORDS


def test_fts_match_quotes_every_word_so_nothing_is_read_as_syntax():
    assert (
        fts_match('swim "club" OR NEAR(x) -drop')
        == '"swim" AND "club" AND "or" AND "near" AND "x" AND "drop"'
    )


def test_fts_match_is_none_without_words():
    assert fts_match("  !!! ** ") is None


def test_search_document_joins_the_non_empty_parts_in_lower_case():
    assert search_document("Saturday Club", "", "  ", "Weymouth") == "saturday club weymouth"
