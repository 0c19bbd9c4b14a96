"""Whether a venue can be found by distance: a warning, not an error, for a venue whose postcode
is not in the council's postcode table (and that has no position typed in), since families
searching "within 5 miles" of a postcode will not find the services held there."""

from .models import Venue


def unlocated_warning(venue: Venue) -> str | None:
    """What to tell the officer about a venue saved without a position, or None if it has one."""
    if venue.latitude is not None and venue.longitude is not None:
        return None
    return (
        f"The postcode {venue.postcode} of {venue.name} is not in the council's postcode table, "
        "so the venue has no position: searches by distance will not find the services held "
        "there. Check the postcode, or enter the latitude and longitude."
    )
