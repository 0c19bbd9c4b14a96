from .council import Council, default_council_name
from .import_jobs import ImportJob
from .places import Locality, Postcode, PostcodeDistrict, Venue
from .problem_reports import ProblemReport
from .proposed_changes import ProposedChange
from .providers import Provider
from .reviews import ReviewReminder
from .search_index import SearchIndexChange, SearchIndexVersion
from .services import (
    DERIVED_FIELDS,
    SERVICE_HISTORY,
    AccessRoute,
    Availability,
    CostUnit,
    Service,
    ServiceLocation,
    Session,
    Status,
    Tier,
)
from .synonyms import SynonymGroup
from .taxonomies import AccessibilityFeature, AgeBand, BreakKind, Need

__all__ = [
    "DERIVED_FIELDS",
    "SERVICE_HISTORY",
    "AccessRoute",
    "AccessibilityFeature",
    "AgeBand",
    "Availability",
    "BreakKind",
    "CostUnit",
    "Council",
    "default_council_name",
    "ImportJob",
    "Locality",
    "Need",
    "Postcode",
    "PostcodeDistrict",
    "ProblemReport",
    "ProposedChange",
    "Provider",
    "ReviewReminder",
    "SearchIndexChange",
    "SearchIndexVersion",
    "Service",
    "ServiceLocation",
    "Session",
    "Status",
    "SynonymGroup",
    "Tier",
    "Venue",
]
