"""What migrations make is put back after a transactional test empties the tables."""

import pytest
from django.core.management import call_command
from django.db import connection

from directory.models import AgeBand, Council, Need
from tests import migration_data


def counts():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM directory_searchindexversion")
        tokens = cursor.fetchone()[0]
    return Council.objects.count(), Need.objects.count(), AgeBand.objects.count(), tokens


@pytest.mark.django_db(transaction=True)
def test_restore_makes_again_what_a_flush_removes():
    made_by_migrations = counts()
    call_command("flush", "--no-input", verbosity=0)  # as Django does after a transactional test
    # (PostgreSQL's truncate trigger sets a new search token at once; SQLite's flush leaves none.)
    assert counts()[:3] == (0, 0, 0)

    migration_data.restore()

    assert counts() == made_by_migrations
    assert AgeBand.objects.filter(code="5-11").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_twice_changes_nothing():
    before = counts()

    migration_data.restore()

    assert counts()[:3] == before[:3]


def test_a_test_without_a_transaction_is_not_taken_for_one(request):
    item = request.node
    assert not migration_data.is_transactional(item)
