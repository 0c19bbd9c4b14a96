"""Providers' changes held for approval: proposing in the admin, the editor's queue with its
comparison, approving (goes live, provider emailed), rejecting (reason emailed), and the
listings the changes are made of."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import URLField
from django.forms import inlineformset_factory, modelform_factory
from django.urls import reverse

from directory import approvals, listings, services
from directory.models import ProposedChange, Service, ServiceLocation, Session
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from tests.directory.conftest import service_form
from tests.factories import (
    NeedFactory,
    ProposedChangeFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours(db):
    return ProviderFactory(name="Our Club", email="office@ourclub.example")


@pytest.fixture
def live(ours, lists):
    return ServiceFactory(
        name="Live club",
        provider=ours,
        status="published",
        kinds=[lists["kind"]],
        localities=[lists["locality"]],
        sessions=[(5, "10:00", "12:00", "term_time")],
        last_checked_on=dt.date(2026, 1, 5),
    )


@pytest.fixture
def provider_client(client, ours):
    user = UserFactory(username="sam", email="sam@ourclub.example", roles=[PROVIDER])
    ours.users.add(user)
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor(db):
    return UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_url(service):
    return reverse("admin:directory_service_change", args=[service.pk])


def decide_url(change):
    return reverse("admin:directory_proposedchange_change", args=[change.pk])


# ---------------------------------------------------------------------- proposing


def test_a_providers_edit_of_a_published_listing_waits_and_the_live_page_stays(
    provider_client, live, lists
):
    response = provider_client.post(
        change_url(live), service_form(live, lists, name="Changed club", max_age=16)
    )

    assert response.status_code == 302
    live.refresh_from_db()
    assert (live.name, live.max_age, live.status) == ("Live club", 18, "published")
    change = ProposedChange.objects.get()
    assert (change.kind, change.state, change.proposed_by) == (
        "edit",
        "waiting",
        provider_client.user,
    )
    assert change.listing["name"] == "Changed club" and change.listing["max_age"] == 16
    page = provider_client.get(live.get_absolute_url()).content.decode()
    assert "Live club" in page and "Changed club" not in page


def test_saving_again_replaces_the_waiting_change(provider_client, live, lists):
    provider_client.post(change_url(live), service_form(live, lists, name="First try"))
    provider_client.post(change_url(live), service_form(live, lists, name="Second try"))

    assert ProposedChange.objects.waiting().get().listing["name"] == "Second try"


def test_the_provider_is_told_its_changes_are_waiting(provider_client, live, lists):
    provider_client.post(change_url(live), service_form(live, lists, name="Changed club"))

    page = provider_client.get(change_url(live)).content.decode()

    assert "waiting for approval" in page


def test_an_invalid_edit_is_refused_and_nothing_is_held(provider_client, live, lists):
    response = provider_client.post(change_url(live), service_form(live, lists, min_age=20))

    assert response.status_code == 200
    assert "max_age" in response.context["adminform"].form.errors
    assert not ProposedChange.objects.exists()


def test_a_provider_cannot_change_an_archived_listing(provider_client, ours, lists):
    archived = ServiceFactory(provider=ours, status="archived", name="Old club")

    response = provider_client.post(change_url(archived), service_form(archived, lists, name="X"))

    assert response.status_code == 403
    assert not ProposedChange.objects.exists()


def test_a_providers_new_listing_is_a_draft_waiting_for_approval(provider_client, ours, lists):
    draft = ServiceFactory.build(provider=ours, name="New club")

    response = provider_client.post(
        reverse("admin:directory_service_add"), service_form(draft, lists, status="published")
    )

    assert response.status_code == 302
    service = Service.objects.get(name="New club")
    assert service.status == "draft"
    change = ProposedChange.objects.get()
    assert (change.service, change.kind, change.state) == (service, "new", "waiting")


# ---------------------------------------------------------------------- saving: held or saved

# The shape of the back office's service form and its inlines. As for a provider user, the
# status is not on the form: the service keeps the one it has.
ServiceForm = modelform_factory(
    Service,
    fields=[*listings.LISTING_FIELDS, "provider", *listings.TERM_LISTS],
    formfield_callback=lambda field, **kwargs: field.formfield(
        **kwargs, **({"assume_scheme": "https"} if isinstance(field, URLField) else {})
    ),
)
SessionForms = inlineformset_factory(Service, Session, fields=listings.SESSION_FIELDS, extra=0)
VenueForms = inlineformset_factory(Service, ServiceLocation, fields=["venue"], extra=0)


def submitted(service, data):
    """The valid form and inlines of a save, as the admin hands them to approvals."""
    form = ServiceForm(data, instance=service)
    formsets = [
        SessionForms(data, instance=form.instance),
        VenueForms(data, instance=form.instance),
    ]
    assert form.is_valid(), form.errors
    assert all(formset.is_valid() for formset in formsets)
    return {"form": form, "formsets": formsets}


def with_a_wednesday_session(data):
    return data | {
        "sessions-TOTAL_FORMS": "1",
        "sessions-0-weekday": "2",
        "sessions-0-start_time": "16:00",
        "sessions-0-end_time": "18:00",
        "sessions-0-period": "all_year",
    }


@pytest.fixture
def sam(ours):
    user = UserFactory(username="sam", roles=[PROVIDER])
    ours.users.add(user)
    return user


@pytest.mark.parametrize(
    ("role", "status", "created", "held"),
    [
        (PROVIDER, "published", False, True),
        (PROVIDER, "draft", False, False),
        (PROVIDER, "draft", True, False),
        (DIRECTORY_EDITOR, "published", False, False),
    ],
    ids=[
        "a provider's change to a published listing waits",
        "a provider's change to its draft is saved",
        "a provider's new listing is saved",
        "an editor's change is saved",
    ],
)
def test_which_saves_are_held_for_approval(ours, role, status, created, held):
    service = ServiceFactory.build(provider=ours, status=status)

    by = UserFactory(roles=[role])

    assert approvals.listing_held(service=service, by=by, created=created) is held


def test_a_providers_change_to_a_published_listing_is_held_and_nothing_else_written(
    sam, live, lists
):
    versions = live.history.count()
    data = with_a_wednesday_session(service_form(live, lists, name="Changed club"))

    saved = approvals.listing_save(**submitted(live, data), by=sam, created=False)

    assert saved.held and saved.proposed == ProposedChange.objects.waiting().get()
    assert (saved.proposed.kind, saved.proposed.proposed_by) == ("edit", sam)
    assert saved.proposed.listing["name"] == "Changed club"
    assert [s["weekday"] for s in saved.proposed.listing["sessions"]] == [2]
    live.refresh_from_db()
    assert (live.name, live.status, live.on_saturday, live.on_wednesday) == (
        "Live club",
        "published",
        True,
        False,
    )
    assert live.history.count() == versions


def test_an_editors_change_is_saved_with_its_inlines_as_one_version(editor, live, lists):
    versions = live.history.count()
    data = with_a_wednesday_session(service_form(live, lists, name="Changed club"))

    saved = approvals.listing_save(**submitted(live, data), by=editor, created=False)

    assert not saved.held and saved.proposed is None
    live.refresh_from_db()
    assert (live.name, live.status) == ("Changed club", "published")
    assert live.on_wednesday  # derived from the sessions the inlines saved
    assert live.history.count() == versions + 1
    assert live.history.latest().listing == listings.listing_of(live)
    assert not ProposedChange.objects.exists()


def test_a_providers_new_listing_is_saved_as_a_draft_and_proposed_as_new(sam, ours, lists):
    new = ServiceFactory.build(provider=ours, name="New club", status="published")

    saved = approvals.listing_save(**submitted(new, service_form(new, lists)), by=sam, created=True)

    service = Service.objects.get(name="New club")
    assert service.status == "draft"
    assert not saved.held
    assert (saved.service, saved.proposed.kind, saved.proposed.state) == (service, "new", "waiting")
    assert saved.proposed.listing["name"] == "New club"
    assert service.history.get().history_type == "+"


def test_a_providers_change_to_its_draft_is_saved_and_waits_as_new(sam, ours, lists):
    draft = ServiceFactory(
        provider=ours, status="draft", kinds=[lists["kind"]], localities=[lists["locality"]]
    )

    saved = approvals.listing_save(
        **submitted(draft, service_form(draft, lists, name="Better club")), by=sam, created=False
    )

    draft.refresh_from_db()
    assert (draft.name, draft.status) == ("Better club", "draft")
    assert (saved.held, saved.proposed.kind) == (False, "new")


def test_a_providers_change_to_an_archived_listing_is_refused(sam, ours, lists):
    archived = ServiceFactory(
        name="Old club",
        provider=ours,
        status="archived",
        kinds=[lists["kind"]],
        localities=[lists["locality"]],
    )
    form = submitted(archived, service_form(archived, lists, name="Revived"))

    with pytest.raises(PermissionDenied):
        approvals.listing_save(**form, by=sam, created=False)

    archived.refresh_from_db()
    assert (archived.status, archived.name) == ("archived", "Old club")
    assert not ProposedChange.objects.exists()


def test_only_a_provider_user_is_kept_from_an_archived_listing(sam, editor, ours):
    archived = ServiceFactory.build(provider=ours, status="archived")

    assert not approvals.listing_changeable_by(service=archived, user=sam)
    assert approvals.listing_changeable_by(service=archived, user=editor)


# ---------------------------------------------------------------------- the queue


def test_the_editor_sees_each_changed_field_against_what_is_live(editor_client, live, lists):
    NeedFactory(code="PD", name="Physical disability")
    proposed = listings.listing_of(live) | {
        "name": "Changed club",
        "needs": [str(lists["need"].pk)],
    }
    change = ProposedChangeFactory(service=live, listing=proposed)

    response = editor_client.get(decide_url(change))

    rows = {d.label: (d.live, d.proposed) for d in response.context["differences"]}
    assert rows == {"Name": ("Live club", "Changed club"), "Needs": ("(none)", "Autism")}
    assert "Save decision" in response.content.decode()


def test_approving_puts_the_change_live_and_emails_the_provider(
    editor_client, editor, live, lists, provider_client, django_capture_on_commit_callbacks
):
    provider_client.post(change_url(live), service_form(live, lists, name="Changed club"))
    change = ProposedChange.objects.get()
    editor_client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(decide_url(change), {"decision": "approve"})

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.name == "Changed club"
    assert (live.last_checked_by, live.status) == (editor, "published")
    change.refresh_from_db()
    assert (change.state, change.decided_by) == ("approved", editor)
    assert [m.to for m in mail.outbox] == [["sam@ourclub.example"]]
    assert "Approved: Changed club" == mail.outbox[0].subject
    assert live.get_absolute_url() in mail.outbox[0].body
    assert "Changed club" in editor_client.get(live.get_absolute_url()).content.decode()


def test_rejecting_needs_a_reason(editor_client, live):
    change = ProposedChangeFactory(service=live, listing=listings.listing_of(live) | {"name": "X"})

    response = editor_client.post(decide_url(change), {"decision": "reject", "reason": " "})

    assert response.status_code == 200
    assert "Enter why the change is not approved" in response.content.decode()
    change.refresh_from_db()
    assert change.state == "waiting" and not mail.outbox


def test_rejecting_leaves_the_listing_and_emails_the_reason(
    editor_client, live, django_capture_on_commit_callbacks
):
    change = ProposedChangeFactory(
        service=live,
        listing=listings.listing_of(live) | {"name": "X"},
        proposed_by=UserFactory(email="sam@ourclub.example"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            decide_url(change), {"decision": "reject", "reason": "Please give the full name."}
        )

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.name == "Live club"
    change.refresh_from_db()
    assert (change.state, change.reason) == ("rejected", "Please give the full name.")
    assert "Please give the full name." in mail.outbox[0].body
    assert change_url(live) in mail.outbox[0].body


def test_approving_a_new_listing_publishes_the_draft(editor_client, ours):
    draft = ServiceFactory(provider=ours, status="draft", name="New club", last_checked_on=None)
    change = ProposedChangeFactory(service=draft, kind="new")

    editor_client.post(decide_url(change), {"decision": "approve"})

    draft.refresh_from_db()
    assert draft.status == "published" and draft.last_checked_on is not None


@pytest.mark.parametrize(
    ("decision", "state"),
    [(approvals.Decision.APPROVE, "approved"), (approvals.Decision.REJECT, "rejected")],
)
def test_a_decision_approves_or_rejects(editor, live, decision, state):
    change = ProposedChangeFactory(service=live, listing=listings.listing_of(live) | {"name": "X"})

    approvals.proposed_change_decide(change=change, by=editor, decision=decision, reason="No.")

    change.refresh_from_db()
    assert (change.state, change.decided_by) == (state, editor)


def test_a_decided_change_cannot_be_decided_again(editor, live):
    change = ProposedChangeFactory(service=live, listing=listings.listing_of(live) | {"name": "X"})
    approvals.proposed_change_approve(change=change, by=editor)

    with pytest.raises(ValidationError, match="already approved"):
        approvals.proposed_change_reject(change=change, by=editor, reason="Too late")


def test_a_change_that_no_longer_fits_is_refused_and_nothing_is_written(editor_client, live):
    change = ProposedChangeFactory(
        service=live, listing=listings.listing_of(live) | {"name": "X", "min_age": 19}
    )

    response = editor_client.post(decide_url(change), {"decision": "approve"})

    assert response.status_code == 200
    assert (
        "Oldest age: The oldest age must not be below the youngest age."
        in response.content.decode()
    )
    live.refresh_from_db()
    change.refresh_from_db()
    assert (live.name, change.state) == ("Live club", "waiting")


def test_a_provider_sees_its_changes_but_cannot_decide_them(provider_client, live):
    change = ProposedChangeFactory(service=live)

    assert provider_client.get(decide_url(change)).status_code == 200
    assert provider_client.post(decide_url(change), {"decision": "approve"}).status_code == 403
    change.refresh_from_db()
    assert change.state == "waiting"


def test_another_providers_change_is_not_found(provider_client):
    theirs = ProposedChangeFactory(service=ServiceFactory(provider=ProviderFactory()))

    assert provider_client.get(decide_url(theirs)).status_code == 404
    assert provider_client.post(decide_url(theirs), {"decision": "approve"}).status_code == 404


def test_the_front_page_counts_the_changes_waiting(editor_client, live):
    ProposedChangeFactory(service=live)

    page = editor_client.get(reverse("admin:index")).content.decode()

    assert "Proposed changes waiting for approval" in page


# ---------------------------------------------------------------------- listings


def test_applying_a_listing_replaces_lists_sessions_and_venues(live, lists, ours):
    hall = VenueFactory(provider=ours, name="New Hall")
    proposed = listings.listing_of(live) | {
        "needs": [str(lists["need"].pk)],
        "venues": [str(hall.pk)],
        "sessions": [
            {"weekday": 2, "start_time": "16:00:00", "end_time": "18:00:00", "period": "all_year"}
        ],
    }

    approvals.listing_apply(service=live, listing=proposed)

    live.refresh_from_db()
    assert list(live.needs.all()) == [lists["need"]]
    assert list(live.venues.all()) == [hall]
    assert [(s.weekday, s.start_time) for s in live.sessions.all()] == [(2, dt.time(16))]
    assert live.on_wednesday and not live.on_saturday  # derived fields refreshed
    assert listings.listing_of(live) == proposed


def test_a_listing_round_trips_and_shows_no_differences(live):
    assert listings.differences(listings.listing_of(live), listings.listing_of(live)) == []


def test_differences_describe_choices_money_and_sessions(live):
    before = listings.listing_of(live)
    after = before | {
        "tier": "specialist",
        "cost_amount": "12.50",
        "sessions": [],
        "is_free": False,
    }

    found = {d.field: (d.live, d.proposed) for d in listings.differences(before, after)}

    assert found["tier"] == ("Targeted (no assessment needed)", "Specialist (after an assessment)")
    assert found["cost_amount"] == ("10.00", "12.50")
    assert found["sessions"] == ("Saturday 10:00 to 12:00 (term time)", "(none)")


def test_an_invalid_listing_writes_nothing(live):
    bad = listings.listing_of(live) | {
        "name": "X",
        "sessions": [
            {"weekday": 9, "start_time": "10:00:00", "end_time": "11:00:00", "period": "all_year"}
        ],
    }

    with pytest.raises(ValidationError):
        approvals.listing_apply(service=live, listing=bad)

    live.refresh_from_db()
    assert live.name == "Live club"
    assert Session.objects.filter(service=live).count() == 1


# ---------------------------------------------------------------------- a change made long ago


@pytest.fixture
def proposed_long_ago(live, sam):
    """A provider's change of name, proposed before the officers' edits the tests make."""
    services.service_version_record(service=live)
    return approvals.proposed_change_submit(
        service=live,
        listing=listings.listing_of(live) | {"name": "Changed club", "contact_phone": "01305 1"},
        by=sam,
        kind="edit",
    )


def officer_edits(service, **fields):
    """An officer's save of the listing since, as the back office makes it (one version)."""
    services.listing_apply(service=service, listing=listings.listing_of(service) | fields)


def test_approving_a_stale_proposal_keeps_an_editors_later_changes(editor, live, proposed_long_ago):
    officer_edits(live, timing_notes="Not in August", contact_email="club@example.org")

    approvals.proposed_change_approve(change=proposed_long_ago, by=editor)

    live.refresh_from_db()
    assert live.name == "Changed club" and live.contact_phone == "01305 1"
    assert (live.timing_notes, live.contact_email) == ("Not in August", "club@example.org")


def test_a_field_both_changed_waits_for_the_approver_to_choose(
    editor, editor_client, live, proposed_long_ago
):
    officer_edits(live, contact_phone="01305 2")

    page = editor_client.get(decide_url(proposed_long_ago))
    refused = editor_client.post(decide_url(proposed_long_ago), {"decision": "approve"})

    clash = page.context["clashes"][0]
    assert (clash["label"], clash["live"], clash["proposed"]) == (
        "Contact phone",
        "01305 2",
        "01305 1",
    )
    assert [d.label for d in page.context["differences"]] == ["Name"]
    assert refused.status_code == 200 and "Choose which value to keep." in refused.content.decode()
    live.refresh_from_db()
    assert (live.name, live.contact_phone) == ("Live club", "01305 2")


@pytest.mark.parametrize(("keep", "phone"), [("live", "01305 2"), ("proposed", "01305 1")])
def test_the_approvers_choice_goes_live(editor_client, live, proposed_long_ago, keep, phone):
    officer_edits(live, contact_phone="01305 2")

    response = editor_client.post(
        decide_url(proposed_long_ago), {"decision": "approve", "keep_contact_phone": keep}
    )

    assert response.status_code == 302
    live.refresh_from_db()
    assert (live.name, live.contact_phone) == ("Changed club", phone)


def test_an_officer_making_the_same_change_is_no_clash(editor, live, proposed_long_ago):
    officer_edits(live, contact_phone="01305 1")

    assert approvals.proposed_change_merge(change=proposed_long_ago).clashes == []


def test_a_proposal_whose_venue_was_deleted_since_is_refused_with_the_reason(
    editor_client, live, ours, sam
):
    hall = VenueFactory(provider=ours, name="Seaside hall")
    services.service_version_record(service=live)
    change = approvals.proposed_change_submit(
        service=live,
        listing=listings.listing_of(live) | {"venues": [str(hall.pk)]},
        by=sam,
        kind="edit",
    )
    hall.delete()

    response = editor_client.post(decide_url(change), {"decision": "approve"})

    assert response.status_code == 200
    assert "Seaside hall was deleted since the provider proposed this change" in (
        response.content.decode()
    )
    change.refresh_from_db()
    assert change.state == "waiting"


def test_the_version_an_approval_makes_names_who_proposed_and_who_approved(
    editor, editor_client, live, proposed_long_ago
):
    approvals.proposed_change_approve(change=proposed_long_ago, by=editor)

    version = live.history.order_by("-history_date").first()
    assert version.history_user == editor
    assert version.history_change_reason == "Proposed by sam, approved by eddie"
    history_page = reverse("admin:directory_service_history", args=[live.pk])
    assert "Proposed by sam, approved by eddie" in editor_client.get(history_page).content.decode()
