"""Fixtures for the security suite: a published service, the checker's ruleset and area."""

import pytest

from tests.eligibility.conftest import area, default_ruleset  # noqa: F401 (fixtures)
from tests.factories import ServiceFactory


@pytest.fixture
def service(council):
    return ServiceFactory()
