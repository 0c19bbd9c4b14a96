"""The map beside the directory's results: `{% results_map cards %}` after the list."""

from dataclasses import asdict

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import conditional_escape, format_html

from ..results_map import markers_for

register = template.Library()

MARKER_IMAGES = {
    "icon": "marker-icon.png",
    "icon_2x": "marker-icon-2x.png",
    "shadow": "marker-shadow.png",
}


def _attribution() -> str:
    text, url = settings.MAP_TILES_ATTRIBUTION, settings.MAP_TILES_ATTRIBUTION_URL
    return format_html('<a href="{}">{}</a>', url, text) if url else conditional_escape(text)


@register.inclusion_tag("directory/includes/results_map.html")
def results_map(cards):
    """The page's results on a map, for the script to draw: nothing without a tile server
    (MAP_TILES_URL) or without a result at a venue. Leaflet's own images are named through the
    static files storage, so that their hashed names are the ones asked for."""
    markers = markers_for(cards) if settings.MAP_TILES_URL else []
    if not markers:
        return {"map": None}
    return {
        "map": {
            "tiles": {"url": settings.MAP_TILES_URL, "attribution": _attribution()},
            "icons": {
                key: static(f"build/leaflet/images/{name}") for key, name in MARKER_IMAGES.items()
            },
            "markers": [asdict(marker) for marker in markers],
        }
    }
