"""Find a personal assistant: the search's filters, counts, tags and pages; a profile shows
only what it should; and the message form relays to the PA, rate-limited, keeping a count."""

import pytest
from django.core import mail
from django.urls import reverse

from directory.personal_assistants.models import ContactTally

SEARCH = reverse("personal_assistants:search")


def names(response) -> set[str]:
    return {profile.name for profile in response.context["profiles"]}


def test_the_search_lists_only_approved_confirmed_profiles_with_a_current_dbs(client, register):
    response = client.get(SEARCH)

    assert response.status_code == 200
    assert names(response) == {"Nadia N", "Wendy W", "Sam S"}
    assert response.context["total"] == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Nadia lives a mile away and travels 5; Wendy 15 away and travels 20; Sam 15 and 3.
        ({"postcode": "DT1 1XJ"}, {"Nadia N", "Wendy W"}),
        ({"postcode": "DT2 2AB"}, {"Wendy W", "Sam S"}),
        ({"age": "14"}, {"Wendy W"}),
        ({"age": "3"}, {"Sam S"}),
        ({"need": ["ASD"]}, {"Nadia N", "Wendy W"}),
        ({"need": ["ASD", "PD"]}, {"Wendy W"}),
        ({"offer": ["personal_care"]}, {"Nadia N", "Wendy W"}),
        ({"offer": ["personal_care", "driving"]}, {"Nadia N"}),
        ({"day": ["friday", "saturday"]}, {"Nadia N", "Sam S"}),
        ({"time": ["after_school"]}, {"Wendy W"}),
        ({"postcode": "DT1 1XJ", "need": ["PD"]}, {"Wendy W"}),
    ],
)
def test_each_filter_narrows_the_register(client, register, query, expected):
    assert names(client.get(SEARCH, query)) == expected


def test_the_filters_show_counts_and_removable_tags(client, register):
    response = client.get(SEARCH, {"need": "ASD"})
    page = response.content.decode()

    assert "Autism (2)" in page
    assert "Physical disability (1)" in page
    assert "Personal care (2)" in page
    tags = response.context["selected_filters"]
    assert [(group.heading, [tag.label for tag in group.tags]) for group in tags] == [
        ("Experience of all of these needs", ["Autism"])
    ]
    assert tags[0].tags[0].remove_url == SEARCH


def test_nearest_first_from_a_postcode_with_the_distance(client, register):
    response = client.get(SEARCH, {"postcode": "dt11xj"})

    assert [p.name for p in response.context["profiles"]] == ["Nadia N", "Wendy W"]
    assert response.context["profiles"][0].distance


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"postcode": "ZZ99 9ZZ"}, "We do not know that postcode"),
        ({"postcode": "not a postcode"}, "Enter a real postcode"),
        ({"age": "99"}, "Enter an age from 0 to 25"),
        ({"need": "nonsense"}, "Select needs from the list"),
    ],
)
def test_bad_filters_are_errors_on_the_page(client, register, query, error):
    response = client.get(SEARCH, query)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert response.content.decode().count("<title>Error: ") == 1


def test_the_search_reads_a_bounded_number_of_queries(
    client, register, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get(SEARCH, {"postcode": "DT1 1XJ", "need": "ASD"})


# ---------------------------------------------------------------------------- a profile


def test_a_profile_shows_what_families_need_and_nothing_private(client, register):
    pa = register.pas.near

    page = client.get(reverse("personal_assistants:profile", args=[pa.pk])).content.decode()

    for shown in (
        "Nadia N",
        "Autism",
        "Personal care",
        "Saturday",
        "£15 an hour",
        "on the DBS update service",
        "you are their employer, not the council",
        "https://www.testshire.example/direct-payments",
    ):
        assert shown in page
    for private in (
        "Nearby",
        "nadia.private@example.com",
        "07700 900111",
        "DT1 7QQ",
        "Referee One",
        "001234567890",
    ):
        assert private not in page


@pytest.mark.parametrize("which", ["pending", "lapsed", "old_dbs"])
def test_a_profile_not_listed_is_not_found(client, register, which):
    pa = getattr(register.pas, which)

    assert client.get(reverse("personal_assistants:profile", args=[pa.pk])).status_code == 404


def test_a_profile_reads_a_bounded_number_of_queries(
    client, register, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        client.get(reverse("personal_assistants:profile", args=[register.pas.near.pk]))


MESSAGE = {
    "name": "Pat Parent",
    "email": "pat.parent@example.org",
    "phone": "",
    "need": "ASD",
    "message": "Could you help on Saturday mornings?",
    "consent": "on",
}


def test_a_message_is_emailed_to_the_pa_replying_to_the_family_and_only_counted(client, register):
    pa = register.pas.near

    response = client.post(reverse("personal_assistants:profile", args=[pa.pk]), MESSAGE)

    assert response.status_code == 302
    assert response["Location"] == reverse("personal_assistants:sent", args=[pa.pk])
    (sent,) = mail.outbox
    assert sent.to == ["nadia.private@example.com"]
    assert sent.reply_to == ["pat.parent@example.org"]
    assert "Could you help on Saturday mornings?" in sent.body
    tally = ContactTally.objects.get()
    assert (tally.month, tally.locality, tally.need, tally.count) == (
        register.today.replace(day=1),
        register.localities.home,
        register.needs.autism,
        1,
    )
    client.post(reverse("personal_assistants:profile", args=[pa.pk]), MESSAGE)
    assert ContactTally.objects.get().count == 2


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"consent": ""}, "Agree to sending your details to the personal assistant"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"message": ""}, "Enter your message"),
        ({"message": "x" * 2001}, "2,000 characters or fewer"),
        ({"need": "made-up"}, "Select your child&#x27;s main need from the list"),
    ],
)
def test_a_bad_message_is_refused_with_nothing_sent_or_counted(client, register, change, error):
    pa = register.pas.near

    response = client.post(reverse("personal_assistants:profile", args=[pa.pk]), MESSAGE | change)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert mail.outbox == []
    assert not ContactTally.objects.exists()


def test_messages_are_rate_limited(client, register, settings):
    settings.PA_CONTACT_RATE = "2/h"
    url = reverse("personal_assistants:profile", args=[register.pas.near.pk])

    statuses = [client.post(url, MESSAGE).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2
    assert ContactTally.objects.get().count == 2
