"""The search index: the published services' search columns as bit sets, kept per process and
rebuilt when a trigger on the services changes its token."""

import pytest
from django.db import transaction

from directory import full_text, search_index
from directory.models import SearchIndexVersion, Service
from directory.querysets import FilterOptions
from directory.search_index import SearchIndex, bits_of, positions_of
from tests.factories import ServiceFactory


def names_of(index: SearchIndex, members: int) -> list[str]:
    keys = [index.keys[position] for position in positions_of(members)]
    by_key = dict(search_index.raw_rows(Service.objects.values_list("pk", "name")))
    return [by_key[key] for key in keys]


def current_index():
    return search_index.current(FilterOptions.load().index_token)


def token():
    return SearchIndexVersion.objects.values_list("token", flat=True).first()


def test_bit_sets_round_trip_positions():
    members = bits_of([True, False, 1, 0, 0, True])

    assert members == 0b100101
    assert positions_of(members) == [0, 2, 5]
    assert positions_of(0) == []
    assert bits_of([]) == 0


def test_positions_follow_the_names_of_published_services_only(world):
    index = current_index()

    assert names_of(index, index.everything) == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]


def test_counts_every_filter_option_from_one_query(world, django_assert_num_queries):
    options = FilterOptions.load()

    with django_assert_num_queries(1):
        index = search_index.current(options.index_token)
    counts = index.counts(index.everything, options.age_bands)

    assert counts["total"] == 4
    assert (counts["tier_universal"], counts["tier_targeted"], counts["tier_specialist"]) == (
        1,
        2,
        1,
    )
    bands = [counts[f"band_{i}"] for i in range(len(options.age_bands))]
    assert bands == [2, 4, 3, 3, 1]
    assert (counts["free"], counts["direct_payments"], counts["places"]) == (1, 1, 2)
    assert [counts[f"day_{day}"] for day in range(7)] == [0, 0, 1, 0, 2, 1, 0]
    assert counts["time_weekends"] == 1
    assert counts["time_overnight"] == 1
    assert counts["no_venue"] == 1
    assert counts[f"needs_{world.needs.autism.bit}"] == 3
    assert counts[f"kinds_{world.kinds.swimming.bit}"] == 2
    assert counts[f"localities_{world.localities.home.bit}"] == 3
    assert counts[f"features_{world.features.hoist.bit}"] == 2
    assert counts[f"features_{world.features.toilet.bit}"] == 1


def test_counts_follow_the_members_given(world):
    index = current_index()
    five = index.for_ages(5, 5)

    counts = index.counts(five)

    assert counts["total"] == 3
    assert counts[f"needs_{world.needs.autism.bit}"] == 2
    assert index.option("no-such-option") == 0


def test_sets_of_services_for_ages_lists_and_ids(world):
    index = current_index()

    assert names_of(index, index.for_ages(19, 40)) == ["Home Sitters"]
    assert names_of(index, index.for_ages(-3, 4)) == ["Home Sitters", "Splash Swimming"]
    assert names_of(index, index.any_of("needs", world.needs.physical.mask)) == [
        "Harbour House",
        "Splash Swimming",
    ]
    swimming = search_index.raw_rows(
        Service.objects.filter(pk=world.services.swimming.pk).values_list("pk")
    )[0][0]
    assert names_of(index, index.of_keys([swimming, "not-an-id"])) == ["Splash Swimming"]


def test_most_recently_checked_first_and_never_checked_last(world):
    Service.objects.filter(pk=world.services.overnight.pk).update(last_checked_on=None)
    Service.objects.filter(pk=world.services.swimming.pk).update(last_checked_on="2026-11-01")
    Service.objects.filter(pk=world.services.saturday_club.pk).update(last_checked_on="2026-10-01")
    Service.objects.filter(pk=world.services.sitter.pk).update(last_checked_on="2026-10-01")
    index = current_index()

    checked = [index.keys[p] for p in index.by_checked]
    by_key = dict(search_index.raw_rows(Service.objects.values_list("pk", "name")))
    assert [by_key[key] for key in checked] == [
        "Splash Swimming",
        "Home Sitters",  # the same day as the club: by name
        "Rainbow Saturday Club",
        "Harbour House",
    ]


# ---------------------------------------------------------------------------- kept up to date


@pytest.mark.parametrize(
    "change",
    [
        lambda world: ServiceFactory(name="Aardvark Club"),
        lambda world: Service.objects.filter(pk=world.services.swimming.pk).update(min_age=3),
        lambda world: world.services.swimming.delete(),
    ],
    ids=["insert", "update", "delete"],
)
def test_every_write_to_the_services_changes_the_token(world, change):
    before = token()

    change(world)

    assert token() not in (None, before)


def test_a_kept_index_is_used_until_the_services_change(world, django_assert_num_queries):
    first = current_index()
    with django_assert_num_queries(1):  # the options and the token; no services
        assert current_index() is first

    Service.objects.filter(pk=world.services.swimming.pk).update(status="draft")

    again = current_index()
    assert again is not first
    assert "Splash Swimming" not in names_of(again, again.everything)


def test_a_rolled_back_write_does_not_leave_its_index_in_use(world):
    before = current_index()
    try:
        with transaction.atomic():
            Service.objects.filter(pk=world.services.swimming.pk).update(status="draft")
            inside = current_index()
            assert "Splash Swimming" not in names_of(inside, inside.everything)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass

    after = current_index()
    assert after.token == before.token
    assert "Splash Swimming" in names_of(after, after.everything)


def test_without_a_token_the_index_is_built_each_time_and_not_kept(db):
    SearchIndexVersion.objects.all().delete()

    assert search_index.current(None) is not search_index.current(None)


def test_a_new_database_has_a_token_before_its_first_write(db):
    assert token() is not None


def test_an_empty_list_of_ids_to_search_among_finds_nothing(world):
    assert full_text.scored_ids("club", ranked=True, among=[]) == []
    assert full_text.scored_ids("!!!", ranked=True, among=[]) in ([], None)
