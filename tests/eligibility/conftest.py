import datetime as dt
from pathlib import Path

import pytest

from eligibility.case_files import parse_case_file
from eligibility.services import ruleset_from_case_file, ruleset_publish
from tests.factories import LocalityFactory, PostcodeDistrictFactory, PostcodeFactory

CASES = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "eligibility"
    / "west-sussex-style-cases.yaml"
)


@pytest.fixture
def default_ruleset(db):
    """The West Sussex-style default, published from 1 January 2026 with its 21 cases."""
    draft = ruleset_from_case_file(
        case_file=parse_case_file(CASES.read_text()), valid_from=dt.date(2026, 1, 1)
    )
    return ruleset_publish(ruleset=draft, today=dt.date(2026, 1, 1))


@pytest.fixture
def area(db):
    """DT1 1XJ is in the council's Dorchester locality; nothing else is known."""
    locality = LocalityFactory(code="dorchester", name="Dorchester")
    PostcodeDistrictFactory(code="DT1", latitude=50.71, longitude=-2.44, locality=locality)
    PostcodeFactory(postcode="DT1 1XJ", latitude=50.7152, longitude=-2.4406, locality=locality)
    return locality
