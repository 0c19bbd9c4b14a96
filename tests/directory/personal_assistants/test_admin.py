"""The officers' queue in the back office: the checklist, approve or refuse with a reason,
the history of every change, and only the roles with the "PA register" permission."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from directory.personal_assistants.models import PersonalAssistant
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from tests.factories import UserFactory


def officer(role=DIRECTORY_EDITOR):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def change_url(pa):
    return reverse("admin:personal_assistants_personalassistant_change", args=[pa.pk])


def form_for(pa, **changes):
    data = {
        "first_name": pa.first_name,
        "last_name": pa.last_name,
        "email": pa.email,
        "phone": pa.phone,
        "dbs_certificate_number": pa.dbs_certificate_number,
        "dbs_issued_on": pa.dbs_issued_on.isoformat(),
        "description": pa.description,
        "experience": pa.experience,
        "training": pa.training,
        "seen_updated_at": pa.updated_at.isoformat(),
        "decision": "",
        "reason": "",
    }
    for flag in ("dbs_update_service", "identity_seen", "dbs_seen", "references_taken"):
        if getattr(pa, flag):
            data[flag] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize("role", [DIRECTORY_EDITOR, COMMISSIONER])
def test_an_officer_ticks_the_checklist_then_approves(client, register, role):
    pa = register.pas.pending
    client.force_login(officer(role))

    queue = client.get(reverse("admin:personal_assistants_personalassistant_changelist"))
    assert "Penny Pending" in queue.content.decode()

    refused = client.post(change_url(pa), form_for(pa, decision="approve"))
    assert refused.status_code == 200
    assert "Tick identity seen, DBS certificate seen and references taken" in (
        refused.content.decode()
    )
    assert PersonalAssistant.objects.get(pk=pa.pk).status == "pending"

    response = client.post(
        change_url(pa),
        form_for(pa, identity_seen="on", dbs_seen="on", references_taken="on", decision="approve"),
    )

    assert response.status_code == 302
    pa.refresh_from_db()
    assert pa.status == "approved"
    assert pa.verified_on == register.today
    assert mail.outbox[-1].to == ["penny.private@example.com"]
    history = client.get(
        reverse("admin:personal_assistants_personalassistant_history", args=[pa.pk])
    )
    assert history.status_code == 200
    assert pa.history.filter(status="approved").exists()


def test_refusing_needs_a_reason_which_is_emailed(client, register):
    pa = register.pas.pending
    client.force_login(officer())

    without = client.post(change_url(pa), form_for(pa, decision="refuse"))
    assert "Enter the reason" in without.content.decode()

    client.post(change_url(pa), form_for(pa, decision="refuse", reason="No references."))

    assert PersonalAssistant.objects.get(pk=pa.pk).status == "refused"
    assert "No references." in mail.outbox[-1].body


def test_an_edit_over_a_newer_save_is_refused(client, register):
    pa = register.pas.near
    client.force_login(officer())
    stale = form_for(pa, description="Mine")
    PersonalAssistant.objects.filter(pk=pa.pk).update(description="Theirs")
    pa.refresh_from_db()
    pa.save()  # a newer save

    response = client.post(change_url(pa), stale | {"seen_updated_at": "2000-01-01T00:00:00"})

    assert "Someone else changed this personal assistant" in response.content.decode()
    assert PersonalAssistant.objects.get(pk=pa.pk).description == "Theirs"


def test_a_provider_user_cannot_see_the_register(client, register):
    client.force_login(officer(PROVIDER))

    response = client.get(reverse("admin:personal_assistants_personalassistant_changelist"))

    assert response.status_code == 403


def test_a_withdrawn_pa_is_read_only_and_nobody_adds_or_deletes(client, register):
    from directory.personal_assistants.services import pa_withdraw

    pa = register.pas.near
    pa_withdraw(pa=pa)
    client.force_login(officer())

    page = client.get(change_url(pa)).content.decode()

    assert "Withdrawn personal assistant" in page
    assert 'name="_save"' not in page
    add = reverse("admin:personal_assistants_personalassistant_add")
    assert client.get(add).status_code == 403


@pytest.mark.parametrize(
    ("role", "holds"), [(COMMISSIONER, True), (DIRECTORY_EDITOR, True), (PROVIDER, False)]
)
def test_the_pa_register_permission_belongs_to_commissioners_and_editors(register, role, holds):
    user = officer(role)

    assert user.has_perm("personal_assistants.approve_personalassistant") is holds
    assert user.has_perm("personal_assistants.change_personalassistant") is holds
    assert not user.has_perm("personal_assistants.delete_personalassistant")
