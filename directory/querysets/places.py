from django.db import models
from django.db.models import Count, Q

from ..distance import Point, box_around, miles_between
from ..postcodes import ParsedPostcode


class PostcodeQuerySet(models.QuerySet):
    def locate(self, postcode: ParsedPostcode):
        """Where a postcode is, in one query: the full postcode if we have it, else its
        district's centre. Returns (latitude, longitude, locality_id) or None."""
        from ..models import PostcodeDistrict

        district = (
            PostcodeDistrict.objects.filter(code=postcode.district)
            .order_by()
            .values_list(models.Value(2), "latitude", "longitude", "locality_id")
        )
        if not postcode.is_full:
            found = list(district)
        else:
            full = (
                self.filter(postcode=postcode.text)
                .order_by()
                .values_list(models.Value(1), "latitude", "longitude", "locality_id")
            )
            found = sorted(full.union(district, all=True))
        return tuple(found[0][1:]) if found else None


class VenueQuerySet(models.QuerySet):
    def with_all_features(self, codes):
        """Venues that offer every one of the accessibility features named by code."""
        codes = list(dict.fromkeys(codes))
        return self.annotate(
            matching_features=Count(
                "accessibility_features", filter=Q(accessibility_features__code__in=codes)
            )
        ).filter(matching_features=len(codes))

    def located(self):
        """Venues with a known position."""
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def near(self, point: Point, miles: float) -> dict:
        """The venues within `miles` of the point: {venue id: distance in miles}. One query on
        the indexed position box, then exact distances here."""
        box = box_around(point, miles)
        found = {}
        for venue_id, latitude, longitude in self.filter(
            latitude__range=(box.min_latitude, box.max_latitude),
            longitude__range=(box.min_longitude, box.max_longitude),
        ).values_list("pk", "latitude", "longitude"):
            distance = miles_between(point, Point(latitude, longitude))
            if distance <= miles:
                found[venue_id] = distance
        return found
