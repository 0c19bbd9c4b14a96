import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_runs_a_pages_queries_without_parallel_workers():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)
