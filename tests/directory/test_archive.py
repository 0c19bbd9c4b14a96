"""Deleting archives: a deleted provider, venue or service is gone from the public directory
and the search index, listed under "Deleted", restored as it was by an officer, and deleted for
good by a commissioner only."""

import pytest
from django.urls import reverse

from directory import archive, search_index
from directory.models import Provider, Service, Venue
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from tests.directory.test_search_index import names_of, no_rebuild
from tests.factories import ProviderFactory, ServiceFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    client.force_login(user)
    return user


@pytest.fixture
def listing(lists):
    """A published listing at a venue, with a session, kept as a version as the admin keeps
    them."""
    hall = VenueFactory(name="Seaside hall")
    service = ServiceFactory(
        name="Splash club",
        provider=hall.provider,
        status="published",
        needs=[lists["need"]],
        kinds=[lists["kind"]],
        localities=[lists["locality"]],
        venues=[hall],
        sessions=[(5, "10:00", "12:00", "term_time")],
    )
    from directory.services import service_version_record

    service_version_record(service=service)
    return service


def url(model, action, *args):
    return reverse(f"admin:directory_{model}_{action}", args=args)


def test_a_deleted_service_is_listed_with_who_deleted_it_and_gone_from_the_public_pages(
    client, editor, listing
):
    public = listing.get_absolute_url()
    response = client.post(url("service", "delete", listing.pk), {"post": "yes"}, follow=True)

    assert "It can be restored from Deleted services." in response.content.decode()
    assert client.get(public).status_code == 404
    page = client.get(url("service", "deleted"))
    assert page.status_code == 200
    [row] = page.context["rows"]
    assert (row.name, row.deletion.history_user) == ("Splash club", editor)
    assert 'id="deleted-link"' in client.get(url("service", "changelist")).content.decode()


def test_restoring_a_service_brings_its_whole_listing_back(client, editor, listing, lists):
    pk = listing.pk
    listing.delete()

    response = client.post(url("service", "restore", pk))

    assert response.status_code == 302
    service = Service.objects.get(pk=pk)
    assert service.status == "published"
    assert list(service.needs.all()) == [lists["need"]]
    assert [v.name for v in service.venues.all()] == ["Seaside hall"]
    assert service.sessions.count() == 1
    assert service.on_saturday  # derived fields are worked out again
    version = service.history.order_by("-history_date").first()
    assert (version.history_user, version.history_change_reason) == (editor, archive.RESTORED)
    assert client.get(service.get_absolute_url()).status_code == 200
    assert archive.deleted_records(Service) == []


def test_the_search_index_sees_an_archive_and_a_restore(editor, listing, monkeypatch):
    index = search_index.build()
    no_rebuild(monkeypatch)
    pk = listing.pk

    listing.delete()
    search_index.catch_up(index)
    assert "Splash club" not in names_of(index, index.live)

    archive.record_restore(model=Service, pk=pk, by=editor)
    search_index.catch_up(index)
    assert "Splash club" in names_of(index, index.live)


def test_restoring_a_venue_puts_it_back_in_its_listings(editor, listing):
    hall = listing.venues.get()
    pk = hall.pk
    hall.delete()
    assert not listing.venues.exists()

    archive.record_restore(model=Venue, pk=pk, by=editor)

    assert [v.name for v in Service.objects.get(pk=listing.pk).venues.all()] == ["Seaside hall"]


def test_restoring_a_provider_brings_back_the_venues_deleted_with_it(editor):
    provider = ProviderFactory(name="Seaside Trust")
    VenueFactory(provider=provider, name="Hut")
    pk = provider.pk
    provider.delete()

    archive.record_restore(model=Provider, pk=pk, by=editor)

    assert [v.name for v in Provider.objects.get(pk=pk).venues.all()] == ["Hut"]


def test_a_venue_whose_provider_is_deleted_is_restored_after_it(client, editor):
    provider = ProviderFactory(name="Seaside Trust")
    hut = VenueFactory(provider=provider, name="Hut").pk
    provider.delete()

    response = client.post(url("venue", "restore", hut))

    assert response.status_code == 200
    assert "restore the provider first" in response.content.decode()
    assert not Venue.objects.exists()


def test_only_a_commissioner_deletes_for_good(client, editor, listing):
    pk = listing.pk
    listing.delete()

    assert client.get(url("service", "purge", pk)).status_code == 403
    assert "Delete for good" not in client.get(url("service", "deleted")).content.decode()

    client.force_login(UserFactory(username="cass", roles=[COMMISSIONER]))
    assert client.get(url("service", "purge", pk)).status_code == 200
    response = client.post(url("service", "purge", pk))

    assert response.status_code == 302
    assert not Service.history.filter(id=pk).exists()
    assert client.post(url("service", "restore", pk)).status_code == 404


def test_a_provider_user_has_no_deleted_list(client, listing):
    user = UserFactory(roles=[PROVIDER])
    listing.provider.users.add(user)
    client.force_login(user)

    assert client.get(url("service", "deleted")).status_code == 403
    assert 'id="deleted-link"' not in client.get(url("service", "changelist")).content.decode()


def test_a_record_not_deleted_cannot_be_restored(client, editor, listing):
    assert client.get(url("service", "restore", listing.pk)).status_code == 404
    assert client.get("/admin/directory/service/deleted/not-an-id/restore/").status_code in (
        302,
        404,
    )


def test_the_deleted_list_reads_a_bounded_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    for number in range(5):
        ProviderFactory(name=f"Gone {number}").delete()

    with django_assert_max_num_queries(25):
        page = client.get(url("provider", "deleted"))

    assert len(page.context["rows"]) == 5
