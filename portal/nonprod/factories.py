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


# ---------------------------------------------------------------------------- short-notice places


class ShortNoticePlaceFactory(factory.django.DjangoModelFactory):
    """An open place on a service tomorrow, 10am to 4pm, offered for the next 20 hours, first
    to call. Its kind is the service's first (one is made if it has none)."""

    class Meta:
        model = "short_notice.ShortNoticePlace"
        skip_postgeneration_save = True

    service = factory.SubFactory(ServiceFactory)
    kind = factory.LazyAttribute(lambda place: _kind_of(place.service))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=1))
    start_time = dt.time(10)
    end_time = dt.time(16)
    places = 1
    claim_by = "first_to_call"
    claim_phone = "01305 221000"
    offered_until = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(hours=20))

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)


def _kind_of(service):
    kind = service.kinds.first()
    if kind is None:
        kind = BreakKindFactory()
        service.kinds.add(kind)
    return kind


class AlertFactory(factory.django.DjangoModelFactory):
    """A confirmed immediate alert for every service (an empty search), confirmed now: what
    exists already is not news to it."""

    class Meta:
        model = "short_notice.Alert"

    email = factory.Sequence(lambda n: f"parent{n}@example.com")
    search = ""
    frequency = "immediate"
    confirmed_at = factory.LazyFunction(timezone.now)
    renewed_at = factory.LazyAttribute(lambda alert: alert.confirmed_at)
    last_sent_at = factory.LazyAttribute(lambda alert: alert.confirmed_at)


# ---------------------------------------------------------------------------- the PA register


class PersonalAssistantFactory(factory.django.DjangoModelFactory):
    """An approved, confirmed personal assistant with a current DBS check, near DT1, who
    travels 10 miles; clearly fictional (example.com, Ofcom's drama numbers)."""

    class Meta:
        model = "personal_assistants.PersonalAssistant"
        skip_postgeneration_save = True

    status = "approved"
    first_name = factory.Sequence(lambda n: f"Alex{n}")
    last_name = factory.Sequence(lambda n: f"Fictional{n}")
    email = factory.Sequence(lambda n: f"pa{n}@example.com")
    phone = factory.Sequence(lambda n: f"07700 900{n % 1000:03d}")
    postcode = "DT1 9ZZ"
    latitude = 50.7
    longitude = -2.4
    travel_miles = 10
    offers = factory.LazyFunction(lambda: ["personal_care", "activities"])
    days = factory.LazyFunction(lambda: ["saturday", "sunday"])
    times = factory.LazyFunction(lambda: ["weekends"])
    description = "A friendly personal assistant who loves the outdoors."
    experience = "Five years supporting disabled children at home and on trips out."
    hourly_rate = 14
    dbs_certificate_number = "001234567890"
    dbs_issued_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=200))
    dbs_update_service = True
    referee_1_name = "Referee One"
    referee_1_contact = "referee.one@example.com"
    referee_2_name = "Referee Two"
    referee_2_contact = "01632 960 999"
    identity_seen = True
    dbs_seen = True
    references_taken = True
    verified_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    confirmed_on = factory.LazyAttribute(lambda pa: pa.verified_on)
    consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)

    @factory.post_generation
    def age_bands(self, create, extracted, **kwargs):
        if create and extracted:
            self.age_bands.set(extracted)
