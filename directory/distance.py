"""Distances on the ground over the short ranges families travel: pure functions.

Within 20 miles or so, the flat-earth (equirectangular) approximation is within a fraction of a
percent of the great-circle distance, and needs only arithmetic, so the database can compute it
on SQLite and PostgreSQL alike.
"""

import math
from dataclasses import dataclass

MILES_PER_DEGREE = 69.05  # of latitude, everywhere; of longitude, at the equator
MILES_PER_METRE = 1 / 1609.344


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    @property
    def longitude_scale(self) -> float:
        """How much shorter a degree of longitude is here than at the equator."""
        return math.cos(math.radians(self.latitude))


@dataclass(frozen=True)
class Box:
    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float


def box_around(point: Point, miles: float) -> Box:
    """The smallest latitude/longitude box that holds every place within `miles` of the point."""
    dlat = miles / MILES_PER_DEGREE
    dlng = miles / (MILES_PER_DEGREE * max(point.longitude_scale, 0.01))
    return Box(
        point.latitude - dlat, point.latitude + dlat, point.longitude - dlng, point.longitude + dlng
    )


def miles_between(a: Point, b: Point) -> float:
    """Approximate distance in miles between two nearby points."""
    dy = (b.latitude - a.latitude) * MILES_PER_DEGREE
    dx = (b.longitude - a.longitude) * MILES_PER_DEGREE * a.longitude_scale
    return math.hypot(dx, dy)


def great_circle_miles(a: Point, b: Point) -> float:
    """The haversine distance in miles, to check the approximation against."""
    radius = 3958.8
    phi1, phi2 = math.radians(a.latitude), math.radians(b.latitude)
    dphi = phi2 - phi1
    dlmb = math.radians(b.longitude - a.longitude)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(h))
