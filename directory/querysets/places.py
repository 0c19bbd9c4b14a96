from django.db import models

from ..postcodes import ParsedPostcode
from .provider_scope import ProviderScopedQuerySet


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


class VenueQuerySet(ProviderScopedQuerySet):
    def located(self):
        """Venues with a known position."""
        return self.filter(latitude__isnull=False, longitude__isnull=False)
