import pytest
from django.conf import settings
from django.core.cache import cache
from pytest_django.plugin import blocking_manager_key

from tests import migration_data
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has emptied the tables, put back what the migrations made,
    so that every test finds it, in any order (tests/migration_data.py)."""
    result = yield
    # After the last test the session's fixtures, the test database among them, are gone.
    if nextitem is not None and migration_data.is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            migration_data.restore()
    return result
