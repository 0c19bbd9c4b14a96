from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ..querysets import CouncilQuerySet

DEFAULT_SEARCH_RADIUS_MILES = 10
# Distances are worked out on a flat earth, which holds to about 20 miles (directory.distance).
LONGEST_SEARCH_RADIUS_MILES = 20


def default_council_name():
    return settings.DEFAULT_COUNCIL_NAME


class Council(models.Model):
    """The council that runs the portal: its name and the contacts every page points families to.

    There is one row; the admin edits it and never adds another.
    """

    name = models.CharField(
        max_length=120,
        default=default_council_name,
        help_text="Shown in the header and page titles, for example 'South Wessex Council'.",
    )
    disabled_children_team_name = models.CharField(
        "disabled children's team name",
        max_length=120,
        default="Children with Disabilities team",
        help_text="What families know the social-care team as.",
    )
    contact_phone = models.CharField(
        "disabled children's team phone",
        max_length=40,
        blank=True,
        help_text="For example 01234 567890.",
    )
    contact_email = models.EmailField("disabled children's team email", blank=True)
    contact_hours = models.CharField(
        "phone lines open",
        max_length=120,
        blank=True,
        default="Monday to Friday, 9am to 5pm",
    )
    early_help_phone = models.CharField("Early Help phone", max_length=40, blank=True)
    early_help_url = models.URLField(
        "Early Help web page",
        blank=True,
        help_text="Where families can ask for Early Help without a social-care assessment.",
    )
    local_offer_url = models.URLField(
        "SEND Local Offer web page",
        blank=True,
        help_text="The council's SEND Local Offer, which lists wider support.",
    )
    feedback_email = models.EmailField(
        blank=True,
        help_text="Where feedback about this website goes. The team email is used if empty.",
    )

    # Young adults (16 to 25): the routes to services that targeted short breaks do not reach.
    adult_social_care_name = models.CharField(
        "adult social care name",
        max_length=120,
        default="Adult Social Care",
        help_text="Where a young adult asks for a Care Act assessment of their needs.",
    )
    adult_social_care_phone = models.CharField("adult social care phone", max_length=40, blank=True)
    adult_social_care_email = models.EmailField("adult social care email", blank=True)
    adult_social_care_url = models.URLField(
        "adult social care web page",
        blank=True,
        help_text="For example the page about asking for a Care Act assessment.",
    )
    transition_team_name = models.CharField(
        "transition team name",
        max_length=120,
        default="Preparing for Adulthood team",
        help_text="The team that helps disabled young people from 14 to 25 move to adult services.",
    )
    transition_team_phone = models.CharField("transition team phone", max_length=40, blank=True)
    transition_team_email = models.EmailField("transition team email", blank=True)
    transition_team_url = models.URLField("transition team web page", blank=True)

    review_every_months = models.PositiveSmallIntegerField(
        "check each listing every (months)",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="A listing not checked for this long is overdue for review, and its provider "
        "is reminded by email.",
    )

    supply_threshold = models.PositiveSmallIntegerField(
        "fewest services before a gap is marked",
        default=2,
        validators=[MaxValueValidator(100)],
        help_text="In the supply reports, an area with fewer published services than this for "
        "a need, age group or kind of break is marked as a gap.",
    )

    search_radius_miles = models.PositiveSmallIntegerField(
        "search radius (miles)",
        default=DEFAULT_SEARCH_RADIUS_MILES,
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_SEARCH_RADIUS_MILES)],
        help_text="A search from a postcode finds short breaks within this many miles, nearest "
        "first, unless the family chooses another distance. "
        f"From 1 to {LONGEST_SEARCH_RADIUS_MILES}.",
    )

    # The register of personal assistants (directory.personal_assistants).
    pa_dbs_valid_years = models.PositiveSmallIntegerField(
        "a personal assistant's DBS check counts for (years)",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="A personal assistant whose enhanced DBS certificate is older than this stops "
        "showing on the register until an officer records a newer one. From 1 to 10.",
    )
    direct_payments_guidance_url = models.URLField(
        "direct payments guidance web page",
        blank=True,
        help_text="The council's guidance for families who employ someone with a direct "
        "payment, linked from every personal assistant's page.",
    )

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = "council configuration"
        verbose_name_plural = "council configuration"

    def __str__(self):
        return self.name

    @property
    def feedback_address(self):
        return self.feedback_email or self.contact_email
