"""The alert command reads each alert's search as the directory's own filter does."""

import pytest
from django.http import QueryDict

from directory.filters import ServiceFilter
from directory.models import Council
from directory.querysets import FilterOptions
from directory.short_notice.alerts import SearchReader

QUERIES = [
    "",
    "age=9",
    "age=9&need=ASD&kind=sport",
    "postcode=DT1+1XJ&distance=5&locality=home",
    "postcode=dt1+1xj",
    "q=swimming&only=free&day=saturday&time=weekends&tier=targeted&access=hoist&sort=name",
]
INVALID = ["age=ninety", "postcode=ZZ99+9ZZ", "need=nope", "distance=7"]


def directory_search(query, options, council):
    filterset = ServiceFilter(
        QueryDict(query),
        options=options,
        council_name=council.name,
        radius_miles=council.search_radius_miles,
    )
    return filterset.search if filterset.form.is_valid() else None


@pytest.mark.parametrize("query", QUERIES + INVALID)
def test_a_search_reads_as_the_directory_reads_it(world, council, query):
    options, council = FilterOptions.load(), Council.objects.current()
    reader = SearchReader(options, council)

    twice = [reader.search(query), reader.search(query)]  # the postcode from the reader's memo

    assert twice == [directory_search(query, options, council)] * 2
    assert (twice[0] is None) == (query in INVALID)
