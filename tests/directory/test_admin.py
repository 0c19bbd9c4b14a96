"""The directory in the back office: every page opens, and saves keep search current."""

import pytest
from django.apps import apps
from django.urls import reverse

from directory.models import ServiceLocation, Session
from directory.querysets import FilterOptions
from directory.results import ids_in_order
from directory.searches import Search
from tests.factories import ProblemReportFactory

MODELS = [
    "council",
    "need",
    "breakkind",
    "accessibilityfeature",
    "locality",
    "ageband",
    "postcodedistrict",
    "provider",
    "venue",
    "service",
    "problemreport",
]


@pytest.fixture
def officer(admin_client, world):
    ProblemReportFactory(service=world.services.saturday_club)
    return admin_client


@pytest.mark.parametrize("model", MODELS)
def test_every_change_list_and_add_page_opens(officer, model):
    records = apps.get_model("directory", model)._default_manager

    changelist = officer.get(reverse(f"admin:directory_{model}_changelist"), follow=True)

    if model == "council":  # its one row, to edit
        assert changelist.context["original"] == records.get()
        return
    shown = changelist.context["cl"]
    assert shown.model is records.model
    assert shown.result_count == records.count() > 0
    add = officer.get(reverse(f"admin:directory_{model}_add"))
    assert add.context["add"] and add.context["adminform"].form.instance._state.adding
    assert add.context["adminform"].form._meta.model is records.model


def test_an_existing_service_opens_for_editing(officer, world):
    service = world.services.saturday_club
    url = reverse("admin:directory_service_change", args=[service.pk])

    response = officer.get(url)

    form = response.context["adminform"].form
    assert response.context["original"] == service
    assert form.initial["name"] == "Rainbow Saturday Club"
    assert list(form.initial["kinds"]) == list(service.kinds.all())
    inlines = {
        inline.formset.model: inline.formset for inline in response.context["inline_admin_formsets"]
    }
    assert [f.instance for f in inlines[Session].initial_forms] == list(service.sessions.all())
    assert [f.instance.venue for f in inlines[ServiceLocation].initial_forms] == list(
        service.venues.all()
    )


def test_saving_a_service_in_the_admin_refreshes_its_days_and_search_text(officer, world):
    service = world.services.swimming
    url = reverse("admin:directory_service_change", args=[service.pk])
    page = officer.get(url)
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data |= {
        "provider": service.provider_id,
        "needs": [n.pk for n in service.needs.all()],
        "kinds": [k.pk for k in service.kinds.all()],
        "localities": [loc.pk for loc in service.localities.all()],
        "name": "Splash Swimming Gala",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-weekday": "6",
        "sessions-0-start_time": "09:00",
        "sessions-0-end_time": "10:00",
        "sessions-0-period": "all_year",
        "locations-TOTAL_FORMS": "0",
        "locations-INITIAL_FORMS": "0",
    }
    data = {key: value for key, value in data.items() if value != ""}

    response = officer.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert service.on_sunday and service.on_wednesday
    assert ids_in_order(Search(keywords="gala"), FilterOptions.load()) == (1, [service.pk])
    assert service.has_venue  # an empty inline form set leaves its venue alone


def test_the_council_configuration_has_one_row_that_cannot_be_deleted_or_added(officer):
    response = officer.get(reverse("admin:directory_council_changelist"))

    assert response.status_code == 302
    assert officer.get(reverse("admin:directory_council_add")).status_code == 403


def test_the_problem_report_inbox_records_who_handled_a_report(client, db):
    from directory.roles import DIRECTORY_EDITOR
    from tests.factories import ProblemReportFactory, UserFactory

    editor = UserFactory(roles=[DIRECTORY_EDITOR])
    client.force_login(editor)
    report = ProblemReportFactory()
    url = reverse("admin:directory_problemreport_change", args=[report.pk])

    listing = client.get(
        reverse("admin:directory_problemreport_changelist"), {"state__exact": "new"}
    )
    client.post(url, {"state": "resolved", "resolution_note": "Updated the days with the club."})

    assert reverse("admin:directory_service_change", args=[report.service_id]) in (
        listing.content.decode()
    )
    report.refresh_from_db()
    assert (report.state, report.handled_by) == ("resolved", editor)
