"""Writing to the directory: derived columns stay in step with every change."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from directory import services
from directory.models import Need, ProblemReport, Service
from directory.querysets import FilterOptions
from directory.results import ids_in_order
from directory.searches import Search
from tests.factories import (
    NeedFactory,
    PostcodeFactory,
    ProblemReportFactory,
    ServiceFactory,
    VenueFactory,
)


def test_derived_columns_come_from_sessions_taxonomies_and_venues(world):
    service = world.services.saturday_club

    assert service.on_saturday and not service.on_friday
    assert service.runs_weekends and not service.runs_after_school
    assert service.has_venue
    assert service.needs_mask == world.needs.autism.mask
    assert service.kinds_mask == world.kinds.saturday.mask
    assert service.localities_mask == world.localities.home.mask
    assert service.features_mask == world.features.hoist.mask | world.features.toilet.mask
    assert world.needs.autism.name.lower() in service.search_document
    assert world.venues.near.name.lower() in service.search_document
    # A place is searched as a place (directory.searches), not as words in the text.
    assert world.venues.near.town.lower() not in service.search_document
    assert world.localities.home.name.lower() not in service.search_document


def test_renaming_a_need_refreshes_the_services_search_text(world):
    autism = world.needs.autism
    autism.name = "Autistic spectrum condition"

    services.taxonomy_term_save(term=autism)

    world.services.saturday_club.refresh_from_db()
    assert "spectrum" in world.services.saturday_club.search_document
    total, found = ids_in_order(Search(keywords="spectrum"), FilterOptions.load())
    assert world.services.saturday_club.pk in found
    assert total == Service.objects.published().filter(needs=autism).count()


def test_deleting_a_need_clears_its_bit_from_every_service(world):
    services.taxonomy_term_delete(term=world.needs.autism)

    assert not Need.objects.filter(code="ASD").exists()
    world.services.saturday_club.refresh_from_db()
    assert world.services.saturday_club.needs_mask == 0


def test_venue_features_reach_the_services_held_there(world):
    venue = world.venues.far
    venue.accessibility_features.add(world.features.toilet)

    services.venue_save(venue=venue)

    world.services.overnight.refresh_from_db()
    assert world.services.overnight.features_mask == world.features.toilet.mask


def test_a_venue_without_a_position_takes_its_postcodes(db):
    PostcodeFactory(postcode="BH20 4PP", latitude=50.686, longitude=-2.11)
    venue = VenueFactory.build(postcode="bh204pp", latitude=None, longitude=None)

    assert services.venue_fill_position(venue=venue)

    assert (venue.postcode, venue.latitude, venue.longitude) == ("BH20 4PP", 50.686, -2.11)


def test_a_venue_with_an_unknown_postcode_keeps_no_position(db):
    venue = VenueFactory.build(postcode="ZZ1 1ZZ", latitude=None, longitude=None)

    assert not services.venue_fill_position(venue=venue)
    assert venue.latitude is None


def test_new_terms_get_the_next_free_bit_and_keep_it(db):
    first = NeedFactory(code="first-test-need", name="First test need")
    second = NeedFactory(code="second-test-need", name="Second test need")

    assert first.bit != second.bit
    second.name = "Renamed"
    second.save()
    second.refresh_from_db()
    assert second.bit == Need.objects.get(code="second-test-need").bit


def test_a_list_cannot_hold_more_than_63_terms(db):
    for number in range(63 - Need.objects.count()):
        NeedFactory(code=f"need-{number}", name=f"Need {number}")

    extra = Need(code="one-too-many", name="One too many")
    with pytest.raises(ValidationError, match="the most it can hold"):
        extra.full_clean()


def test_problem_reports_are_validated_before_they_are_saved(world):
    with pytest.raises(ValidationError):
        services.problem_report_create(
            service=world.services.swimming, kind="not-a-kind", details="x"
        )
    assert not ProblemReport.objects.exists()

    report = services.problem_report_create(
        service=world.services.swimming,
        kind="wrong_contact",
        details="  The phone number is wrong.  ",
        email="parent@example.com",
    )
    assert report.details == "The phone number is wrong."
    assert report.state == "new"


def test_resolved_reports_are_deleted_after_the_retention_period(db):
    old = ProblemReportFactory(state="resolved")
    recent = ProblemReportFactory(state="resolved")
    open_report = ProblemReportFactory(state="new")
    a_year_ago = timezone.now() - dt.timedelta(days=400)
    ProblemReport.objects.filter(pk__in=[old.pk, open_report.pk]).update(updated_at=a_year_ago)

    deleted = services.problem_reports_delete_resolved(
        before=timezone.now() - dt.timedelta(days=365)
    )

    assert deleted == 1
    assert set(ProblemReport.objects.values_list("pk", flat=True)) == {recent.pk, open_report.pk}


def test_service_rules_are_checked_by_full_clean(db):
    service = ServiceFactory.build(min_age=12, max_age=5, is_free=True, cost_amount=5)

    with pytest.raises(ValidationError) as error:
        service.clean()

    assert "max_age" in error.value.message_dict
    assert "cost_amount" in error.value.message_dict
