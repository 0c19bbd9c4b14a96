"""Editors bring a provider's staff into the back office: they find provider users to link to
an organisation (and no one else), and invite new ones by email with a link that sets a
password once, before it expires."""

import datetime as dt
import html
import json
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from tests.factories import ProviderFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "a-long-enough-password-1"


@pytest.fixture
def editor(client):
    user = UserFactory(username="eddie", first_name="Eddie", roles=[DIRECTORY_EDITOR])
    client.force_login(user)
    return user


def page_of(response) -> str:
    return html.unescape(response.content.decode())


def autocomplete(client, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "directory", "model_name": "provider", "field_name": "users"},
    )
    return response.status_code, [
        r["text"] for r in json.loads(response.content or "{}").get("results", [])
    ] if response.status_code == 200 else []


# ---------------------------------------------------------------------- linking


def test_an_editor_finds_provider_users_and_no_one_else(client, editor):
    UserFactory(username="pat-provider", roles=[PROVIDER])
    UserFactory(username="chris-commissioner", roles=[COMMISSIONER])
    UserFactory(username="pat-and-editor", roles=[PROVIDER, DIRECTORY_EDITOR])
    UserFactory(username="root-pat", is_superuser=True, is_staff=True)

    status, found = autocomplete(client, "pat")

    assert status == 200 and found == ["pat-provider"]


def test_an_editor_still_has_no_user_pages(client, editor):
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    other = client.get(
        reverse("admin:autocomplete"),
        {"term": "", "app_label": "directory", "model_name": "service", "field_name": "provider"},
    )
    assert other.status_code == 200  # an ordinary autocomplete is unchanged
    staff = client.get(
        reverse("admin:autocomplete"),
        {"term": "", "app_label": "auth", "model_name": "user", "field_name": "groups"},
    )
    assert staff.status_code in (403, 404)


def test_a_provider_user_cannot_search_for_people(client):
    user = UserFactory(roles=[PROVIDER])
    client.force_login(user)

    assert autocomplete(client)[0] == 403


def test_the_provider_form_links_only_provider_users(client, editor):
    provider = ProviderFactory()
    pat = UserFactory(username="pat", roles=[PROVIDER])
    chris = UserFactory(username="chris", roles=[COMMISSIONER])
    data = {
        "name": provider.name,
        "description": provider.description,
        "users": [pat.pk, chris.pk],
        "venues-TOTAL_FORMS": "0",
        "venues-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:directory_provider_change", args=[provider.pk]), data)

    assert response.status_code == 200
    assert "Select a valid choice" in page_of(response)
    assert not provider.users.exists()


# ---------------------------------------------------------------------- inviting


def invite(client, provider, **data):
    return client.post(
        reverse("admin:directory_provider_invite", args=[provider.pk]),
        {"name": "Sam Jones", "email": "Sam@OurClub.example"} | data,
    )


def link_in(email) -> str:
    return re.search(r"http://testserver(/directory/invitations/\S+/)", email.body).group(1)


def test_the_provider_page_offers_to_invite(client, editor):
    provider = ProviderFactory()

    page = page_of(client.get(reverse("admin:directory_provider_change", args=[provider.pk])))

    assert reverse("admin:directory_provider_invite", args=[provider.pk]) in page


def test_an_invitation_is_accepted_once(client, editor):
    provider = ProviderFactory(name="Our Club")

    response = invite(client, provider)

    assert response.status_code == 302
    sam = User.objects.get(email="sam@ourclub.example")
    assert (sam.username, sam.first_name, sam.last_name) == ("sam@ourclub.example", "Sam", "Jones")
    assert sam.is_staff and not sam.has_usable_password()
    assert list(sam.groups.values_list("name", flat=True)) == [PROVIDER]
    assert list(provider.users.all()) == [sam]
    [email] = mail.outbox
    assert email.to == ["sam@ourclub.example"] and "Our Club" in email.subject
    link = link_in(email)

    client.logout()
    form = client.get(link)
    assert form.status_code == 200 and "Set your password" in page_of(form)
    accepted = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert accepted.status_code == 302 and accepted["Location"] == reverse("admin:login")
    sam.refresh_from_db()
    assert sam.check_password(PASSWORD)
    again = client.post(link, {"new_password1": "x" * 20, "new_password2": "x" * 20})
    assert again.status_code == 410 and "This invitation has expired" in page_of(again)
    sam.refresh_from_db()
    assert sam.check_password(PASSWORD)


def test_an_invitation_expires(client, editor, settings):
    invite(client, ProviderFactory())
    link = link_in(mail.outbox[0])
    client.logout()

    later = dt.datetime.now(tz=dt.UTC) + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with time_machine.travel(later):
        response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert response.status_code == 410
    assert not User.objects.get(email="sam@ourclub.example").has_usable_password()


def test_a_weak_password_is_refused_on_the_page(client, editor):
    invite(client, ProviderFactory())
    link = link_in(mail.outbox[0])
    client.logout()

    response = client.post(link, {"new_password1": "short", "new_password2": "short"})

    assert response.status_code == 200
    assert "<title>Error: " in page_of(response)
    assert not User.objects.get(email="sam@ourclub.example").has_usable_password()


@pytest.mark.parametrize(
    "link", ["/directory/invitations/MQ/nonsense/", "/directory/invitations/%%/x/"]
)
def test_a_made_up_invitation_is_refused(client, link):
    assert client.get(link).status_code in (404, 410)


def test_an_existing_provider_user_is_linked_without_a_new_account(client, editor):
    pat = UserFactory(username="pat", email="sam@ourclub.example", roles=[PROVIDER])
    provider = ProviderFactory()

    invite(client, provider)

    assert list(provider.users.all()) == [pat] and User.objects.filter(email=pat.email).count() == 1
    assert "/directory/invitations/" not in mail.outbox[0].body
    pat.refresh_from_db()
    assert pat.check_password("a-long-test-password")  # their password is untouched


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not an email"}, "Enter an email address in the correct format"),
        ({"email": ""}, "This field is required"),
        ({"email": "chris@council.example"}, "This email address belongs to a council account"),
    ],
)
def test_a_bad_invitation_is_refused_and_nothing_is_written(client, editor, data, message):
    UserFactory(username="chris", email="chris@council.example", roles=[COMMISSIONER])
    provider = ProviderFactory()
    users_before = User.objects.count()

    response = invite(client, provider, **data)

    assert response.status_code == 200 and message in page_of(response)
    assert User.objects.count() == users_before and not provider.users.exists()
    assert mail.outbox == []


def test_a_provider_user_cannot_invite(client):
    provider = ProviderFactory()
    user = UserFactory(roles=[PROVIDER])
    provider.users.add(user)
    client.force_login(user)

    assert invite(client, provider).status_code == 403
    assert mail.outbox == []
