"""The health check at /health: the cheapest page, through the whole middleware stack."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_answers_ok_as_plain_text_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health")

    assert response.status_code == 200
    assert response.content == b"OK"
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_health_is_never_cached_by_browsers(client):
    response = client.get(reverse("health"))

    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_health_goes_through_the_middleware_like_every_page(client):
    response = client.get("/health")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


def test_health_answers_head_without_a_body(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.head("/health")

    assert response.status_code == 200
    assert response.content == b""


def test_health_refuses_post(client):
    response = client.post("/health")

    assert response.status_code == 405
    assert "GET" in response["Allow"]
