"""South Wessex's fictional providers and their services, built with the test factories.

Every id is derived from a name, so seeding again replaces the same records. The mix is
deliberately uneven, as real provision is: more in East and Purbeck than in Chesil or
Dorchester and West, waiting lists, overdue reviews, drafts and archived services.
"""

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from directory.models import (
    AccessibilityFeature,
    BreakKind,
    Need,
    ProblemReport,
    Provider,
    Service,
)
from directory.services import services_refresh_derived_fields
from portal.nonprod.factories import ProviderFactory, ServiceFactory, VenueFactory

from .catalogue import CATALOGUE, HOW_TO
from .geography import LOCALITIES

NAMESPACE = uuid.UUID("5b1e6f0c-7f2a-4c55-9a57-3f3b8f0c2d11")
DEMO_NOTE = "\n\nThis is a fictional provider, made up for the demonstration site."

# (name, locality code, town, kinds of break): each runs every variant of its kinds.
PROVIDERS = [
    ("Chesil Beach Play Club", "chesil", "Weymouth", ["saturday-club", "holiday-club"]),
    ("Portland Stone Youth Project", "chesil", "Portland", ["youth-club", "outdoor"]),
    ("Weymouth Bay Swimmers", "chesil", "Weymouth", ["sport"]),
    ("Harbour Light Family Support", "chesil", "Weymouth", ["home-support", "whole-family"]),
    ("Chickerell Sensory Arts", "chesil", "Chickerell", ["arts"]),
    ("Fleet Lagoon Short Breaks House", "chesil", "Weymouth", ["overnight-residential"]),
    (
        "Keep Gate Inclusive Club",
        "dorchester-and-west",
        "Dorchester",
        ["after-school-club", "saturday-club"],
    ),
    ("Bridport Harbour Youth", "dorchester-and-west", "Bridport", ["youth-club", "sport"]),
    (
        "Marshwood Vale Outdoor Centre",
        "dorchester-and-west",
        "Beaminster",
        ["outdoor", "holiday-club"],
    ),
    ("Lyme Bay Music Makers", "dorchester-and-west", "Lyme Regis", ["arts"]),
    ("Poundbury Family Link", "dorchester-and-west", "Dorchester", ["overnight-family"]),
    (
        "West Wessex PA Co-operative",
        "dorchester-and-west",
        "Dorchester",
        ["personal-assistant", "enabling"],
    ),
    (
        "Frome Valley Sleep Support",
        "dorchester-and-west",
        "Dorchester",
        ["sleep-service", "parent-courses"],
    ),
    ("Sherborne Abbey Play Scheme", "north", "Sherborne", ["holiday-club", "saturday-club"]),
    ("Blackmore Vale Riding Group", "north", "Sturminster Newton", ["sport", "outdoor"]),
    ("Blandford Inclusive Youth", "north", "Blandford Forum", ["youth-club"]),
    ("Shaftesbury Hill Arts Collective", "north", "Shaftesbury", ["arts", "whole-family"]),
    ("Gillingham Buddies", "north", "Gillingham", ["enabling"]),
    ("North Wessex Home Sitters", "north", "Sherborne", ["home-support"]),
    ("Stour Valley After School", "north", "Sturminster Newton", ["after-school-club"]),
    ("Cranborne Chase House", "north", "Blandford Forum", ["overnight-residential"]),
    ("Hambledon Parent Network", "north", "Blandford Forum", ["parent-courses", "whole-family"]),
    ("Wimborne Saturday Stars", "east", "Wimborne Minster", ["saturday-club", "holiday-club"]),
    ("Ferndown Inclusive Sports", "east", "Ferndown", ["sport"]),
    ("Verwood Youth Hub", "east", "Verwood", ["youth-club"]),
    ("Moors Valley Adventure Days", "east", "St Leonards", ["outdoor", "holiday-club"]),
    ("Stour Meadows After School Club", "east", "Wimborne Minster", ["after-school-club"]),
    ("East Wessex Enabling Service", "east", "Ferndown", ["enabling", "personal-assistant"]),
    ("Allendale Drama Group", "east", "Wimborne Minster", ["arts"]),
    ("Heathland Family Days", "east", "Verwood", ["whole-family"]),
    ("Ferndown Home Support", "east", "Ferndown", ["home-support"]),
    ("Wimborne Sleep Clinic", "east", "Wimborne Minster", ["sleep-service"]),
    ("Colehill Family Link Carers", "east", "Wimborne Minster", ["overnight-family"]),
    ("Purbeck Rangers Outdoor Club", "purbeck", "Wareham", ["outdoor", "saturday-club"]),
    ("Swanage Bay Sailability", "purbeck", "Swanage", ["sport"]),
    ("Wareham Inclusive Youth Club", "purbeck", "Wareham", ["youth-club"]),
    ("Upton Country Park Play Scheme", "purbeck", "Upton", ["holiday-club", "after-school-club"]),
    ("Corfe Castle Creative Arts", "purbeck", "Wareham", ["arts"]),
    ("Purbeck Personal Assistants", "purbeck", "Swanage", ["personal-assistant"]),
    ("Studland Family Adventures", "purbeck", "Swanage", ["whole-family"]),
    ("Lytchett Parent Courses", "purbeck", "Upton", ["parent-courses"]),
    ("Arne House Short Breaks", "purbeck", "Wareham", ["overnight-residential"]),
]

LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters the inward part of a postcode may use
STREETS = ["High Street", "Church Road", "Station Road", "Mill Lane", "Park Road", "Green Lane"]
VENUE_KINDS = [
    "Community Centre",
    "Youth Centre",
    "Leisure Centre",
    "Village Hall",
    "Children's Centre",
]


def demo_id(kind: str, name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{name}")


def _neighbour(locality_code: str) -> str:
    codes = [code for code, _, _ in LOCALITIES]
    return codes[(codes.index(locality_code) + 1) % len(codes)]


def _town(name: str):
    for code, _, towns in LOCALITIES:
        for town, district, latitude, longitude in towns:
            if town == name:
                return code, district, latitude, longitude
    raise KeyError(name)


def _checked_on(rng: random.Random, today: dt.date) -> dt.date | None:
    """Most listings checked in the last six months; some overdue, a few over a year."""
    roll = rng.random()
    if roll < 0.72:
        return today - dt.timedelta(days=rng.randint(3, 170))
    if roll < 0.92:
        return today - dt.timedelta(days=rng.randint(190, 360))
    return today - dt.timedelta(days=rng.randint(380, 700))


def _availability(rng: random.Random) -> str:
    return rng.choices(["places", "waiting_list", "full", "not_known"], [60, 22, 8, 10])[0]


def delete_demo_directory():
    """Remove every record an earlier seed made (and anything hanging off them)."""
    ids = [demo_id("provider", name) for name, *_ in PROVIDERS]
    ProblemReport.objects.filter(service__provider_id__in=ids).delete()
    Service.objects.filter(provider_id__in=ids).delete()
    Provider.objects.filter(pk__in=ids).delete()


@transaction.atomic
def seed_directory(localities) -> list[Service]:
    """Create the demo providers, venues and services. Returns the services."""
    rng = random.Random(2026)  # the same demo every time
    demo = _Demo(
        rng, timezone.localdate(), localities, BreakKind.objects.by_code(), Need.objects.by_code()
    )
    features = list(AccessibilityFeature.objects.all())
    delete_demo_directory()
    services = []
    for index, (name, locality_code, town, provider_kinds) in enumerate(PROVIDERS):
        slug = name.lower().replace(" ", "").replace("'", "")
        provider = ProviderFactory(
            id=demo_id("provider", name),
            name=name,
            description=f"{name} is a local organisation in {town} running short breaks for "
            f"disabled children and young people and their families.{DEMO_NOTE}",
            email=f"hello@{slug}.example",
            phone=f"01632 960 {400 + index:03d}",
            website=f"https://www.{slug}.example",
            charity_number=str(1100000 + index * 137) if index % 3 else "",
            ofsted_number=f"EY{500000 + index * 11}" if "club" in " ".join(provider_kinds) else "",
            cqc_number=f"1-{100000000 + index}"
            if any("overnight" in k for k in provider_kinds)
            else "",
            safeguarding_lead=rng.choice(["Sam Patel", "Jo Carter", "Alex Morgan", "Priya Shah"]),
        )
        _, _, latitude, longitude = _town(town)
        venue = VenueFactory(
            id=demo_id("venue", name),
            provider=provider,
            name=f"{town} {VENUE_KINDS[index % len(VENUE_KINDS)]}",
            address_line_1=f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            town=town,
            postcode=f"{_town(town)[1]} {rng.randint(1, 9)}{''.join(rng.choices(LETTERS, k=2))}",
            latitude=round(latitude + rng.uniform(-0.012, 0.012), 5),
            longitude=round(longitude + rng.uniform(-0.018, 0.018), 5),
            features=rng.sample(features, k=rng.randint(2, len(features))) if features else [],
            accessibility_notes="The accessible entrance is at the side of the building, next "
            "to the disabled parking bays.",
        )
        for kind_code in provider_kinds:
            for variant in CATALOGUE[kind_code]:
                services.append(
                    demo.service(provider, venue, town, locality_code, kind_code, variant)
                )
    # A service that has closed and one still being written, as an officer would find them.
    services[5].status = "archived"
    services[11].status = "draft"
    Service.objects.bulk_update([services[5], services[11]], ["status"])
    services_refresh_derived_fields(service_ids=[s.pk for s in services])
    return services


@dataclass(frozen=True)
class _Demo:
    """What every demo service is made from."""

    rng: random.Random
    today: dt.date
    localities: dict
    kinds: dict
    needs: dict

    def service(self, provider, venue, town, locality_code, kind_code, variant) -> Service:
        rng = self.rng
        served = {
            "own": [locality_code],
            "near": [locality_code, _neighbour(locality_code)],
            "all": list(self.localities),
        }[variant["scope"]]
        cost = variant["cost"]
        youngest, oldest = variant["ages"]
        need_codes = list(variant["needs"])
        extra = rng.choice([code for code in self.needs if code not in need_codes])
        title = variant["name"].format(town=town, provider=provider.name)
        return ServiceFactory(
            id=demo_id("service", f"{provider.name}: {title}"),
            provider=provider,
            name=title,
            summary=variant["summary"],
            description=variant["description"].format(town=town, provider=provider.name),
            tier=variant["tier"],
            access_route=variant["access"],
            how_to_access=HOW_TO[variant["tier"]],
            min_age=youngest,
            max_age=oldest,
            is_free=cost is None,
            cost_amount=None if cost is None else Decimal(str(cost[0])),
            cost_unit="" if cost is None else cost[1],
            cost_description="" if cost is None else cost[2],
            accepts_direct_payments=variant.get("dp", False),
            timing_notes=variant.get("timing", ""),
            availability=_availability(rng),
            availability_on=self.today - dt.timedelta(days=rng.randint(1, 90)),
            last_checked_on=_checked_on(rng, self.today),
            status="published",
            contact_name=rng.choice(["", "", "Chris Bell", "Morgan Lee", "Ruth Adeyemi"]),
            **{f"ratio_{ratio}": True for ratio in variant["ratios"]},
            **dict.fromkeys(variant["care"], True),
            needs=[self.needs[code] for code in [*need_codes, extra] if code in self.needs],
            kinds=[self.kinds[kind_code]],
            localities=[self.localities[code] for code in served],
            venues=[venue] if variant.get("venue", True) else [],
            sessions=variant["sessions"],
            derived=False,
        )
