"""The factories tests build records with. They live in portal.nonprod, because the demo council
is built with them too and production code never imports the tests package; tests import them
from here."""

from portal.nonprod.factories import (
    AccessibilityFeatureFactory,
    AgeBandFactory,
    BreakKindFactory,
    CouncilFactory,
    LocalityFactory,
    NeedFactory,
    PostcodeDistrictFactory,
    PostcodeFactory,
    ProblemReportFactory,
    ProposedChangeFactory,
    ProviderFactory,
    RulesetFactory,
    ServiceFactory,
    StatementFactory,
    UserFactory,
    VenueFactory,
)

__all__ = [
    "AccessibilityFeatureFactory",
    "AgeBandFactory",
    "BreakKindFactory",
    "CouncilFactory",
    "LocalityFactory",
    "NeedFactory",
    "PostcodeDistrictFactory",
    "PostcodeFactory",
    "ProblemReportFactory",
    "ProposedChangeFactory",
    "ProviderFactory",
    "RulesetFactory",
    "ServiceFactory",
    "StatementFactory",
    "UserFactory",
    "VenueFactory",
]
