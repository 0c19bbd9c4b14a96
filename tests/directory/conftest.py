"""A small directory where every figure is known: three venues at set distances from a postcode,
and services whose ages, needs, kinds, times and costs each filter can tell apart."""

from types import SimpleNamespace

import pytest

from tests.factories import (
    AccessibilityFeatureFactory,
    AgeBandFactory,
    BreakKindFactory,
    LocalityFactory,
    NeedFactory,
    PostcodeDistrictFactory,
    PostcodeFactory,
    ServiceFactory,
    VenueFactory,
)

ORIGIN = (50.7152, -2.4406)  # DT1 1XJ
MILE = 1 / 69.05  # of latitude


@pytest.fixture
def world(db):
    home = LocalityFactory(code="home", name="Home Valley")
    away = LocalityFactory(code="away", name="Far Coast")
    PostcodeDistrictFactory(code="DT1", latitude=ORIGIN[0], longitude=ORIGIN[1], locality=home)
    PostcodeFactory(postcode="DT1 1XJ", latitude=ORIGIN[0], longitude=ORIGIN[1], locality=home)
    autism = NeedFactory(code="ASD", name="Autism")
    physical = NeedFactory(code="PD", name="Physical disability")
    saturday = BreakKindFactory(code="saturday-club", name="Saturday club", heading="out_of_hours")
    swimming = BreakKindFactory(code="sport", name="Sport and swimming", heading="activities")
    overnight = BreakKindFactory(
        code="overnight-residential", name="Overnight stays", heading="overnight_care"
    )
    hoist = AccessibilityFeatureFactory(code="hoist", name="Hoist")
    toilet = AccessibilityFeatureFactory(code="changing-places", name="Changing Places toilet")
    for youngest, oldest in ((0, 4), (5, 11), (12, 16), (17, 18), (19, 25)):
        AgeBandFactory(min_age=youngest, max_age=oldest)

    near = VenueFactory(
        name="Near Hall",
        town="Dorchester",
        latitude=ORIGIN[0] + 0.5 * MILE,
        longitude=ORIGIN[1],
        features=[hoist, toilet],
    )
    middle = VenueFactory(
        name="Middle Hall",
        town="Charminster",
        latitude=ORIGIN[0] + 4 * MILE,
        longitude=ORIGIN[1],
        features=[hoist],
    )
    far = VenueFactory(
        name="Far Hall",
        town="Swanage",
        latitude=ORIGIN[0] - 15 * MILE,
        longitude=ORIGIN[1],
    )
    services = SimpleNamespace(
        saturday_club=ServiceFactory(
            name="Rainbow Saturday Club",
            summary="Saturday mornings of play.",
            description="Games, crafts and trips for children with autism.",
            min_age=5,
            max_age=11,
            tier="targeted",
            needs=[autism],
            kinds=[saturday],
            localities=[home],
            venues=[near],
            sessions=[(5, "10:00", "14:00", "all_year")],
            cost_amount=12,
            cost_unit="session",
        ),
        swimming=ServiceFactory(
            name="Splash Swimming",
            summary="Quiet pool sessions.",
            description="Swimming lessons with a hoist into the pool.",
            min_age=3,
            max_age=18,
            tier="universal",
            access_route="open",
            is_free=True,
            accepts_direct_payments=True,
            needs=[physical],
            kinds=[swimming],
            localities=[home],
            venues=[middle],
            sessions=[(2, "17:00", "18:30", "term_time")],
            availability="waiting_list",
        ),
        overnight=ServiceFactory(
            name="Harbour House",
            summary="Overnight short breaks.",
            description="Overnight stays with nurses for complex needs.",
            min_age=8,
            max_age=17,
            tier="specialist",
            access_route="assessment",
            needs=[autism, physical],
            kinds=[overnight],
            localities=[away],
            venues=[far],
            sessions=[(4, "16:00", "10:00", "all_year")],
            availability="full",
        ),
        sitter=ServiceFactory(
            name="Home Sitters",
            summary="A sitter at home.",
            description="Evening sitting at home.",
            min_age=0,
            max_age=25,
            tier="targeted",
            needs=[autism],
            kinds=[swimming],
            localities=[home],
            venues=[],
            sessions=[(4, "18:00", "22:00", "all_year")],
        ),
        draft=ServiceFactory(name="Unfinished Club", status="draft", localities=[home]),
        archived=ServiceFactory(name="Closed Club", status="archived", localities=[home]),
    )
    return SimpleNamespace(
        services=services,
        localities=SimpleNamespace(home=home, away=away),
        needs=SimpleNamespace(autism=autism, physical=physical),
        kinds=SimpleNamespace(saturday=saturday, swimming=swimming, overnight=overnight),
        features=SimpleNamespace(hoist=hoist, toilet=toilet),
        venues=SimpleNamespace(near=near, middle=middle, far=far),
    )
