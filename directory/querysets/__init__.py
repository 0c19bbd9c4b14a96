"""Reading the directory: chainable, side-effect-free queryset methods."""

from .council import CouncilQuerySet
from .places import PostcodeQuerySet, VenueQuerySet
from .proposed_changes import ProposedChangeQuerySet
from .providers import ProviderQuerySet
from .services import ServiceLocationQuerySet, ServiceQuerySet
from .taxonomies import FilterOptions, TaxonomyQuerySet, Term

__all__ = [
    "CouncilQuerySet",
    "PostcodeQuerySet",
    "ProposedChangeQuerySet",
    "ProviderQuerySet",
    "ServiceLocationQuerySet",
    "ServiceQuerySet",
    "FilterOptions",
    "TaxonomyQuerySet",
    "Term",
    "VenueQuerySet",
]
