"""Places in the back office: a provider user posts on its own services only; editors
withdraw any; taken and withdrawn places are records, not edited."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.short_notice.models import PlaceStatus, ShortNoticePlace
from tests.factories import ShortNoticePlaceFactory

ADD = reverse("admin:short_notice_shortnoticeplace_add")
LIST = reverse("admin:short_notice_shortnoticeplace_changelist")


def form(service, kind, **changes):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    until = timezone.localtime() + dt.timedelta(hours=12)
    data = {
        "service": service.pk,
        "kind": kind.pk,
        "starts_on": tomorrow.isoformat(),
        "start_time": "10:00",
        "end_time": "16:00",
        "places": "2",
        "claim_by": "first_to_call",
        "claim_phone": "01305 221000",
        "offered_until_0": until.date().isoformat(),
        "offered_until_1": until.strftime("%H:%M"),
    }
    return data | changes


def test_a_provider_user_posts_a_place_in_the_back_office(client, world, own_service, people):
    client.force_login(people["provider"])

    response = client.post(ADD, form(own_service, world.kinds.saturday))

    assert response.status_code == 302, response.context["adminform"].form.errors
    place = ShortNoticePlace.objects.get()
    assert (place.service, place.posted_by, place.places) == (own_service, people["provider"], 2)


def test_the_provider_user_cannot_choose_another_organisations_service(
    client, world, own_service, people
):
    client.force_login(people["provider"])

    page = client.get(ADD)
    response = client.post(ADD, form(world.services.swimming, world.kinds.swimming))

    choices = [
        str(choice) for _, choice in page.context["adminform"].form.fields["service"].choices
    ]
    assert "Rainbow Saturday Club" in choices
    assert "Splash Swimming" not in choices
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ShortNoticePlace.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"places": "0"}, "greater than or equal to 1"),
        ({"starts_on": "2020-01-01"}, "today or in the future"),
        ({"claim_phone": ""}, "phone number or an email address"),
    ],
)
def test_bad_input_in_the_back_office_gets_an_error(
    client, world, own_service, people, changes, message
):
    client.force_login(people["provider"])

    response = client.post(ADD, form(own_service, world.kinds.saturday, **changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ShortNoticePlace.objects.exists()


def test_an_editor_withdraws_any_place_and_a_provider_marks_its_own_taken(
    client, world, own_service, people
):
    own = ShortNoticePlaceFactory(service=own_service)
    other = ShortNoticePlaceFactory(service=world.services.swimming)

    client.force_login(people["provider"])
    client.post(LIST, {"action": "mark_taken", "_selected_action": [own.pk, other.pk]})
    client.force_login(people["editor"])
    client.post(LIST, {"action": "withdraw", "_selected_action": [own.pk, other.pk]})

    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == PlaceStatus.TAKEN  # the provider's; the editor's withdrawal left it
    assert other.status == PlaceStatus.WITHDRAWN


def test_a_provider_user_does_not_find_another_organisations_place(
    client, world, own_service, people
):
    other = ShortNoticePlaceFactory(service=world.services.swimming)
    client.force_login(people["provider"])

    url = reverse("admin:short_notice_shortnoticeplace_change", args=[other.pk])
    assert client.get(url).status_code == 404
    assert "Splash Swimming" not in client.get(LIST).content.decode()
