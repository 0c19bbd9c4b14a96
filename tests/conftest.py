import pytest

from tests.factories import CouncilFactory


@pytest.fixture
def council(db):
    """The council's configuration, filled in as an officer would in the admin."""
    return CouncilFactory()
