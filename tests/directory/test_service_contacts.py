"""What a family needs to act on a service: on its page, on its provider's page and on the
printed shortlist: how to get a place, whom to call or write to, when and at what cost."""

import pytest
from django.urls import reverse

from directory.shortlist import SESSION_KEY

# The session, the council, the services and their cards, then each list of the print-out.
SHORTLIST_QUERIES = 12
PHONE = '<a class="govuk-link" href="tel:+441632960300">01632 960 300</a>'


def mailto(address):
    return f'<a class="govuk-link" href="mailto:{address}">{address}</a>'


def test_a_service_page_puts_how_to_get_a_place_and_the_contacts_before_the_details(
    client, world, council
):
    service = world.services.overnight

    html = client.get(service.get_absolute_url()).content.decode()

    order = [
        html.index("How to get a place</h2>"),
        html.index("Contact</h2>"),
        html.index("Who it is for</h2>"),
        html.index("What happens</h2>"),
    ]
    assert order == sorted(order)
    assert html.index("<h1") < order[0]


def test_a_service_page_links_its_phone_numbers_and_emails(client, world, council):
    service = world.services.overnight  # specialist: the council's team to call, too

    html = client.get(service.get_absolute_url()).content.decode()

    assert f"Telephone: {PHONE}" in html
    assert f"Email: {mailto(service.provider.email)}" in html
    assert 'href="tel:+441632960001"' in html  # the Children with Disabilities team
    assert mailto(council.contact_email) in html


def test_a_service_page_lists_needs_and_shows_its_description_in_govuk_paragraphs(
    client, world, council
):
    service = world.services.overnight
    service.description = "Overnight stays.\n\nNurses on every shift."
    service.how_to_access = "Ask your social worker."
    service.save()

    html = client.get(service.get_absolute_url()).content.decode()

    assert (
        '<ul class="govuk-list govuk-list--bullet"><li>Autism</li><li>Physical disability</li></ul>'
    ) in html
    assert '<p class="govuk-body">Overnight stays.</p>\n<p class="govuk-body">Nurses' in html
    assert '<p class="govuk-body">Ask your social worker.</p>' in html
    assert "<p>" not in html


def test_a_provider_page_links_its_phone_number_and_email(client, world, council):
    provider = world.services.swimming.provider

    html = client.get(provider.get_absolute_url()).content.decode()

    assert f"Telephone: {PHONE}" in html
    assert f"Email: {mailto(provider.email)}" in html
    assert f'<p class="govuk-body">{provider.description}</p>' in html


def printed_part(html):
    return html[html.index('<div class="app-print-only">') :]


def test_the_printed_shortlist_carries_what_a_family_needs_to_act(client, world, council):
    club, house = world.services.saturday_club, world.services.overnight
    session = client.session
    session[SESSION_KEY] = [str(club.pk), str(house.pk)]
    session.save()

    printed = printed_part(client.get(reverse("directory:shortlist")).content.decode())

    assert printed.index("Rainbow Saturday Club") < printed.index("Harbour House")
    assert f"Web address: http://testserver{club.get_absolute_url()}" in printed
    assert f"Telephone: {PHONE}" in printed
    assert mailto(club.provider.email) in printed
    assert "10am to 2pm" in printed and "4pm to 10am the next day" in printed
    assert "£12 per session" in printed
    assert "Contact the provider: they will check that your child can use this service" in printed
    assert "A social worker from the Children with Disabilities team" in printed
    assert "Check whether" not in printed  # no links that paper cannot follow
    assert f"http://testserver/directory/shortlist/?services={club.pk},{house.pk}" in printed


@pytest.mark.parametrize("size", [1, 4])
def test_the_printed_shortlist_costs_the_same_few_queries_however_long(
    client, world, council, django_assert_max_num_queries, size
):
    services = [
        world.services.saturday_club,
        world.services.overnight,
        world.services.swimming,
        world.services.sitter,
    ][:size]
    session = client.session
    session[SESSION_KEY] = [str(service.pk) for service in services]
    session.save()

    with django_assert_max_num_queries(SHORTLIST_QUERIES):
        html = client.get(reverse("directory:shortlist")).content.decode()

    assert printed_part(html).count('class="app-print-service"') == size


def test_the_print_button_comes_hidden_for_the_script_to_show(client, world, council):
    url = reverse("directory:shortlist")
    html = client.get(url, {"services": str(world.services.swimming.pk)}).content.decode()

    assert 'data-module="app-print" hidden>Print this list</button>' in html
