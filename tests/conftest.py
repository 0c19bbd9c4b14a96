import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import CouncilFactory


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in the cache; each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def council(db):
    """The council's configuration, filled in as an officer would in the admin."""
    return CouncilFactory()
