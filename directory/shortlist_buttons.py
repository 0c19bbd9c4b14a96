"""A result card's shortlist state and button: written in Python, once for every place it is
drawn (the cards' template tag, and a cached results page's holes, 20 to a page)."""

from functools import cache as once

from django.urls import reverse
from django.utils.html import format_html


@once
def _actions() -> tuple[str, str]:
    """Where the add and remove buttons post (the URLs never change while the site runs)."""
    return reverse("directory:shortlist-add"), reverse("directory:shortlist-remove")


def card_shortlist(
    pk, name: str, *, on_shortlist: bool, removable: bool, next_url: str, csrf_token: str
) -> str:
    """The card's "On your shortlist" line and its add or remove button. `next_url`: the
    results page the card is on, to come back to the same card ('' for none); without it or
    anything to remove, no button."""
    shortlisted = (
        format_html(
            '<p class="govuk-body-s govuk-!-font-weight-bold app-result__shortlisted">{}</p>',
            "On your shortlist",
        )
        if on_shortlist
        else ""
    )
    removing = removable or on_shortlist
    if not (removing or next_url):
        return shortlisted
    next_field = (
        format_html('<input type="hidden" name="next" value="{}#result-{}">', next_url, pk)
        if next_url
        else ""
    )
    return format_html(
        '{}<form method="post" action="{}" class="app-no-print">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<input type="hidden" name="service" value="{}">{}'
        '<button type="submit" class="govuk-button govuk-button--secondary '
        'govuk-!-margin-bottom-0" data-module="govuk-button">{}<span '
        'class="govuk-visually-hidden"> {}</span> {}</button></form>',
        shortlisted,
        _actions()[1] if removing else _actions()[0],
        csrf_token,
        pk,
        next_field,
        "Remove" if removing else "Add",
        name,
        "from shortlist" if removing else "to shortlist",
    )
