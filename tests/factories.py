"""The factories tests build records with. They live in portal.nonprod, because the demo council
is built with them too and production code never imports the tests package; tests import them
from here."""

from portal.nonprod.factories import (
    AccessibilityFeatureFactory,
    AgeBandFactory,
    AlertFactory,
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
    ShortNoticePlaceFactory,
    StatementFactory,
    UserFactory,
    VenueFactory,
)

__all__ = [
    "AccessibilityFeatureFactory",
    "AgeBandFactory",
    "AlertFactory",
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
    "ShortNoticePlaceFactory",
    "StatementFactory",
    "UserFactory",
    "VenueFactory",
]

# The register of personal assistants (directory.personal_assistants).
from portal.nonprod.factories import PersonalAssistantFactory

__all__ += ["PersonalAssistantFactory"]
