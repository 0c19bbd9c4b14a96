"""Bad data stays out of the directory: each check on the back office's forms and in its imports,
with a clear message, and nothing written. A postcode not in the council's table is a warning."""

import datetime as dt
import html

import pytest
import time_machine
from django.contrib import admin
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from directory.admin.forms import uk_phone_number
from directory.models import Council, Service, Session, Venue
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from directory.versions import compare
from tests.directory import test_imports
from tests.directory.conftest import service_form, upload
from tests.directory.test_imports import as_csv, template_rows
from tests.factories import (
    CouncilFactory,
    PostcodeFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
council_lists = test_imports.council_lists

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    return client


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def page_of(response) -> str:
    return html.unescape(response.content.decode())


# ---------------------------------------------------------------------- venues' postcodes


def venue_form(provider, **changes):
    return {
        "provider": provider.pk,
        "name": "Village Hall",
        "address_line_1": "1 Church Lane",
        "town": "Dorchester",
        "postcode": "DT1 1XJ",
    } | changes


@pytest.mark.parametrize("postcode", ["HELLO", "DT1", "12345", "DT1 1XJX"])
def test_a_venue_postcode_must_be_a_real_one(editor, postcode):
    provider = ProviderFactory()

    response = editor.post(
        reverse("admin:directory_venue_add"), venue_form(provider, postcode=postcode)
    )

    assert response.status_code == 200
    assert "Enter a real postcode, like DT1 1XJ." in page_of(response)
    assert not Venue.objects.exists()


def test_a_venue_postcode_is_kept_in_its_standard_form(editor):
    PostcodeFactory(postcode="DT1 1XJ", latitude=50.7, longitude=-2.4)

    response = editor.post(
        reverse("admin:directory_venue_add"), venue_form(ProviderFactory(), postcode="dt11xj")
    )

    assert response.status_code == 302
    venue = Venue.objects.get()
    assert (venue.postcode, venue.latitude) == ("DT1 1XJ", 50.7)
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_a_postcode_not_in_the_table_is_saved_with_a_warning(editor):
    response = editor.post(
        reverse("admin:directory_venue_add"), venue_form(ProviderFactory(), postcode="ZZ99 9ZZ")
    )

    assert response.status_code == 302
    assert Venue.objects.get().latitude is None
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and "ZZ99 9ZZ" in warnings[0]
    assert "not in the council's postcode table" in warnings[0]


def test_an_import_refuses_a_bad_postcode_and_warns_of_an_unknown_one(editor, council_lists):
    rows = template_rows("venues")
    bad = upload(editor, "venue", as_csv([rows[0] | {"postcode": "HELLO"}]))

    assert "Enter a real postcode, like DT1 1XJ." in page_of(bad)
    assert bad.context.get("confirm_form") is None

    unknown = upload(editor, "venue", as_csv([rows[0] | {"postcode": "ZZ99 9ZZ"}]))

    assert unknown.context.get("confirm_form") is not None  # a warning stops nothing
    assert "Row 1: The postcode ZZ99 9ZZ of Example Community Hall" in page_of(unknown)
    assert not Venue.objects.filter(postcode="ZZ99 9ZZ").exists()


# ---------------------------------------------------------------------- services


@pytest.mark.parametrize(
    "day", [dt.date(2030, 1, 1), dt.date(9999, 12, 31), TODAY + dt.timedelta(1)]
)
def test_last_checked_cannot_be_in_the_future(day):
    service = ServiceFactory(last_checked_on=day)

    with pytest.raises(ValidationError) as refused:
        service.full_clean()

    assert refused.value.message_dict["last_checked_on"] == [
        "The date it was last checked must be today or in the past."
    ]


def test_last_checked_today_is_fine():
    ServiceFactory(last_checked_on=TODAY).full_clean()


def test_the_service_form_refuses_a_future_last_checked(editor, lists):
    service = ServiceFactory(needs=[lists["need"]])
    data = service_form(service, lists, status="draft", last_checked_on="31/12/9999")

    response = editor.post(reverse("admin:directory_service_change", args=[service.pk]), data)

    assert response.status_code == 200
    assert "must be today or in the past" in page_of(response)
    service.refresh_from_db()
    assert service.last_checked_on != dt.date(9999, 12, 31)


@pytest.mark.parametrize(
    ("start", "end", "allowed"),
    [
        ("10:00", "09:00", False),  # typed the wrong way round
        ("15:00", "14:00", False),
        ("16:00", "10:00", True),  # overnight: an afternoon to the next morning
        ("18:00", "09:00", True),
        ("10:00", "12:00", True),
    ],
)
def test_a_session_ending_before_it_starts_must_be_overnight(start, end, allowed):
    session = Session(
        service=ServiceFactory(),
        weekday=1,
        start_time=dt.time.fromisoformat(start),
        end_time=dt.time.fromisoformat(end),
    )

    if allowed:
        session.full_clean()
    else:
        with pytest.raises(ValidationError, match="The end time must be after the start time"):
            session.full_clean()


def test_the_service_form_refuses_a_session_ending_before_it_starts(editor, lists):
    service = ServiceFactory(needs=[lists["need"]])
    data = service_form(
        service,
        lists,
        status="draft",
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-0-weekday": "1",
            "sessions-0-start_time": "11:00",
            "sessions-0-end_time": "09:00",
            "sessions-0-period": "all_year",
        },
    )

    response = editor.post(reverse("admin:directory_service_change", args=[service.pk]), data)

    assert response.status_code == 200
    assert "The end time must be after the start time" in page_of(response)
    assert not service.sessions.exists()


def test_a_published_listing_needs_at_least_one_need(editor, lists):
    service = ServiceFactory(status="draft", name="Old name")

    response = editor.post(
        reverse("admin:directory_service_change", args=[service.pk]),
        service_form(service, lists, status="published", name="New name", needs=[]),
    )

    assert response.status_code == 200
    assert "Choose at least one need: a published listing must say" in page_of(response)
    service.refresh_from_db()
    assert (service.status, service.name) == ("draft", "Old name")


def test_a_draft_may_have_no_needs_yet(editor, lists):
    service = ServiceFactory(status="draft")

    response = editor.post(
        reverse("admin:directory_service_change", args=[service.pk]),
        service_form(service, lists, status="draft", name="New name", needs=[]),
    )

    assert response.status_code == 302
    assert Service.objects.get().name == "New name"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("last_checked_on", "2030-01-01", "must be today or in the past"),
        ("last_checked_on", "9999-12-31", "must be today or in the past"),
        ("needs", "", "a published listing must say which needs it is for"),
    ],
)
def test_an_import_refuses_the_same(editor, council_lists, column, value, message):
    row = template_rows("services")[0] | {"status": "published", column: value}

    preview = upload(editor, "service", as_csv([row]))

    assert message in page_of(preview)
    assert preview.context.get("confirm_form") is None
    assert not Service.objects.exists()


def test_row_errors_are_shown_in_the_table_not_only_on_hover(editor, council_lists):
    row = template_rows("services")[0] | {"max_age": "5"}

    page = page_of(upload(editor, "service", as_csv([row])))

    assert (
        "<li><strong>max_age</strong>: The oldest age must not be below the youngest age." in page
    )
    assert "validation-error-container" not in page  # the hover box


def test_wrong_columns_name_the_expected_ones_without_a_traceback(editor, council_lists):
    page = page_of(upload(editor, "service", as_csv([{"title": "Drama"}])))

    assert "missing id, provider, name" in page
    assert "Traceback" not in page and "traceback" not in page


# ---------------------------------------------------------------------- the council


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("01632 960 100", "01632 960100"),
        ("+44 1632 960100", "01632 960100"),
        ("0300 123 4567", "0300 123 4567"),
        ("+33 1 23 45 67 89", "+33 1 23 45 67 89"),
    ],
)
def test_a_council_phone_number_is_kept_in_its_usual_form(typed, kept):
    assert uk_phone_number(typed) == kept


def council_admin_form(data):
    request = RequestFactory().post("/")
    request.user = UserFactory(roles=[COMMISSIONER])
    council = CouncilFactory()
    model_admin = admin.site._registry[Council]
    form_class = model_admin.get_form(request, council, change=True)
    initial = {name: getattr(council, name) for name in form_class.base_fields}
    return form_class(initial | data, instance=council)


@pytest.mark.parametrize("typed", ["abc", "123", "0163296010000000"])
def test_the_council_configuration_refuses_a_phone_number_that_is_not_one(typed):
    form = council_admin_form({"contact_phone": typed, "early_help_phone": typed})

    assert not form.is_valid()
    message = "Enter a telephone number, like 01632 960 001 or +44 1632 960 001."
    assert form.errors["contact_phone"] == [message]
    assert form.errors["early_help_phone"] == [message]


def test_the_council_configuration_keeps_good_numbers(db):
    form = council_admin_form({"contact_phone": "+441632960100", "early_help_phone": ""})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["contact_phone"] == "01632 960100"


# ---------------------------------------------------------------------- the admin itself


def test_line_endings_alone_are_no_change():
    before = {"description": "Games.\r\nCrafts.", "name": "Club"}
    after = {"description": "Games.\nCrafts.", "name": "Club"}

    assert compare(Service, before, after) == []


def test_the_statement_number_help_text_reads_as_written():
    from portal.models import Statement

    help_text = Statement._meta.get_field("number").help_text
    assert "<" not in help_text and "/statement/3/" in help_text


def test_the_service_list_shows_when_each_review_is_due(editor, django_assert_max_num_queries):
    CouncilFactory(review_every_months=6)
    ServiceFactory(name="Checked", last_checked_on=dt.date(2026, 10, 1))
    ServiceFactory(name="Old", last_checked_on=dt.date(2026, 5, 23))
    ServiceFactory(name="Never", last_checked_on=None)

    with django_assert_max_num_queries(20):
        page = page_of(editor.get(reverse("admin:directory_service_changelist")))

    assert "Due 2 Apr 2027" in page
    assert "Overdue since 24 Nov 2026" in page
    assert "Now (never checked)" in page
    assert "By review due" in page  # the filter


def test_the_service_form_has_a_contents_list_of_its_sections(editor):
    service = ServiceFactory()

    page = page_of(editor.get(reverse("admin:directory_service_change", args=[service.pk])))

    assert 'aria-labelledby="listing-contents-heading"' in page
    assert '<a href="#fieldset-0-0-heading">The listing</a>' in page
    assert '<a href="#fieldset-0-7-heading">Contact</a>' in page
    assert 'id="fieldset-0-7-heading"' in page
    assert '<a href="#sessions-group">Sessions</a>' in page
