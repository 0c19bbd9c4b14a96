"""factory_boy factories, shared by the tests and the demo council (`manage.py seed_demo`)."""

import factory

from directory.models import Council


class CouncilFactory(factory.django.DjangoModelFactory):
    """The one council configuration row, updated in place (migrations create it)."""

    class Meta:
        model = Council

    name = "Testshire Council"
    disabled_children_team_name = "Children with Disabilities team"
    contact_phone = "01632 960 001"
    contact_email = "short.breaks@testshire.example"
    early_help_phone = "01632 960 002"
    early_help_url = "https://www.testshire.example/early-help"
    local_offer_url = "https://www.testshire.example/local-offer"
    feedback_email = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        council = model_class.objects.current()
        for field, value in kwargs.items():
            setattr(council, field, value)
        council.full_clean()
        council.save()
        return council
