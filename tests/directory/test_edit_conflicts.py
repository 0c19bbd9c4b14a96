"""Two officers editing one record: the second save over an older revision is refused, writing
nothing, with both versions shown; the officer then keeps theirs, edits it again or takes the
other's. Services, providers, venues, the Statement and rulesets alike."""

import pytest
from django.test import Client
from django.urls import reverse

from directory import edit_conflicts
from directory.edit_conflicts import SEEN
from directory.models import Provider, Service
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from eligibility.models import Ruleset
from tests.directory.conftest import service_form
from tests.factories import (
    ProviderFactory,
    RulesetFactory,
    ServiceFactory,
    StatementFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def officer(name, role=DIRECTORY_EDITOR):
    client = Client()
    client.user = UserFactory(username=name, first_name=name.capitalize(), roles=[role])
    client.force_login(client.user)
    return client


@pytest.fixture
def alex(db):
    return officer("alex")


@pytest.fixture
def bo(db):
    return officer("bo")


@pytest.fixture
def service(lists):
    return ServiceFactory(
        name="Splash club",
        timing_notes="Not on bank holidays",
        needs=[lists["need"]],
        kinds=[lists["kind"]],
        localities=[lists["locality"]],
    )


def change_url(obj, model="service", app="directory"):
    return reverse(f"admin:{app}_{model}_change", args=[obj.pk])


def form_of(service, lists, **changes):
    """The admin's service form as an officer sends it, with some fields changed."""
    fields = {"status": service.status, "needs": [lists["need"].pk]}
    return service_form(service, lists, timing_notes=service.timing_notes, **fields) | changes


def opened(client, url) -> str:
    """The revision the change form at the url was opened on."""
    response = client.get(url)
    assert response.status_code == 200
    return response.context["adminform"].form[SEEN].value()


def test_every_save_raises_the_revision(service):
    before = service.revision
    service.save(update_fields=["name"])
    service.refresh_from_db()
    assert service.revision == before + 1


def test_the_second_officer_saving_a_stale_form_gets_the_conflict_page_and_nothing_is_lost(
    alex, bo, service, lists
):
    url = change_url(service)
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    saved = bo.post(
        url, form_of(service, lists, timing_notes="Closed in August", **{SEEN: bo_seen})
    )
    assert saved.status_code == 302

    refused = alex.post(url, form_of(service, lists, name="Splash Club Plus", **{SEEN: alex_seen}))

    assert refused.status_code == 409
    service.refresh_from_db()
    assert (service.name, service.timing_notes) == ("Splash club", "Closed in August")
    page = refused.content.decode()
    assert "Your changes have not been saved" in page and "Bo saved" in page
    rows = {d.label: (d.before, d.after) for d in refused.context["conflict"].differences}
    assert rows["Name"] == ("Splash club", "Splash Club Plus")
    assert rows["Timing notes"] == ("Closed in August", "Not on bank holidays")


def resent(response) -> dict:
    """What the conflict page's "keep mine" form sends."""
    data = {}
    for name, value in response.context["resent"]:
        data.setdefault(name, []).append(value)
    return data | {SEEN: str(response.context["seen"])}


def test_keeping_mine_saves_my_version_over_the_newer_one(alex, bo, service, lists):
    url = change_url(service)
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    bo.post(url, form_of(service, lists, timing_notes="Closed in August", **{SEEN: bo_seen}))
    refused = alex.post(url, form_of(service, lists, name="Splash Club Plus", **{SEEN: alex_seen}))

    kept = alex.post(url, resent(refused))

    assert kept.status_code == 302
    service.refresh_from_db()
    assert service.name == "Splash Club Plus"
    assert service.history.first().history_user == alex.user


def test_editing_again_shows_my_values_over_the_newer_revision_and_saves_nothing(
    alex, bo, service, lists
):
    url = change_url(service)
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    bo.post(url, form_of(service, lists, timing_notes="Closed in August", **{SEEN: bo_seen}))
    refused = alex.post(url, form_of(service, lists, name="Splash Club Plus", **{SEEN: alex_seen}))

    again = alex.post(url, resent(refused) | {"_brought_back": "conflict"})

    assert again.status_code == 200
    form = again.context["adminform"].form
    assert form["name"].value() == "Splash Club Plus"
    assert form[SEEN].value() == str(Service.objects.get().revision)
    assert "Check them, then save." in again.content.decode()
    assert Service.objects.get().name == "Splash club"


def test_taking_theirs_is_the_change_form_as_saved(alex, bo, service, lists):
    url = change_url(service)
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    bo.post(url, form_of(service, lists, timing_notes="Closed in August", **{SEEN: bo_seen}))
    refused = alex.post(url, form_of(service, lists, name="X", **{SEEN: alex_seen}))

    assert f'href="{url}" id="take-theirs"' in refused.content.decode()


def test_a_tampered_revision_is_a_conflict_not_an_error(alex, service, lists):
    response = alex.post(change_url(service), form_of(service, lists, name="X", **{SEEN: "abc"}))

    assert response.status_code == 409
    assert Service.objects.get().name == "Splash club"


def test_a_provider_edited_by_two_officers(alex, bo):
    provider = ProviderFactory(name="Seaside Trust", phone="01305 000000")
    url = change_url(provider, "provider")
    fields = {
        "name": "Seaside Trust",
        "description": provider.description,
        "venues-TOTAL_FORMS": "0",
        "venues-INITIAL_FORMS": "0",
    }
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    assert bo.post(url, fields | {"phone": "01305 111111", SEEN: bo_seen}).status_code == 302

    refused = alex.post(url, fields | {"phone": "01305 222222", SEEN: alex_seen})

    assert refused.status_code == 409
    assert Provider.objects.get().phone == "01305 111111"
    rows = {d.label: (d.before, d.after) for d in refused.context["conflict"].differences}
    assert rows["Phone"] == ("01305 111111", "01305 222222")


def test_a_venue_edited_by_two_officers(alex, bo):
    venue = VenueFactory(name="Hall")
    url = change_url(venue, "venue")
    fields = {
        "provider": venue.provider.pk,
        "name": "Hall",
        "address_line_1": venue.address_line_1,
        "town": venue.town,
        "postcode": venue.postcode,
    }
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    assert bo.post(url, fields | {"name": "Big hall", SEEN: bo_seen}).status_code == 302

    assert alex.post(url, fields | {"name": "Small hall", SEEN: alex_seen}).status_code == 409
    venue.refresh_from_db()
    assert venue.name == "Big hall"


def test_the_statement_edited_by_two_commissioners(council):
    alex, bo = officer("alex", COMMISSIONER), officer("bo", COMMISSIONER)
    draft = StatementFactory(title="Statement 2027")
    url = change_url(draft, "statement", "portal")
    fields = {
        "effective_on": "2026-12-01",
        "review_due_on": "",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
    }
    alex_seen, bo_seen = opened(alex, url), opened(bo, url)
    saved = bo.post(url, fields | {"title": "Bo's title", SEEN: bo_seen})
    assert saved.status_code == 302, saved.context["adminform"].form.errors

    assert alex.post(url, fields | {"title": "Alex's title", SEEN: alex_seen}).status_code == 409
    draft.refresh_from_db()
    assert draft.title == "Bo's title"


@pytest.mark.parametrize(
    ("sent", "seen"),
    [("", None), (None, None), ("7", 7), ("-1", -1), ("abc", -1), ("9" * 12, -1), ("٣", -1)],
    ids=["blank", "missing", "a number", "negative", "text", "huge", "not ascii"],
)
def test_the_revision_a_form_says_it_was_opened_on(sent, seen):
    assert edit_conflicts.seen_revision(sent) == seen


def test_a_rulesets_form_carries_its_revision_and_a_stale_one_is_refused(council):
    commissioner = officer("cass", COMMISSIONER)
    ruleset = RulesetFactory()
    url = change_url(ruleset, "ruleset", "eligibility")

    seen = opened(commissioner, url)
    ruleset.save()

    assert seen == ruleset.revision - 1
    with pytest.raises(edit_conflicts.EditConflict):
        edit_conflicts.revision_check(model=Ruleset, pk=ruleset.pk, seen=seen)
