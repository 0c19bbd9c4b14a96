"""South Wessex's register of personal assistants: a handful of clearly fictional PAs (names
from nobody, example.com addresses, Ofcom's drama numbers, postcodes made up), one waiting for
an officer's checks, and a few months of families' messages for the report."""

import datetime as dt

from django.utils import timezone

from directory.models import AgeBand, Council, Locality, Need
from directory.personal_assistants.models import ContactTally, PersonalAssistant
from portal.nonprod.factories import PersonalAssistantFactory

GUIDANCE_URL = "https://www.southwessex.example/direct-payments/employing-a-personal-assistant"

# (first name, last name, locality, (latitude, longitude), miles, ages, needs, offers, days,
#  times, rate, about)
PAS = [
    (
        "Demo Alice",
        "Example",
        "dorchester-and-west",
        (50.7150, -2.4370),
        10,
        ["5-11", "12-16"],
        ["ASD", "SLCN"],
        ["personal_care", "activities", "driving"],
        ["saturday", "sunday"],
        ["weekends", "school_holidays"],
        14.50,
        "A fictional PA for the demo: a former teaching assistant who loves the outdoors.",
    ),
    (
        "Demo Ben",
        "Sample",
        "chesil",
        (50.6100, -2.4580),
        8,
        ["12-16", "17-18", "19-25"],
        ["PD", "complex-health"],
        ["personal_care", "moving_and_handling", "medication"],
        ["monday", "wednesday", "friday"],
        ["after_school", "evenings"],
        16,
        "A fictional PA for the demo, trained in moving and handling and in giving medication.",
    ),
    (
        "Demo Carys",
        "Placeholder",
        "north",
        (50.9470, -2.5170),
        15,
        ["0-4", "5-11"],
        ["SLD", "PMLD", "HI"],
        ["personal_care", "sleep_ins", "home_support"],
        ["tuesday", "thursday", "saturday"],
        ["overnight", "evenings"],
        None,
        "A fictional PA for the demo, who signs (BSL level 2) and does sleep-ins.",
    ),
    (
        "Demo Dev",
        "Fiction",
        "east",
        (50.7990, -1.9880),
        12,
        ["5-11", "12-16"],
        ["ASD", "SEMH"],
        ["activities", "driving", "communication"],
        ["saturday"],
        ["weekends", "school_holidays"],
        13,
        "A fictional PA for the demo: football coach, calm and patient.",
    ),
    (
        "Demo Erin",
        "Invented",
        "purbeck",
        (50.6870, -2.1100),
        6,
        ["17-18", "19-25"],
        ["MLD", "ASD"],
        ["activities", "home_support"],
        ["monday", "tuesday", "wednesday"],
        ["after_school"],
        15,
        "A fictional PA for the demo who supports young adults to go out and about.",
    ),
]


def seed_personal_assistants() -> list[PersonalAssistant]:
    """The demo register, from scratch: every PA and message count before it is deleted."""
    Council.objects.filter(pk=Council.objects.current().pk).update(
        pa_dbs_valid_years=3, direct_payments_guidance_url=GUIDANCE_URL
    )
    PersonalAssistant.history.all().delete()
    PersonalAssistant.objects.all().delete()
    ContactTally.objects.all().delete()
    today = timezone.localdate()
    localities = {locality.code: locality for locality in Locality.objects.all()}
    bands = {band.code: band for band in AgeBand.objects.all()}
    needs = {need.code: need for need in Need.objects.all()}
    made = []
    for number, row in enumerate(PAS, start=1):
        first, last, area, (lat, lng), miles, ages, codes, offers, days, times, rate, about = row
        made.append(
            PersonalAssistantFactory(
                first_name=first,
                last_name=last,
                email=f"demo.pa{number}@example.com",
                phone=f"01632 960 9{number:02d}",
                postcode=f"DT1 {number}ZZ",
                latitude=lat,
                longitude=lng,
                locality=localities.get(area),
                travel_miles=miles,
                age_bands=[bands[code] for code in ages if code in bands],
                needs=[needs[code] for code in codes if code in needs],
                offers=offers,
                days=days,
                times=times,
                hourly_rate=rate,
                description=about,
                experience="Fictional experience, for the demo only.",
                verified_on=today - dt.timedelta(days=20 * number),
                confirmed_on=today - dt.timedelta(days=20 * number),
            )
        )
    made.append(
        PersonalAssistantFactory(
            status="pending",
            first_name="Demo Fran",
            last_name="Applicant",
            email="demo.pa-applicant@example.com",
            phone="01632 960 950",
            locality=localities.get("dorchester-and-west"),
            identity_seen=False,
            dbs_seen=False,
            references_taken=False,
            verified_on=None,
            confirmed_on=None,
            description="A fictional application waiting for an officer's checks.",
        )
    )
    month = today.replace(day=1)
    for back, (area, need, count) in enumerate(
        [("dorchester-and-west", "ASD", 4), ("north", "PMLD", 2), ("chesil", None, 3)]
    ):
        ContactTally.objects.create(
            month=(month - dt.timedelta(days=31 * back)).replace(day=1),
            locality=localities.get(area),
            need=needs.get(need) if need else None,
            count=count,
        )
    return made
