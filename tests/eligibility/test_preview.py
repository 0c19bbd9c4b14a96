"""A commissioner walks the public journey against a draft ruleset: a preview that records
nothing, only for staff who may change rulesets."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from eligibility.models import CheckRecord
from eligibility.services import ruleset_new_version
from tests.eligibility.test_families import text_of, walk
from tests.factories import UserFactory


@pytest.fixture
def draft(default_ruleset):
    """A draft whose targeted breaks end on the 16th birthday."""
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))
    draft.age_limit = 16
    draft.public_name = "Testshire short breaks criteria 2027"
    draft.save()
    return draft


@pytest.fixture
def commissioner(client, db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_ruleset"))
    client.force_login(user)
    return client


def test_the_admin_offers_a_preview(admin_client, draft):
    html = admin_client.get(
        reverse("admin:eligibility_ruleset_change", args=[draft.pk])
    ).content.decode()

    assert f'href="/check/preview/{draft.pk}/"' in html


def test_a_preview_walks_the_journey_against_the_draft_and_records_nothing(
    commissioner, council, area, draft
):
    response = commissioner.get(f"/check/preview/{draft.pk}/")
    assert response["Location"] == "/check/postcode/"
    assert "You are previewing" in commissioner.get("/check/postcode/").content.decode()

    _, check, html = walk_from_preview(commissioner, draft)

    assert "You are previewing" in check and "You are previewing" in html
    text = text_of(html)
    assert "Targeted short breaks end on the 16th birthday. Your child is 16." in text
    assert "Testshire short breaks criteria 2027, which Testshire Council uses from" in text
    assert CheckRecord.objects.count() == 0


def walk_from_preview(client, draft):
    """walk() starts again first; a preview is started again from its own address."""
    original_post = client.post

    def post(path, *args, **kwargs):
        if path == "/check/start-again/":
            return client.get(f"/check/preview/{draft.pk}/")
        return original_post(path, *args, **kwargs)

    client.post = post
    try:
        return walk(client, 16, pip="enhanced")
    finally:
        client.post = original_post


@pytest.mark.parametrize("who", ["anonymous", "staff without the permission"])
def test_nobody_else_may_preview(client, db, draft, who):
    if who != "anonymous":
        client.force_login(UserFactory(is_staff=True))

    assert client.get(f"/check/preview/{draft.pk}/").status_code == 404


def test_a_preview_ends_when_the_commissioner_signs_out(commissioner, council, area, draft):
    commissioner.get(f"/check/preview/{draft.pk}/")
    commissioner.post("/check/postcode/", {"answer": "DT1 1XJ"})
    commissioner.logout()

    assert (
        "Your answers have been cleared"
        in commissioner.get("/check/date-of-birth/").content.decode()
    )


def test_a_preview_of_a_missing_ruleset_is_not_found(commissioner):
    assert commissioner.get("/check/preview/999999/").status_code == 404
