"""Arbitrary query strings at the directory never get a server error."""

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARAMETERS = [
    "q",
    "postcode",
    "distance",
    "age",
    "age_band",
    "need",
    "kind",
    "day",
    "time",
    "locality",
    "tier",
    "only",
    "access",
    "sort",
    "page",
    "services",
    "x",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "9",
            "25",
            "26",
            "1e9",
            "99999999999999999999",
            "DT1 1XJ",
            "DT1",
            "ZZ9 9ZZ",
            "ASD",
            "saturday",
            "weekends",
            "distance",
            "relevance",
            "\x00",
            "%00",
            "'; DROP TABLE directory_service; --",
            "<script>",
            "NaN",
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
QUERIES = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=8)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=QUERIES)
def test_no_query_string_gets_a_server_error(client, world, council, query):
    response = client.get(f"/directory/?{urlencode(query)}")

    assert response.status_code in (200, 302), (query, response.status_code)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.text(max_size=120))
def test_no_raw_query_string_gets_a_server_error(client, world, council, raw):
    response = client.get(
        "/directory/",
        QUERY_STRING=raw.encode("utf-8", "surrogatepass").decode("latin-1", "replace"),
    )

    assert response.status_code in (200, 302)
