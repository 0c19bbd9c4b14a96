"""What the printed shortlist adds to its cards: what a family needs to act on paper."""

from django import template
from django.utils import timezone

from ..models import Service
from ..presenters import ServicePage

register = template.Library()


@register.simple_tag
def service_pages(cards):
    """Each card's service as its own page shows it, in the same few queries however many
    cards there are."""
    ids = [card.service.pk for card in cards]
    found = {service.pk: service for service in Service.objects.filter(pk__in=ids).with_page_data()}
    today = timezone.localdate()
    return [ServicePage(found[pk], today) for pk in ids if pk in found]
