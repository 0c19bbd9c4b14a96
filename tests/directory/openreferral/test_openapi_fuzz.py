"""Schemathesis reads the served OpenAPI document and throws generated requests at every
operation, valid and not: no answer may be a server error or disagree with the document
(status, content type, body schema, accepting what it calls valid, refusing what it does not)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

PATHS = [
    "/api/openreferral/",
    "/api/openreferral/services",
    "/api/openreferral/services/{id}",
    "/api/openreferral/taxonomies",
    "/api/openreferral/taxonomies/{id}",
    "/api/openreferral/taxonomy_terms",
    "/api/openreferral/taxonomy_terms/{id}",
    "/api/openreferral/service_at_locations",
    "/api/openreferral/service_at_locations/{id}",
]


# Invalid requests can be made only where a parameter has rules: the lists' query strings.
CASES = [(path, schemathesis.GenerationMode.POSITIVE) for path in PATHS] + [
    (path, schemathesis.GenerationMode.NEGATIVE)
    for path in PATHS
    if not path.endswith("}") and not path.endswith("/")
]


@pytest.fixture
def served_document(world):
    # As Django's test client does: a request must not close the test's database connection
    # (its transaction holds the test data), which the WSGI handler would do on PostgreSQL.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/openreferral/openapi.json", get_wsgi_application()
        )
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_the_document_lists_every_operation(served_document):
    assert sorted(served_document) == sorted(PATHS)


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{p} {m.value}" for p, m in CASES])
def test_every_operation_answers_as_its_document_says(served_document, path, mode):
    operation = served_document[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=50,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def answers_as_documented(case):
        case.call_and_validate()

    answers_as_documented()
