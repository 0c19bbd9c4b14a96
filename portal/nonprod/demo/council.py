"""South Wessex Council: a fictional council on Dorset's real geography."""

from directory.models import Council
from portal.nonprod.factories import CouncilFactory

# Telephone numbers come from Ofcom's range for drama (01632 960xxx); addresses use the
# reserved .example domain, so nothing here reaches a real person.
DEMO_COUNCIL = {
    "name": "South Wessex Council",
    "disabled_children_team_name": "Children with Disabilities team",
    "contact_phone": "01632 960 100",
    "contact_email": "short.breaks@southwessex.example",
    "contact_hours": "Monday to Friday, 9am to 5pm",
    "early_help_phone": "01632 960 200",
    "early_help_url": "https://www.southwessex.example/early-help",
    "local_offer_url": "https://www.southwessex.example/local-offer",
    "feedback_email": "website.feedback@southwessex.example",
    "search_radius_miles": 10,
    "adult_social_care_name": "Adult Social Care",
    "adult_social_care_phone": "01632 960 300",
    "adult_social_care_email": "adult.care@southwessex.example",
    "adult_social_care_url": "https://www.southwessex.example/care-act-assessment",
    "transition_team_name": "Preparing for Adulthood team",
    "transition_team_phone": "01632 960 400",
    "transition_team_email": "preparing.for.adulthood@southwessex.example",
}


def seed_council() -> Council:
    """Make the council configuration the demo council's, whatever it held before (the factory
    updates the one row in place)."""
    return CouncilFactory(**DEMO_COUNCIL)
