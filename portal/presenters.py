"""Display logic for the site-wide pages."""

from dataclasses import dataclass

from django.urls import reverse


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
            "Check what you can get",
            reverse("eligibility:start"),
            namespace == "eligibility",
        ),
    ]
    if shortlist_size:
        items.append(
            NavigationItem(
                f"Your shortlist ({shortlist_size})",
                reverse("directory:shortlist"),
                name == "shortlist",
            )
        )
    return items
