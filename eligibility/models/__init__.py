"""The council's criteria as versioned rulesets with their test cases (rulesets.py), and the
anonymous record of each completed check (check_records.py)."""

from .check_records import CheckRecord, CheckRecordNeed
from .rulesets import (
    CONDITION_CHOICES,
    EVIDENCE_CHOICES,
    TRIGGER_CHOICES,
    Ruleset,
    RulesetCase,
    RulesetPassport,
)

__all__ = [
    "CONDITION_CHOICES",
    "EVIDENCE_CHOICES",
    "TRIGGER_CHOICES",
    "CheckRecord",
    "CheckRecordNeed",
    "Ruleset",
    "RulesetCase",
    "RulesetPassport",
]
