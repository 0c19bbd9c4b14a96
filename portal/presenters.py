"""Display logic for the site-wide pages."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import slugify

from .generated_sections import SECTIONS
from .models import StatementSection
from .safe_markdown import render_markdown


def describe_duration(seconds: int) -> str:
    """A cookie lifetime in words, for example 1209600 -> '14 days', 3600 -> '1 hour'."""
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} seconds"


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url: str
    active: bool


def navigation_items(request, shortlist_size: int) -> list[NavigationItem]:
    """The service navigation: each part of the service, and the shortlist once it has something."""
    match = request.resolver_match
    namespace, name = (match.namespace, match.url_name) if match else ("", "")
    items = [
        NavigationItem(
            "Find short breaks",
            reverse("directory:search"),
            namespace == "directory" and not name.startswith("shortlist"),
        ),
        NavigationItem(
            "Places available soon",
            reverse("short_notice:places"),
            namespace == "short_notice",
        ),
        NavigationItem(
            "Check what you can get",
            reverse("eligibility:start"),
            namespace == "eligibility",
        ),
        NavigationItem(
            "Find a personal assistant",
            reverse("personal_assistants:search"),
            namespace == "personal_assistants",
        ),
    ]
    items.append(
        NavigationItem(
            "Short Breaks Statement",
            reverse("portal:statement"),
            namespace == "portal" and name.startswith("statement"),
        )
    )
    if shortlist_size:
        items.append(
            NavigationItem(
                f"Your shortlist ({shortlist_size})",
                reverse("directory:shortlist"),
                name == "shortlist",
            )
        )
    return items


# ---------------------------------------------------------------------------- the Statement


@dataclass(frozen=True)
class PageSection:
    anchor: str
    heading: str
    html: str
    generated: str  # which generated section follows the text ("range", "who", "how"), if any


def statement_sections(sections, generated: dict | None) -> list[PageSection]:
    """The Statement's sections in order, each generated one where the commissioner placed it
    and the rest after the written ones, each with a unique anchor for the contents list."""
    placed = []
    shown = set()
    for section in sections:
        kind = section.kind if section.kind in StatementSection.GENERATED else ""
        placed.append((section.heading, section.body, "" if kind in shown else kind))
        shown.add(kind)
    if generated is not None:
        placed += [(heading, "", key) for key, heading in SECTIONS if key not in shown]
    page, anchors = [], set()
    for heading, body, kind in placed:
        anchor = slugify(heading) or "section"
        while anchor in anchors:
            anchor += "-1"
        anchors.add(anchor)
        page.append(PageSection(anchor, heading, render_markdown(body) if body else "", kind))
    return page
