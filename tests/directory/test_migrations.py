"""What the directory's migrations leave in the database: migration 0017's triggers, which log
every change the search index must apply (directory.search_index), the full-text search they
replaced gone, and the synonyms migration 0016 seeds."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from directory.models import (
    Provider,
    SearchIndexChange,
    SearchIndexVersion,
    Service,
    ServiceLocation,
    SynonymGroup,
    Venue,
)
from tests.factories import ServiceFactory

changes = importlib.import_module("directory.migrations.0017_search_index_changes")
synonyms = importlib.import_module("directory.migrations.0016_synonyms")

SERVICE, OTHER = SearchIndexChange.Kind.SERVICE, SearchIndexChange.Kind.OTHER


def logged_after(seq: int) -> set[tuple[int, object]]:
    """The (kind, service id) rows the triggers logged after version `seq`."""
    return set(SearchIndexChange.objects.filter(seq__gt=seq).values_list("kind", "service_id"))


def move_link(world):
    ServiceLocation.objects.filter(service=world.services.swimming).update(
        service=world.services.overnight
    )
    return {world.services.swimming.pk, world.services.overnight.pk}


# Each change, and the services whose change it must log.
SERVICE_CHANGES = {
    "a_new_service": lambda world: {ServiceFactory(name="Aardvark Club").pk},
    "a_service_updated": lambda world: (
        Service.objects.filter(pk=world.services.swimming.pk).update(name="Splash Pool"),
        {world.services.swimming.pk},
    )[1],
    "a_service_deleted": lambda world: (
        Service.objects.filter(pk=world.services.swimming.pk).delete(),
        {world.services.swimming.pk},
    )[1],
    "a_venue_link_added": lambda world: (
        ServiceLocation.objects.create(service=world.services.sitter, venue=world.venues.near),
        {world.services.sitter.pk},
    )[1],
    "a_venue_link_updated": lambda world: (
        ServiceLocation.objects.filter(service=world.services.swimming).update(latitude=51.0),
        {world.services.swimming.pk},
    )[1],
    "a_venue_link_moved_to_another_service": move_link,
    "a_venue_link_deleted": lambda world: (
        ServiceLocation.objects.filter(service=world.services.swimming).delete(),
        {world.services.swimming.pk},
    )[1],
}


@pytest.mark.parametrize("change", SERVICE_CHANGES.values(), ids=SERVICE_CHANGES.keys())
def test_a_write_to_a_service_or_its_venue_links_logs_the_service(world, change):
    before = SearchIndexVersion.objects.get()

    changed = change(world)

    after = SearchIndexVersion.objects.get()
    assert after.seq > before.seq and after.token != before.token
    logged = logged_after(before.seq)
    assert {(SERVICE, pk) for pk in changed} <= logged
    assert {pk for kind, pk in logged if kind == SERVICE} == changed
    # The version the search reads has a row in the log, so that an index at it can follow on.
    assert SearchIndexChange.objects.filter(seq=after.seq, token=after.token).exists()


OTHER_CHANGES = {
    "a_provider_updated": lambda world: Provider.objects.filter(
        pk=world.services.swimming.provider_id
    ).update(phone="01632 960999"),
    "a_venue_updated": lambda world: Venue.objects.filter(pk=world.venues.far.pk).update(
        name="Far Pavilion"
    ),
    "a_synonym_group_updated": lambda world: SynonymGroup.objects.update(words="respite, rest"),
}


@pytest.mark.parametrize("change", OTHER_CHANGES.values(), ids=OTHER_CHANGES.keys())
def test_a_write_to_other_published_data_moves_the_version_and_logs_no_service(world, change):
    before = SearchIndexVersion.objects.get()

    change(world)

    after = SearchIndexVersion.objects.get()
    assert after.seq > before.seq and after.token != before.token
    assert logged_after(before.seq) == {(OTHER, None)}
    assert SearchIndexChange.objects.filter(seq=after.seq, token=after.token).exists()


def column_names(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }


@pytest.mark.django_db
def test_the_full_text_search_the_index_replaced_is_gone():
    tables = set(connection.introspection.table_names())

    assert "search_vector" not in column_names("directory_service")
    assert not {name for name in tables if name.startswith("directory_service_fts")}
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "directory_service")
    assert "directory_service_search_vector" not in constraints
    assert "service_by_id_facets" not in constraints


@pytest.mark.django_db(transaction=True)
def test_migration_0017_goes_back_to_0014s_triggers_and_forward_again(world):
    def token():
        with connection.cursor() as cursor:
            cursor.execute("SELECT token FROM directory_searchindexversion")
            return cursor.fetchone()[0]

    call_command("migrate", "directory", "0016", verbosity=0)
    try:
        before = token()
        with connection.cursor() as cursor:
            cursor.execute("UPDATE directory_service SET summary = 'Changed.'")
        assert token() != before  # 0014's triggers change the token
        assert "directory_searchindexchange" not in connection.introspection.table_names()
    finally:
        call_command("migrate", "directory", verbosity=0)

    before = SearchIndexVersion.objects.get()
    Service.objects.filter(pk=world.services.swimming.pk).update(summary="Again.")
    assert SearchIndexVersion.objects.get().seq > before.seq
    assert (SERVICE, world.services.swimming.pk) in logged_after(before.seq)


@pytest.mark.django_db
def test_the_seeded_synonyms_are_made_once_and_go_back_unless_changed():
    seeded = set(SynonymGroup.objects.values_list("words", flat=True))
    assert seeded == set(synonyms.SEEDED)

    synonyms.create_synonyms(apps, None)
    assert SynonymGroup.objects.count() == len(synonyms.SEEDED)

    changed = SynonymGroup.objects.order_by("words").first()
    changed.words += ", our own word"
    changed.save()
    synonyms.delete_synonyms(apps, None)
    assert list(SynonymGroup.objects.values_list("words", flat=True)) == [changed.words]
