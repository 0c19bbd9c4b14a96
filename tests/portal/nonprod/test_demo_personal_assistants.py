"""The demo council's register of personal assistants: a handful of clearly fictional PAs
that families can find, one application waiting, and messages for the report."""

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.models import Council
from directory.personal_assistants.models import ContactTally, PersonalAssistant


def test_the_demo_has_fictional_pas_families_can_find(client, db, settings):
    settings.DEBUG = True

    call_command("seed_demo")
    call_command("seed_demo")

    council = Council.objects.current()
    assert council.pa_dbs_valid_years == 3
    assert council.direct_payments_guidance_url.startswith("https://www.southwessex.example/")
    listed = PersonalAssistant.objects.listed(today=timezone.localdate(), dbs_valid_years=3)
    assert listed.count() == 5
    assert PersonalAssistant.objects.filter(status="pending").count() == 1
    for pa in PersonalAssistant.objects.all():
        assert pa.first_name.startswith("Demo ")
        assert pa.email.endswith("@example.com")
        assert pa.phone.startswith("01632 960")
    assert ContactTally.objects.exists()
    page = client.get(reverse("personal_assistants:search"), {"postcode": "DT1 1XJ"})
    assert "Demo Alice E" in page.content.decode()
