"""`manage.py seed_demo`: the fictional demo council, idempotent, never on a live site."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from directory.models import Council
from directory.querysets import FilterOptions
from directory.results import ids_in_order
from directory.searches import Search
from portal.nonprod.demo.people import DEMO_ROLES


def found_by(**asked) -> list:
    """The ids of the published services a directory search finds."""
    return ids_in_order(Search(**asked), FilterOptions.load())[1]


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")

    assert not get_user_model().objects.exists()


def test_seed_demo_configures_the_demo_council_and_can_run_twice(db, settings):
    settings.DEBUG = True

    call_command("seed_demo")
    call_command("seed_demo")

    assert Council.objects.count() == 1
    council = Council.objects.current()
    assert council.name == "South Wessex Council"
    assert council.contact_phone.startswith("01632 960")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("demo-admin-password")
    for username, password, role, provider in DEMO_ROLES:
        person = get_user_model().objects.get(username=username)
        assert person.check_password(password) and person.is_staff and not person.is_superuser
        assert list(person.groups.values_list("name", flat=True)) == [role]
        assert list(person.providers.values_list("name", flat=True)) == (
            [provider] if provider else []
        )


def test_seed_demo_runs_with_debug_off_only_when_told_to(db, settings):
    settings.DEBUG = False

    call_command("seed_demo", "--allow-without-debug")

    assert Council.objects.current().name == "South Wessex Council"


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo")


def test_the_demo_directory_covers_every_tier_kind_need_age_band_and_locality(demo):
    from directory.models import AgeBand, BreakKind, Locality, Need, Provider, Service

    published = Service.objects.published()
    assert Provider.objects.count() >= 40
    assert Service.objects.count() >= 120
    assert Locality.objects.count() >= 5
    assert set(published.values_list("tier", flat=True)) == {"universal", "targeted", "specialist"}
    for kind in BreakKind.objects.all():
        assert found_by(kinds=kind.mask), kind
    for need in Need.objects.all():
        assert found_by(needs=need.mask), need
    for locality in Locality.objects.all():
        assert found_by(localities=locality.mask), locality
    for band in AgeBand.objects.all():
        assert found_by(age_band=(band.min_age, band.max_age)), band


def test_the_demo_has_waiting_lists_overdue_reviews_16_to_25s_drafts_and_archives(demo):
    import datetime as dt

    from django.utils import timezone

    from directory.models import Service

    year_ago = timezone.localdate() - dt.timedelta(days=365)
    assert Service.objects.filter(availability="waiting_list").count() >= 10
    assert Service.objects.filter(last_checked_on__lt=year_ago).exists()
    assert Service.objects.published().filter(min_age__gte=16, max_age=25).count() >= 3
    assert Service.objects.filter(status="draft").exists()
    assert Service.objects.filter(status="archived").exists()


def test_seeding_again_gives_the_same_demo(demo):
    from directory.models import Provider, Service

    before = sorted(Service.objects.values_list("pk", "name", "availability"))

    call_command("seed_demo")

    assert sorted(Service.objects.values_list("pk", "name", "availability")) == before
    assert Provider.objects.filter(description__contains="fictional provider").count() == 42


def test_seed_scale_adds_searchable_services_with_their_derived_columns(demo):
    from directory.models import Service

    before = Service.objects.count()

    call_command("seed_scale", "--services", "50")

    added = Service.objects.filter(provider__name__startswith="Generated provider")
    assert Service.objects.count() == before + 50
    assert added.count() == 50
    assert all(service.search_document for service in added)
    assert added.filter(kinds_mask__gt=0).count() == 50
    assert set(found_by(keywords="club")) & set(added.values_list("pk", flat=True))


def test_seed_scale_refuses_nonsense(db):
    with pytest.raises(CommandError, match="must be 1 or more"):
        call_command("seed_scale", "--services", "0")
