import pytest

from tests.factories import BreakKindFactory, LocalityFactory, RulesetFactory, ServiceFactory


@pytest.fixture
def offer(council):
    """Two kinds of break and two areas: three published services and a draft.

    Saturday club: targeted in Chesil; universal in Chesil and East.
    Overnight stays: specialist in East. A draft Saturday club in East is not counted."""
    saturday = BreakKindFactory(code="teen-club", name="Saturday club", heading="activities")
    overnight = BreakKindFactory(code="sleepover", name="Overnight stays", heading="overnight_care")
    chesil = LocalityFactory(code="chesil", name="Chesil")
    east = LocalityFactory(code="east", name="East")
    services = {
        "targeted": ServiceFactory(tier="targeted", kinds=[saturday], localities=[chesil]),
        "universal": ServiceFactory(
            tier="universal",
            kinds=[saturday],
            localities=[chesil, east],
            accepts_direct_payments=True,
        ),
        "specialist": ServiceFactory(tier="specialist", kinds=[overnight], localities=[east]),
        "draft": ServiceFactory(
            tier="targeted", kinds=[saturday], localities=[east], status="draft"
        ),
    }
    return {
        "saturday": saturday,
        "overnight": overnight,
        "chesil": chesil,
        "east": east,
        **services,
    }


@pytest.fixture
def ruleset(db):
    """The published criteria: the default benefits, up to the 18th birthday."""
    return RulesetFactory(name="Our criteria", age_limit=18)
