from django import template
from django.middleware.csrf import get_token

from ..shortlist_buttons import card_shortlist

register = template.Library()


@register.simple_tag(takes_context=True)
def card_shortlist_button(context, card, removable=False, next_url=""):
    """A card's shortlist line and button (directory.shortlist_buttons)."""
    request = context.get("request")
    return card_shortlist(
        card.service.pk,
        card.service.name,
        on_shortlist=card.on_shortlist,
        removable=bool(removable),
        next_url=next_url or "",
        csrf_token=get_token(request) if request is not None else "",
    )
