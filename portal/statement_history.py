"""The versions django-simple-history keeps of a Statement, and what changed between two of
them: its own fields, and each section by its heading. Its History page is the directory's
records' (directory.admin.history), reading versions through VERSIONS."""

from directory.history import VersionFormat
from directory.versions import Difference, plain

from .models import Statement

FIELDS = ("title", "effective_on", "review_due_on", "status")
EMPTY = "(none)"


def snapshot(record) -> dict:
    """A version's fields and sections as plain data."""
    return {name: plain(getattr(record, name)) for name in FIELDS} | {
        "sections": record.sections or []
    }


def _text(name: str, value) -> str:
    if value in (None, ""):
        return EMPTY
    if name == "status":
        return Statement.Status(value).label
    return str(value)


def differences(before: dict | None, after: dict) -> list[Difference]:
    """What differs, field by field and then section by section (matched by heading); with no
    `before`, everything `after` has."""
    found = []
    for name in FIELDS:
        old = before.get(name) if before else None
        if before is None or old != after.get(name):
            label = str(Statement._meta.get_field(name).verbose_name).capitalize()
            found.append(Difference(name, label, _text(name, old), _text(name, after.get(name))))
    old_sections = {s["heading"]: s for s in before["sections"]} if before else {}
    new_sections = {s["heading"]: s for s in after["sections"]}
    for heading, section in new_sections.items():
        previous = old_sections.get(heading)
        if previous != section:
            before_text = previous["body"] if previous else EMPTY
            found.append(
                Difference("sections", f"Section: {heading}", before_text, section["body"])
            )
    for heading in old_sections.keys() - new_sections.keys():
        old_text = old_sections[heading]["body"]
        found.append(Difference("sections", f"Section: {heading}", old_text, "(removed)"))
    if (
        before
        and old_sections.keys() == new_sections.keys()
        and list(old_sections) != list(new_sections)
    ):
        found.append(
            Difference(
                "sections", "Order of sections", "; ".join(old_sections), "; ".join(new_sections)
            )
        )
    return found


# How the Statement's History page (directory.admin.history) reads and compares its versions.
VERSIONS = VersionFormat(snapshot=snapshot, differences=differences)
