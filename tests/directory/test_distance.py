import pytest

from directory.distance import Point, box_around, great_circle_miles, miles_between

DORCHESTER = Point(50.7152, -2.4406)


@pytest.mark.parametrize(
    "other",
    [Point(50.6100, -2.4580), Point(50.8600, -2.1650), Point(50.6870, -2.1100), Point(50.9, -2.0)],
)
def test_the_flat_approximation_is_within_half_a_percent_of_the_great_circle(other):
    exact = great_circle_miles(DORCHESTER, other)

    assert miles_between(DORCHESTER, other) == pytest.approx(exact, rel=0.005)


def test_weymouth_is_about_seven_miles_from_dorchester():
    assert miles_between(DORCHESTER, Point(50.6100, -2.4580)) == pytest.approx(7.3, abs=0.2)


@pytest.mark.parametrize("miles", [1, 5, 20])
def test_the_box_holds_every_point_within_the_distance(miles):
    box = box_around(DORCHESTER, miles)

    north = Point(DORCHESTER.latitude + 0.999 * miles / 69.05, DORCHESTER.longitude)
    west = Point(
        DORCHESTER.latitude,
        DORCHESTER.longitude - 0.999 * miles / (69.05 * DORCHESTER.longitude_scale),
    )
    for point in (north, west):
        assert miles_between(DORCHESTER, point) < miles
        assert box.min_latitude <= point.latitude <= box.max_latitude
        assert box.min_longitude <= point.longitude <= box.max_longitude
    assert miles_between(DORCHESTER, Point(box.max_latitude, DORCHESTER.longitude)) == (
        pytest.approx(miles)
    )
