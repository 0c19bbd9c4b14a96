"""The back office's roles: each role's permissions on each model, and a provider user's view
limited to its own organisation's records, whatever address or form data it sends."""

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from directory.models import Provider, Service
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, MATRIX, PROVIDER, ROLES
from tests.factories import (
    BreakKindFactory,
    LocalityFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "add", "change", "delete", "approve", "publish")
MODELS = sorted(
    {label for role in ROLES for label in MATRIX[role]}
    | {"directory.council", "directory.problemreport", "auth.user", "eligibility.ruleset"}
    | {"personal_assistants.personalassistant"}  # the "PA register" permission
)


def member(role, **extra):
    user = UserFactory(is_staff=True, **extra)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_has_exactly_the_permissions_of_the_matrix(role, model, action):
    user = member(role)
    app, name = model.split(".")

    assert user.has_perm(f"{app}.{action}_{name}") == (action in MATRIX[role].get(model, ()))


def test_the_roles_are_groups_made_by_the_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)


@pytest.mark.parametrize(
    ("role", "sees_admin_for"),
    [
        (COMMISSIONER, {"ruleset", "service", "user", "council"}),
        (DIRECTORY_EDITOR, {"service", "provider", "problemreport", "need"}),
        (PROVIDER, {"service", "venue", "provider"}),
    ],
)
def test_each_role_finds_its_pages_in_the_back_office(client, role, sees_admin_for):
    client.force_login(member(role))

    page = client.get(reverse("admin:index")).content.decode()

    for model in sees_admin_for:
        assert f"/{model}/" in page


def test_a_provider_user_cannot_reach_rulesets_or_users(client):
    client.force_login(member(PROVIDER))

    for url in ("admin:eligibility_ruleset_changelist", "admin:auth_user_changelist"):
        assert client.get(reverse(url)).status_code == 403


# ---------------------------------------------------------------------- provider users


@pytest.fixture
def ours(db):
    provider = ProviderFactory(name="Our Club")
    return provider


@pytest.fixture
def theirs(db):
    return ProviderFactory(name="Their Club")


@pytest.fixture
def provider_user(client, ours):
    user = member(PROVIDER)
    ours.users.add(user)
    client.force_login(user)
    return client


def test_a_provider_user_lists_only_its_own_services_venues_and_organisation(
    provider_user, ours, theirs
):
    ServiceFactory(name="Our Saturday Club", provider=ours)
    ServiceFactory(name="Their Saturday Club", provider=theirs)
    VenueFactory(name="Our Hall", provider=ours)
    VenueFactory(name="Their Hall", provider=theirs)

    services = provider_user.get(reverse("admin:directory_service_changelist")).content.decode()
    venues = provider_user.get(reverse("admin:directory_venue_changelist")).content.decode()
    providers = provider_user.get(reverse("admin:directory_provider_changelist")).content.decode()

    assert "Our Saturday Club" in services and "Their Saturday Club" not in services
    assert "Our Hall" in venues and "Their Hall" not in venues
    assert "Our Club" in providers and "Their Club" not in providers


@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_another_providers_service_is_not_found_at_its_address(provider_user, theirs, view):
    service = ServiceFactory(provider=theirs)

    response = provider_user.get(reverse(f"admin:directory_service_{view}", args=[service.pk]))

    assert response.status_code in (403, 404)


def test_another_providers_records_stay_out_of_autocomplete(provider_user, theirs, ours):
    VenueFactory(name="Their Hall", provider=theirs)
    VenueFactory(name="Our Hall", provider=ours)
    url = reverse("admin:autocomplete")
    params = {"app_label": "directory", "model_name": "servicelocation", "field_name": "venue"}

    found = provider_user.get(url, {**params, "term": "Hall"}).json()["results"]

    assert len(found) == 1 and found[0]["text"].startswith("Our Hall")


def _service_form(provider, name="A new club", **extra):
    return {
        "provider": provider.pk,
        "name": name,
        "summary": "Saturday mornings of play.",
        "description": "Games and crafts.",
        "min_age": 5,
        "max_age": 11,
        "tier": "targeted",
        "access_route": "open",
        "availability": "places",
        "status": "published",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "locations-TOTAL_FORMS": "0",
        "locations-INITIAL_FORMS": "0",
        **extra,
    }


@pytest.fixture
def world(db):
    kind = BreakKindFactory(code="saturday-club", name="Saturday club", heading="out_of_hours")
    return SimpleNamespace(kind=kind, locality=LocalityFactory(code="home", name="Home"))


def _with_lists(data, world):
    return data | {"kinds": [world.kind.pk], "localities": [world.locality.pk]}


def test_a_provider_user_adds_a_service_as_a_draft_for_an_editor_to_publish(
    provider_user, ours, world
):
    response = provider_user.post(
        reverse("admin:directory_service_add"), _with_lists(_service_form(ours), world)
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    service = Service.objects.get(name="A new club")
    assert service.provider == ours
    assert service.status == "draft"


def test_a_provider_user_cannot_add_a_service_for_another_provider(provider_user, theirs, world):
    response = provider_user.post(
        reverse("admin:directory_service_add"), _with_lists(_service_form(theirs), world)
    )

    assert response.status_code == 200
    assert "provider" in response.context["adminform"].form.errors
    assert not Service.objects.filter(name="A new club").exists()


def test_a_provider_user_edits_its_own_draft(provider_user, ours, world):
    service = ServiceFactory(name="Draft club", provider=ours, status="draft")
    url = reverse("admin:directory_service_change", args=[service.pk])

    response = provider_user.post(url, _with_lists(_service_form(ours, name="Better"), world))

    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert (service.name, service.status) == ("Better", "draft")


def test_an_editor_sees_every_provider(client, ours, theirs):
    client.force_login(member(DIRECTORY_EDITOR))

    page = client.get(reverse("admin:directory_provider_changelist")).content.decode()

    assert "Our Club" in page and "Their Club" in page


def test_a_provider_user_who_is_also_an_editor_sees_everything(ours, theirs):
    user = member(PROVIDER)
    user.groups.add(Group.objects.get(name=DIRECTORY_EDITOR))
    ours.users.add(user)
    request = RequestFactory().get("/")
    request.user = user

    assert set(admin.site._registry[Provider].get_queryset(request)) == {ours, theirs}


def test_a_provider_user_can_pick_from_the_councils_lists(provider_user, world):
    params = {"app_label": "directory", "model_name": "service", "field_name": "kinds"}

    found = provider_user.get(reverse("admin:autocomplete"), {**params, "term": "Sat"}).json()

    assert [result["text"] for result in found["results"]] == ["Saturday and weekend club"]
