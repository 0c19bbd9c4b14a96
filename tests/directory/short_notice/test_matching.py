"""The one rule places add to the directory's search: a place suits the child and the kind of
break asked for, within what its service says."""

import numpy as np
import pytest

from directory.searches import Search
from directory.short_notice.matching import PlaceFacts, suits

AUTISM, PHYSICAL = 1 << 0, 1 << 1
CLUB, SPORT = 3, 4  # kinds' bits


def facts(min_age=5, max_age=11, needs=AUTISM, kind_bit=CLUB):
    return PlaceFacts(
        ids=[1],
        service_ids=[1],
        posted_at=np.array([0.0]),
        min_ages=np.array([min_age]),
        max_ages=np.array([max_age]),
        needs=np.array([needs]),
        kind_bits=np.array([kind_bit]),
    )


@pytest.mark.parametrize(
    ("search", "place", "expected"),
    [
        pytest.param(Search(), facts(), True, id="no-question-any-place"),
        pytest.param(Search(age=9), facts(), True, id="age-within-the-places-ages"),
        pytest.param(Search(age=12), facts(), False, id="age-above-the-places-ages"),
        pytest.param(Search(age=4), facts(), False, id="age-below-the-places-ages"),
        pytest.param(Search(age_band=(0, 4)), facts(min_age=4), True, id="age-group-overlaps"),
        pytest.param(Search(age_band=(12, 16)), facts(), False, id="age-group-does-not-overlap"),
        pytest.param(Search(needs=AUTISM), facts(), True, id="supports-the-need"),
        pytest.param(Search(needs=AUTISM | PHYSICAL), facts(), False, id="needs-all-of-them"),
        pytest.param(
            Search(needs=AUTISM | PHYSICAL),
            facts(needs=AUTISM | PHYSICAL),
            True,
            id="supports-every-need-asked",
        ),
        pytest.param(Search(kinds=1 << CLUB), facts(), True, id="one-of-the-kinds-asked"),
        pytest.param(Search(kinds=1 << SPORT), facts(), False, id="not-a-kind-asked"),
        pytest.param(
            Search(kinds=1 << SPORT | 1 << CLUB), facts(), True, id="any-of-the-kinds-asked"
        ),
    ],
)
def test_a_place_suits_a_search(search, place, expected):
    assert suits(search, place).tolist() == [expected]
