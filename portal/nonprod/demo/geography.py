"""South Wessex's localities and towns: Dorset's real geography, with approximate centres."""

from pathlib import Path

from django.conf import settings

from directory.postcode_import import open_text, postcodes_import
from portal.nonprod.factories import LocalityFactory

POSTCODES_FILE = Path(settings.BASE_DIR) / "fixtures" / "south_wessex_postcodes.csv"

# (code, name, towns as (town, postcode district, latitude, longitude))
LOCALITIES = [
    (
        "chesil",
        "Chesil",
        [
            ("Weymouth", "DT4", 50.6100, -2.4580),
            ("Portland", "DT5", 50.5480, -2.4410),
            ("Chickerell", "DT3", 50.6240, -2.5040),
        ],
    ),
    (
        "dorchester-and-west",
        "Dorchester and West",
        [
            ("Dorchester", "DT1", 50.7150, -2.4370),
            ("Bridport", "DT6", 50.7330, -2.7580),
            ("Lyme Regis", "DT7", 50.7250, -2.9360),
            ("Beaminster", "DT8", 50.8090, -2.7400),
        ],
    ),
    (
        "north",
        "North",
        [
            ("Sherborne", "DT9", 50.9470, -2.5170),
            ("Sturminster Newton", "DT10", 50.9260, -2.3050),
            ("Blandford Forum", "DT11", 50.8560, -2.1650),
            ("Shaftesbury", "SP7", 51.0050, -2.1980),
            ("Gillingham", "SP8", 51.0380, -2.2760),
        ],
    ),
    (
        "east",
        "East",
        [
            ("Wimborne Minster", "BH21", 50.7990, -1.9880),
            ("Ferndown", "BH22", 50.8070, -1.8990),
            ("Verwood", "BH31", 50.8810, -1.8720),
            ("St Leonards", "BH24", 50.8320, -1.8420),
        ],
    ),
    (
        "purbeck",
        "Purbeck",
        [
            ("Wareham", "BH20", 50.6870, -2.1100),
            ("Swanage", "BH19", 50.6080, -1.9600),
            ("Upton", "BH16", 50.7370, -2.0470),
        ],
    ),
]


def seed_geography():
    """The demo council's lists, localities and postcode districts. Returns the localities."""
    seed_lists()
    localities = {
        code: LocalityFactory(code=code, name=name, position=position)
        for position, (code, name, _) in enumerate(LOCALITIES)
    }
    with open_text(POSTCODES_FILE) as text:
        report = postcodes_import(text=text)
    if report.skipped:
        raise ValueError(f"The demo postcode file has bad rows: {report.skipped}")
    return localities


def seed_lists():
    """The council's standard lists (needs, kinds of break, features, age bands), restoring any
    term the demo relies on that has been deleted."""
    from directory.default_lists import AGE_BANDS, FEATURES, KINDS, NEEDS
    from portal.nonprod.factories import (
        AccessibilityFeatureFactory,
        AgeBandFactory,
        BreakKindFactory,
        NeedFactory,
    )

    for position, (code, name, sen) in enumerate(NEEDS):
        NeedFactory(code=code, name=name, is_sen_primary_need=sen, position=position)
    for position, (code, name, heading) in enumerate(KINDS):
        BreakKindFactory(code=code, name=name, heading=heading, position=position)
    for position, (code, name) in enumerate(FEATURES):
        AccessibilityFeatureFactory(code=code, name=name, position=position)
    for position, (code, name, youngest, oldest) in enumerate(AGE_BANDS):
        AgeBandFactory(code=code, name=name, min_age=youngest, max_age=oldest, position=position)
