"""factory_boy factories, shared by the tests (through tests.factories) and the demo council
(`manage.py seed_demo`)."""

import datetime as dt

import factory
from django.utils import timezone

from directory.listings import listing_of
from directory.models import (
    AccessibilityFeature,
    AgeBand,
    BreakKind,
    Council,
    Locality,
    Need,
    Postcode,
    PostcodeDistrict,
    ProblemReport,
    ProposedChange,
    Provider,
    Service,
    ServiceLocation,
    Session,
    SynonymGroup,
    Venue,
)
from directory.services import services_refresh_derived_fields


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


# ---------------------------------------------------------------------------- taxonomies


class LocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"locality-{n}")
    name = factory.Sequence(lambda n: f"Locality {n}")


class PostcodeDistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostcodeDistrict
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"TE{n}")
    latitude = 50.7
    longitude = -2.4
    locality = factory.SubFactory(LocalityFactory)


class PostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcode
        django_get_or_create = ("postcode",)

    postcode = factory.Sequence(lambda n: f"TE1 {n % 10}AA")
    latitude = 50.7
    longitude = -2.4
    locality = None


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"need-{n}")
    name = factory.Sequence(lambda n: f"Need {n}")


class BreakKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BreakKind
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"kind-{n}")
    name = factory.Sequence(lambda n: f"Kind of break {n}")
    heading = BreakKind.Heading.ACTIVITIES


class AccessibilityFeatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessibilityFeature
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"feature-{n}")
    name = factory.Sequence(lambda n: f"Feature {n}")


class AgeBandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgeBand
        django_get_or_create = ("code",)

    code = factory.LazyAttribute(lambda band: f"{band.min_age}-{band.max_age}")
    name = factory.LazyAttribute(lambda band: f"{band.min_age} to {band.max_age}")
    min_age = 5
    max_age = 11


class SynonymGroupFactory(factory.django.DjangoModelFactory):
    """Words that mean the same; give `words` ("respite, short break") for real ones."""

    class Meta:
        model = SynonymGroup
        django_get_or_create = ("words",)

    words = factory.Sequence(lambda n: f"synonym {n}, same word {n}")


# ---------------------------------------------------------------------------- providers


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Provider {n}")
    description = "A local charity running clubs for disabled children."
    email = factory.Sequence(lambda n: f"hello{n}@provider.example")
    phone = "01632 960 300"
    website = factory.Sequence(lambda n: f"https://provider{n}.example")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Venue {n}")
    address_line_1 = "1 High Street"
    town = "Testbridge"
    postcode = "TE1 1AA"
    latitude = 50.7
    longitude = -2.4

    @factory.post_generation
    def features(self, create, extracted, **kwargs):
        if create and extracted:
            self.accessibility_features.set(extracted)


class ServiceFactory(factory.django.DjangoModelFactory):
    """A published targeted service for 5 to 18s, checked a month ago, with places.

    Pass needs, kinds, localities, venues and sessions (as (weekday, "HH:MM", "HH:MM", period)
    tuples); the derived search and timing columns are then filled as the services layer would.
    """

    class Meta:
        model = Service
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    summary = "A weekly club with trained staff."
    description = "Children play games, make things and go on trips with trained staff."
    tier = "targeted"
    access_route = "provider_criteria"
    min_age = 5
    max_age = 18
    is_free = False
    cost_amount = factory.LazyAttribute(lambda s: None if s.is_free else 10)
    cost_unit = factory.LazyAttribute(lambda s: "" if s.is_free else "session")
    availability = "places"
    availability_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    status = "published"
    last_checked_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)

    @factory.post_generation
    def kinds(self, create, extracted, **kwargs):
        if create and extracted:
            self.kinds.set(extracted)

    @factory.post_generation
    def localities(self, create, extracted, **kwargs):
        if create and extracted:
            self.localities.set(extracted)

    @factory.post_generation
    def venues(self, create, extracted, **kwargs):
        if create and extracted:
            ServiceLocation.objects.bulk_create(
                ServiceLocation(service=self, venue=venue) for venue in extracted
            )

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        if create and extracted:
            Session.objects.bulk_create(
                Session(
                    service=self,
                    weekday=weekday,
                    start_time=dt.time.fromisoformat(start),
                    end_time=dt.time.fromisoformat(end),
                    period=period,
                )
                for weekday, start, end, period in extracted
            )

    @factory.post_generation
    def derived(self, create, extracted, **kwargs):
        # derived=False leaves it to the caller, who can refresh many services at once.
        if create and extracted is not False:
            services_refresh_derived_fields(service_ids=[self.pk])
            self.refresh_from_db()
        if create:
            # The version made when the row was inserted predates the lists, venues and
            # sessions added above; make it hold the whole listing, as the admin's would.
            self.history.filter(history_type="+").update(listing=listing_of(self))


class ProblemReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProblemReport

    service = factory.SubFactory(ServiceFactory)
    kind = ProblemReport.Kind.OUT_OF_DATE
    details = "The club moved to Thursdays last term."


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"officer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@council.example")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=["Directory editor"]): a member of those roles' groups."""
        if create and extracted:
            from django.contrib.auth.models import Group

            self.groups.add(*Group.objects.filter(name__in=extracted))
            self.is_staff = True
            self.save(update_fields=["is_staff"])


class ProposedChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedChange

    service = factory.SubFactory(ServiceFactory)
    kind = ProposedChange.Kind.EDIT
    listing = factory.LazyAttribute(lambda change: listing_of(change.service))
    proposed_by = factory.SubFactory(UserFactory)


class RulesetFactory(factory.django.DjangoModelFactory):
    """A published ruleset in force since 1 January 2026, with the default qualifying benefits
    (pass passports=[(benefit, rate), ...] for others). Made directly, without its cases: for
    tests of what reads rulesets, not of publishing them."""

    class Meta:
        model = "eligibility.Ruleset"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Criteria {n}")
    status = "published"
    valid_from = dt.date(2026, 1, 1)

    @factory.post_generation
    def passports(self, create, extracted, **kwargs):
        if not create:
            return
        from eligibility.models import RulesetPassport
        from eligibility.rules import DEFAULT_PASSPORTS

        pairs = (
            extracted if extracted is not None else [(p.benefit, p.rate) for p in DEFAULT_PASSPORTS]
        )
        RulesetPassport.objects.bulk_create(
            RulesetPassport(ruleset=self, benefit=benefit, rate=rate) for benefit, rate in pairs
        )


class StatementFactory(factory.django.DjangoModelFactory):
    """A draft Statement taking effect today. Pass sections=[(heading, kind, body), ...]; by
    default it has an introduction and a section on families' views, so it can be published."""

    class Meta:
        model = "portal.Statement"
        skip_postgeneration_save = True

    title = "Short Breaks Services Statement"
    effective_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        if not create:
            return
        from portal.models import StatementSection

        sections = (
            extracted
            if extracted is not None
            else [
                ("About this statement", "written", "What short breaks there are."),
                ("How families' views were gathered", "families_views", "A survey."),
            ]
        )
        StatementSection.objects.bulk_create(
            StatementSection(statement=self, position=i, heading=h, kind=k, body=b)
            for i, (h, k, b) in enumerate(sections)
        )
