"""A service's search text (directory.search): the words its description, provider, lists and
venues give; the index (directory.keyword_index) stems and weighs them."""

from directory.search import search_document


def test_search_document_joins_the_non_empty_parts_in_lower_case():
    assert search_document("Saturday Club", "", "  ", "Near Hall") == "saturday club near hall"


def test_search_document_trims_each_part_and_is_empty_without_words():
    assert search_document("  Games  ", None, "\tCrafts\n") == "games crafts"
    assert search_document() == ""
    assert search_document("", "   ", None) == ""
