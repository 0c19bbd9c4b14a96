import pytest

from portal.presenters import describe_duration


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (604_800, "7 days"),
        (86_400, "1 day"),
        (7_200, "2 hours"),
        (3_600, "1 hour"),
        (1_800, "30 minutes"),
        (90_000, "25 hours"),
        (61, "61 seconds"),
    ],
)
def test_describe_duration_uses_the_largest_whole_unit(seconds, words):
    assert describe_duration(seconds) == words
