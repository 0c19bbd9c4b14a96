"""Work per request is bounded by the site's size, never by the request's: oversize input gets
the GOV.UK 400 page before any work is done for it, and anonymous forms are rate-limited."""

import uuid

import pytest
from django.urls import reverse

from directory.shortlist import MAX_SERVICES, SESSION_KEY, parse_ids

pytestmark = pytest.mark.django_db


def many_ids(count):
    return ",".join(str(uuid.uuid4()) for _ in range(count))


def test_saving_a_shared_list_of_64000_ids_is_refused_without_a_query(
    client, council, django_assert_max_num_queries
):
    body = many_ids(64_000)  # 2.3 MB: under the upload limit, and quadratic to de-duplicate
    assert len(body) > 2_000_000

    with django_assert_max_num_queries(2):  # the council's name and the session, for the page
        response = client.post(reverse("directory:shortlist-save"), {"services": body})

    assert response.status_code == 400
    assert "Sorry, there is a problem with your request" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_shared_link_with_more_ids_than_a_shortlist_holds_is_refused(client, council):
    response = client.get(reverse("directory:shortlist"), {"services": many_ids(MAX_SERVICES + 1)})

    assert response.status_code == 400


def test_a_full_shared_list_is_still_shown(client, council):
    response = client.get(reverse("directory:shortlist"), {"services": many_ids(MAX_SERVICES)})

    assert response.status_code == 200


def test_parsing_ids_keeps_order_drops_repeats_and_rubbish():
    first, second = uuid.uuid4(), uuid.uuid4()

    assert parse_ids([str(first), "rubbish", f" {second} ", str(first), ""]) == [first, second]


def test_a_form_past_the_upload_limit_gets_the_400_page(client, council, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000

    response = client.post(reverse("directory:shortlist-save"), {"services": "x" * 2_000})

    assert response.status_code == 400
    assert "Sorry, there is a problem with your request" in response.content.decode()


# ---------------------------------------------------------------------- anonymous writes


def test_anonymous_forms_are_rate_limited_per_address(client, council, service, settings):
    settings.ANONYMOUS_WRITE_RATE = "3/m"
    form = {"service": str(service.pk)}

    answers = [client.post(reverse("directory:shortlist-add"), form) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert "Sorry, there have been too many attempts" in answers[-1].content.decode()
    other = client.post(reverse("directory:shortlist-add"), form, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_the_rate_limit_spans_every_anonymous_form(client, council, service, settings):
    settings.ANONYMOUS_WRITE_RATE = "2/m"
    client.post(reverse("directory:shortlist-add"), {"service": str(service.pk)})
    client.post(reverse("directory:shortlist-remove"), {"service": str(service.pk)})

    response = client.post("/check/start-again/")

    assert response.status_code == 429


def test_reading_pages_is_not_limited(client, council, settings):
    settings.ANONYMOUS_WRITE_RATE = "1/m"

    assert all(client.get("/").status_code == 200 for _ in range(5))


def test_staff_are_not_limited_by_the_anonymous_rate(admin_client, council, service, settings):
    settings.ANONYMOUS_WRITE_RATE = "1/m"
    form = {"service": str(service.pk)}

    answers = [admin_client.post(reverse("directory:shortlist-add"), form) for _ in range(3)]

    assert {answer.status_code for answer in answers} == {302}
