"""Places on the small directory of tests/directory/conftest.py (`world`)."""

import pytest
from django.contrib.auth.models import Group, Permission

from directory.roles import DIRECTORY_EDITOR, PROVIDER, sync_roles
from tests.factories import ShortNoticePlaceFactory, UserFactory


@pytest.fixture
def people(db):
    """An editor, and a provider user who acts for the Saturday club's provider only."""
    sync_roles(Group, Permission)
    return {
        "editor": UserFactory(username="eddie", roles=[DIRECTORY_EDITOR]),
        "provider": UserFactory(username="sam", roles=[PROVIDER]),
    }


@pytest.fixture
def own_service(world, people):
    service = world.services.saturday_club
    service.provider.users.add(people["provider"])
    return service


@pytest.fixture
def place(world):
    """Tomorrow at the Saturday club (ages 5 to 11, autism, 0.5 miles from DT1 1XJ)."""
    return ShortNoticePlaceFactory(service=world.services.saturday_club, kind=world.kinds.saturday)
