"""A small directory where every figure is known: three venues at set distances from a postcode,
and services whose ages, needs, kinds, times and costs each filter can tell apart. And what the
back office's tests share: the lists a listing names, the service form, importing a file."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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


@pytest.fixture
def lists(db):
    """A kind of break and a locality for a listing to name, and a need to add to it."""
    return {
        "kind": BreakKindFactory(code="saturday-club", name="Saturday club"),
        "locality": LocalityFactory(code="home", name="Home"),
        "need": NeedFactory(code="ASD", name="Autism"),
    }


def service_form(service, lists, **changes):
    """What the admin's service form posts for the service, with some fields changed."""
    data = {
        "provider": service.provider.pk,
        "name": service.name,
        "summary": service.summary,
        "description": service.description,
        "min_age": service.min_age,
        "max_age": service.max_age,
        "tier": service.tier,
        "access_route": service.access_route,
        "availability": service.availability,
        "cost_amount": service.cost_amount or "",
        "cost_unit": service.cost_unit,
        "kinds": [lists["kind"].pk],
        "localities": [lists["locality"].pk],
        # A published listing names at least one need (directory.admin.forms.ServiceForm).
        "needs": [lists["need"].pk],
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "locations-TOTAL_FORMS": "0",
        "locations-INITIAL_FORMS": "0",
    }
    return data | changes


CSV_FORMAT, XLSX_FORMAT = "0", "1"  # the back office's import and export formats, in its order


def upload(client, model, content: bytes, name="services.csv", fmt=CSV_FORMAT):
    """A file sent to the model's import page in the back office: the preview of its rows."""
    return client.post(
        reverse(f"admin:directory_{model}_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": fmt, "resource": "0"},
    )


def confirm(client, model, preview):
    """The import a preview offers, confirmed."""
    return client.post(
        reverse(f"admin:directory_{model}_process_import"), preview.context["confirm_form"].initial
    )


@pytest.fixture
def bigger_world(world):
    """The world, with a club at two venues and a club with no venue that serves both areas."""
    ServiceFactory(
        name="Beach Club",
        venues=[world.venues.middle, world.venues.near],
        needs=[world.needs.physical],
        kinds=[world.kinds.saturday],
        localities=[world.localities.away],
        min_age=10,
        max_age=19,
        sessions=[(5, "09:00", "12:00", "term_time")],
    )
    ServiceFactory(
        name="Chess Club",
        venues=[],
        localities=[world.localities.home, world.localities.away],
        tier="universal",
        last_checked_on=None,
    )
    return world
