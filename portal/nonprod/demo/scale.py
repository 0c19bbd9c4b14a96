"""Many generated services, fast, for benchmarks: bulk inserts, no per-row saves.

The derived columns are computed with the same pure functions the services layer uses.
"""

import datetime as dt
import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from directory.models import (
    AccessibilityFeature,
    BreakKind,
    Locality,
    Need,
    Provider,
    Service,
    ServiceLocation,
    Session,
    Venue,
)
from directory.search import search_document
from directory.services import mask_of
from directory.timings import SessionTime, timing_columns, timings_of

from .catalogue import CATALOGUE
from .geography import LOCALITIES

TIMES = ["09:30", "10:00", "13:00", "15:30", "16:00", "17:30", "18:30"]
TOWNS = [town for _, _, towns in LOCALITIES for town, *_ in towns]
# Generated services read like the demo's, so words are as common as in a real directory.
VARIANTS = [(kind, variant) for kind, variants in CATALOGUE.items() for variant in variants]
BATCH = 1000


def _chunks(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def seed_scale(*, services: int, seed: int = 1) -> int:
    """Add `services` generated published services, with providers, venues and sessions."""
    rng = random.Random(seed)
    today = timezone.localdate()
    localities = list(Locality.objects.all())
    districts = list(
        Locality.objects.values_list(
            "postcode_districts__latitude", "postcode_districts__longitude"
        )
    )
    districts = [d for d in districts if d[0] is not None] or [(50.7, -2.4)]
    needs, kinds = list(Need.objects.all()), list(BreakKind.objects.all())
    kinds_by_code = {kind.code: kind for kind in kinds}
    features = list(AccessibilityFeature.objects.all())
    if not (localities and needs and kinds):
        raise ValueError("Load the taxonomies and localities first (manage.py seed_demo).")
    run = uuid.uuid4().hex[:6]

    providers = [
        Provider(name=f"Generated provider {run}-{i}", description="A generated provider.")
        for i in range(max(1, services // 3))
    ]
    Provider.objects.bulk_create(providers, batch_size=BATCH)
    venues = []
    for i in range(max(1, services // 5)):
        latitude, longitude = rng.choice(districts)
        venues.append(
            Venue(
                provider=rng.choice(providers),
                name=f"Generated venue {i}",
                address_line_1=f"{i} Generated Street",
                town=rng.choice(TOWNS),
                postcode="DT1 1AA",
                latitude=latitude + rng.uniform(-0.08, 0.08),
                longitude=longitude + rng.uniform(-0.12, 0.12),
            )
        )
    Venue.objects.bulk_create(venues, batch_size=BATCH)
    venue_features = {v.pk: rng.sample(features, k=rng.randint(0, len(features))) for v in venues}
    Venue.accessibility_features.through.objects.bulk_create(
        [
            Venue.accessibility_features.through(venue_id=venue_id, accessibilityfeature_id=f.pk)
            for venue_id, chosen in venue_features.items()
            for f in chosen
        ],
        batch_size=BATCH,
    )

    rows, links = [], {"needs": [], "kinds": [], "localities": [], "venues": [], "sessions": []}
    for i in range(services):
        youngest = rng.randint(0, 18)
        kind_code, variant = rng.choice(VARIANTS)
        town = rng.choice(TOWNS)
        service_kinds = [kinds_by_code.get(kind_code) or rng.choice(kinds)]
        service_needs = rng.sample(needs, k=rng.randint(1, 5))
        service_localities = rng.sample(localities, k=rng.randint(1, 2))
        sessions = [
            Session(
                weekday=rng.randint(0, 6),
                start_time=dt.time.fromisoformat(start := rng.choice(TIMES)),
                end_time=dt.time(min(int(start[:2]) + rng.randint(1, 4), 23), 0),
                period=rng.choice(["term_time", "school_holidays", "all_year"]),
            )
            for _ in range(rng.randint(0, 3))
        ]
        service_venues = rng.sample(venues, k=rng.randint(0, 2)) if rng.random() > 0.1 else []
        is_free = rng.random() < 0.25
        service = Service(
            provider=rng.choice(providers),
            name=f"{variant['name'].format(town=town, provider='Generated')} {i}",
            summary=variant["summary"],
            description=variant["description"].format(town=town, provider="Generated"),
            tier=rng.choice(["universal", "targeted", "specialist"]),
            access_route=rng.choice(["open", "provider_criteria", "assessment", "direct_payment"]),
            min_age=youngest,
            max_age=rng.randint(youngest, 25),
            is_free=is_free,
            cost_amount=None if is_free else Decimal(rng.randint(2, 40)),
            cost_unit="" if is_free else "session",
            accepts_direct_payments=rng.random() < 0.3,
            availability=rng.choice(["places", "waiting_list", "full", "not_known"]),
            status="published",
            last_checked_on=today - dt.timedelta(days=rng.randint(0, 700)),
        )
        timings = timings_of(
            (SessionTime(s.weekday, s.start_time, s.end_time, s.period) for s in sessions),
            overnight_kind=any(k.is_overnight for k in service_kinds),
        )
        for field, value in timing_columns(timings).items():
            setattr(service, field, value)
        service.has_venue = bool(service_venues)
        service.needs_mask = mask_of(service_needs)
        service.kinds_mask = mask_of(service_kinds)
        service.localities_mask = mask_of(service_localities)
        service.features_mask = mask_of(f for v in service_venues for f in venue_features[v.pk])
        service.search_document = search_document(
            service.description,
            " ".join(k.name for k in service_kinds),
            " ".join(n.name for n in service_needs),
            " ".join(v.name for v in service_venues),
        )
        rows.append(service)
        links["needs"] += [(service, n) for n in service_needs]
        links["kinds"] += [(service, k) for k in service_kinds]
        links["localities"] += [(service, loc) for loc in service_localities]
        links["venues"] += [(service, v) for v in service_venues]
        links["sessions"] += [(service, s) for s in sessions]

    Service.objects.bulk_create(rows, batch_size=BATCH)
    Service.needs.through.objects.bulk_create(
        [Service.needs.through(service_id=s.pk, need_id=n.pk) for s, n in links["needs"]],
        batch_size=BATCH,
    )
    Service.kinds.through.objects.bulk_create(
        [Service.kinds.through(service_id=s.pk, breakkind_id=k.pk) for s, k in links["kinds"]],
        batch_size=BATCH,
    )
    Service.localities.through.objects.bulk_create(
        [
            Service.localities.through(service_id=s.pk, locality_id=loc.pk)
            for s, loc in links["localities"]
        ],
        batch_size=BATCH,
    )
    ServiceLocation.objects.bulk_create(
        [
            ServiceLocation(service=s, venue=v, latitude=v.latitude, longitude=v.longitude)
            for s, v in links["venues"]
        ],
        batch_size=BATCH,
    )
    for service, session in links["sessions"]:
        session.service = service
    Session.objects.bulk_create([s for _, s in links["sessions"]], batch_size=BATCH)
    return services
