"""Measure pages the way a server serves them: the whole Django stack, in this process."""

import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from portal.nonprod.demo.council import seed_council
from portal.nonprod.demo.directory import seed_directory
from portal.nonprod.demo.geography import seed_geography
from portal.nonprod.demo.scale import seed_scale


@dataclass(frozen=True)
class Measurement:
    name: str
    status: int
    median_ms: float
    p95_ms: float
    sql_ms: float
    queries: int
    size_kb: float

    def row(self) -> str:
        return (
            f"| {self.name} | {self.status} | {self.median_ms:.1f} | {self.p95_ms:.1f} | "
            f"{self.sql_ms:.1f} | {self.queries} | {self.size_kb:.1f} |"
        )


HEADER = (
    "| page | status | median ms | p95 ms | of which SQL ms | queries | KB |\n"
    "|---|---|---|---|---|---|---|"
)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client: Client, name: str, url: str, *, runs: int, warmup: int = 3, **extra):
    """Time `runs` GETs of the url after `warmup` unmeasured ones; count queries once."""
    for _ in range(warmup):
        _body(client.get(url, **extra))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        _body(client.get(url, **extra))
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
        body = _body(response)
    return Measurement(
        name,
        response.status_code,
        statistics.median(times),
        percentile(times, 0.95),
        sum(float(query["time"]) for query in queries.captured_queries) * 1000,
        len(queries.captured_queries),
        len(body) / 1024,
    )


def _body(response) -> bytes:
    """The whole body; a streamed one is only made as it is read."""
    return b"".join(response.streaming_content) if response.streaming else response.content


@contextmanager
def fresh_database():
    """A new, empty database beside the configured one (its test database), removed after."""
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with override_settings(
            DEBUG=False, ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False
        ):
            yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


@contextmanager
def directory_at_scale(services: int):
    """A fresh database holding the demo council and `services` generated services, analysed
    as a live database would be. Yields how many seconds the seeding took."""
    with fresh_database():
        started = time.perf_counter()
        seed_council()
        seed_directory(seed_geography())
        seed_scale(services=services)
        analyse()
        yield time.perf_counter() - started


def add_scale_arguments(parser, *, queries_help: str = "list each request's queries") -> None:
    """The options of every benchmark of the directory at scale."""
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--queries", action="store_true", help=queries_help)


def seeded_line(services: int, seconds: float, runs: int, *, per: str = "request") -> str:
    """What a benchmark of the directory at scale says first: how long the seeding took."""
    return (
        f"{connection.vendor}: seeded {services} services in "
        f"{seconds:.1f}s; {runs} runs per {per}.\n"
    )


def analyse():
    """Fresh planner statistics after a bulk load. On PostgreSQL, what autovacuum does on a
    live database (and a visibility map, so that covering indexes answer on their own); on
    SQLite, which has no autovacuum, `ANALYZE` (the searches measured within noise of the
    same figures without it; docs/performance.md)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


def profile_page(client: Client, url: str, *, runs: int) -> str:
    """Where the time goes in `runs` GETs of the url, as pyinstrument's text report."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(runs):
            client.get(url)
    return profiler.output_text(color=False, unicode=False)


def query_report(client: Client, url: str) -> str:
    """Each query one GET of the url makes, slowest first, with its time."""
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    lines = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))
    return "\n".join(f"    {float(q['time']) * 1000:7.1f} ms  {q['sql'][:110]}" for q in lines)


def write_measurements(
    write: Callable[[str], object],
    client: Client,
    urls: dict[str, str],
    *,
    runs: int,
    queries: bool = False,
    runs_for: Callable[[str], int] | None = None,
) -> None:
    """Write the table of each named url's `measure` row under its HEADER, each row followed by
    its queries when asked; `runs_for(url)`, when given, says how many runs a url takes instead.
    A row at a time, so that a long benchmark shows its progress as it goes."""
    write(HEADER)
    for name, url in urls.items():
        write(measure(client, name, url, runs=runs_for(url) if runs_for else runs).row())
        if queries:
            write(query_report(client, url))


def signed_in(username: str, role: str) -> tuple[Client, object]:
    """A client signed in as a new staff user in the role, and the user."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client, user
