"""make bench-http's pure parts: the pages it loads, wrk's command line, reading wrk's report
and /proc's memory, and the table. No server and no wrk here."""

import re

import pytest

from portal.nonprod.benchmarks.http import (
    TRIVIAL,
    WRK_SCRIPT,
    BenchError,
    Facts,
    Load,
    Memory,
    Page,
    Result,
    build_pages,
    format_table,
    memory_table,
    parse_report,
    parse_smaps_rollup,
    table_row,
    wrk_command,
)

FACTS = Facts(
    database="SQLite 3.40.1",
    published=10_127,
    last_page=507,
    service_id="d19f2480-15af-5965-ab96-6f3c9d4e21b8",
    localities=("chesil", "east", "north"),
    needs=("ASD", "SLD"),
    kinds=("saturday-club", "sport"),
)

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:40001/health
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.95ms    3.12ms  41.20ms   91.02%
  8132 requests in 10.00s, 7.40MB read
Requests/sec:    813.20
Transfer/sec:    757.80KB
wrk-report {"requests": 8132, "seconds": 10.000123, "bytes": 7759872, "p50_us": 4612, \
"p95_us": 9703, "p99_us": 21598, "max_us": 41200, "non_2xx": 0, "first_bad_status": 0, \
"errors": 0}
"""


def result(name=TRIVIAL, requests=1000, seconds=10.0, **fields):
    values = {
        "bytes": requests * 2048,
        "p50_ms": 4.6,
        "p95_ms": 9.7,
        "p99_ms": 21.6,
        "non_2xx": 0,
        "first_bad_status": 0,
        "errors": 0,
        **fields,
    }
    page = values.pop("page", Page(name, "/"))
    return Result(page=page, requests=requests, seconds=seconds, **values)


# ---------------------------------------------------------------------------- the pages


def test_the_trivial_view_comes_first_and_every_page_is_named_once():
    pages = build_pages(FACTS, seed=7)

    assert pages[0] == Page(TRIVIAL, "/health")
    assert len({page.name for page in pages}) == len(pages)


def test_the_pages_are_the_sites_real_addresses():
    paths = {page.name: page.path for page in build_pages(FACTS, seed=7)}

    assert paths == {
        TRIVIAL: "/health",
        "home page": "/",
        "search: no filters": "/directory/",
        "search: keyword": "/directory/?q=swimming",
        "search: postcode": "/directory/?postcode=DT1+1XJ",
        "search: combined": (
            "/directory/?age=9&need=ASD&locality=east&kind=saturday-club&postcode=DT1+1XJ"
        ),
        "search: page 50": "/directory/?page=50",
        "service page": "/directory/services/d19f2480-15af-5965-ab96-6f3c9d4e21b8/",
        "API: services": "/api/openreferral/services?search=club",
        "API: near a postcode": (
            "/api/openreferral/service_at_locations?postcode=DT1+1XJ&proximity=16000"
        ),
        "places: no filters": "/places/",
        "places: combined": "/places/?age=9&need=ASD&locality=east",
        "new places searches": "/places/",
        "new searches": "/directory/",
    }


def test_the_combined_search_takes_the_first_code_when_the_usual_one_is_missing():
    facts = Facts(**{**FACTS.__dict__, "needs": ("SLD",), "localities": ("purbeck",)})

    combined = next(page for page in build_pages(facts, seed=7) if page.name.endswith("combined"))

    assert "need=SLD&locality=purbeck" in combined.path


def test_a_small_directory_asks_for_its_last_page_not_a_page_it_does_not_have():
    facts = Facts(**{**FACTS.__dict__, "published": 427, "last_page": 22})

    names = [page.name for page in build_pages(facts, seed=7)]

    assert "search: page 22" in names


def test_new_searches_vary_over_the_databases_codes_on_one_connection():
    new = build_pages(FACTS, seed=7)[-1]

    assert new.connections == 1
    assert new.new_searches[0] == "seed=7"
    assert {"q=club", "locality=chesil", "need=SLD", "kind=sport"} <= set(new.new_searches)
    others = [page for page in build_pages(FACTS, seed=7) if not page.name.startswith("new ")]
    assert all(page.new_searches == () for page in others)


def test_new_places_searches_ask_what_the_places_page_asks_on_one_connection():
    places = next(page for page in build_pages(FACTS, seed=7) if page.name == "new places searches")

    assert places.path == "/places/"
    assert places.connections == 1
    assert {"locality=chesil", "need=SLD", "kind=sport"} <= set(places.new_searches)
    assert not [choice for choice in places.new_searches if choice.startswith("q=")]


# ---------------------------------------------------------------------------- wrk's command


def test_wrk_loads_a_page_as_a_load_balancer_ending_tls_would_send_it():
    command = wrk_command("http://127.0.0.1:4000", Page("home page", "/"), Load(), seconds=10)

    assert command == [
        "wrk",
        "-t1",
        "-c4",
        "-d10s",
        "--timeout=10s",
        "-H",
        "X-Forwarded-Proto: https",
        "-H",
        "X-Forwarded-For: 198.51.100.7",
        "-s",
        str(WRK_SCRIPT),
        "http://127.0.0.1:4000/",
    ]


def test_wrk_is_given_the_new_searches_after_a_double_dash_and_their_own_connections():
    new = build_pages(FACTS, seed=7)[-1]

    command = wrk_command("http://127.0.0.1:4000", new, Load(threads=2, connections=8), seconds=5)

    assert command[1:4] == ["-t1", "-c1", "-d5s"]
    assert command[command.index("--") + 1 :] == list(new.new_searches)


def test_the_lua_script_reports_every_field_the_runner_reads():
    lua = WRK_SCRIPT.read_text()

    fields = set(re.findall(r'"(\w+)": %', lua))

    assert fields == {
        "requests",
        "seconds",
        "bytes",
        "p50_us",
        "p95_us",
        "p99_us",
        "max_us",
        "non_2xx",
        "first_bad_status",
        "errors",
    }
    assert "wrk-report " in lua


# ---------------------------------------------------------------------------- wrk's report


def test_wrks_report_is_read_in_milliseconds_and_requests_per_second():
    read = parse_report(Page(TRIVIAL, "/health"), WRK_OUTPUT)

    assert (read.requests, read.bytes, read.non_2xx, read.errors) == (8132, 7759872, 0, 0)
    assert (read.p50_ms, read.p95_ms, read.p99_ms) == (4.612, 9.703, 21.598)
    assert read.per_second == pytest.approx(813.19, abs=0.01)
    assert not read.failed


def test_the_last_report_counts_when_wrk_wrote_more_than_one():
    output = WRK_OUTPUT + WRK_OUTPUT.splitlines()[-1].replace('"requests": 8132', '"requests": 9')

    assert parse_report(Page(TRIVIAL, "/health"), output).requests == 9


def test_output_without_a_report_is_an_error_that_shows_it():
    with pytest.raises(BenchError, match="unable to connect"):
        parse_report(Page(TRIVIAL, "/health"), "unable to connect to 127.0.0.1:4000")


@pytest.mark.parametrize(
    ("fields", "failed"),
    [
        ({}, False),
        ({"non_2xx": 3, "first_bad_status": 500}, True),
        ({"errors": 1}, True),
        ({"requests": 0}, True),
    ],
    ids=["all 2xx", "a 500", "a socket error", "no requests at all"],
)
def test_a_page_failed_when_any_response_was_not_2xx_or_none_came(fields, failed):
    assert result(**fields).failed is failed


# ---------------------------------------------------------------------------- the table


def test_each_page_is_read_against_the_trivial_views_requests_per_second():
    table = format_table(
        [result(TRIVIAL, requests=8000), result("service page", requests=2500, p95_ms=12.34)]
    )

    lines = table.splitlines()
    assert lines[0].startswith("| page | requests/s | p50 ms | p95 ms | p99 ms |")
    assert lines[2] == "| trivial view | 800.0 | 4.6 | 9.7 | 21.6 | 100.0% | 2.0 | 0 |"
    assert lines[3] == "| service page | 250.0 | 4.6 | 12.3 | 21.6 | 31.2% | 2.0 | 0 |"


def test_a_page_under_another_load_says_so_and_has_no_share():
    new = Page("new searches", "/directory/", connections=1)

    row = table_row(result(page=new, requests=300), ceiling=800.0)

    assert row.startswith("| new searches (-c1) | 30.0 |")
    assert "| - |" in row


def test_errors_stand_out_in_the_table():
    row = table_row(result(non_2xx=12, first_bad_status=502, errors=3), ceiling=100.0)

    assert row.endswith("| **12** (first: 502), **3 socket errors** |")


# ---------------------------------------------------------------------------- memory

SMAPS_ROLLUP = """\
55d0c8a4e000-7ffd2b9f6000 ---p 00000000 00:00 0                          [rollup]
Rss:              111000 kB
Pss:               88474 kB
Pss_Anon:          70000 kB
Shared_Clean:      22000 kB
Private_Dirty:     70000 kB
"""


def test_rss_and_pss_are_read_in_megabytes_from_smaps_rollup():
    assert parse_smaps_rollup(SMAPS_ROLLUP) == pytest.approx((108.40, 86.40), abs=0.01)


def test_the_memory_table_has_a_row_per_process():
    table = memory_table([Memory("gunicorn worker 1", 42, 108.4, 86.4)])

    assert table.splitlines()[-1] == "| gunicorn worker 1 | 42 | 108.4 | 86.4 |"
