"""The places page's filters: the directory's own (directory.filters.ServiceFilter), the
parameters that say who and where a place is for, and nothing else."""

from ..filters import ServiceFilter
from ..forms import DirectoryFilterForm, FilterField, FilterGroup

PLACE_FILTERS = ("postcode", "distance", "age", "age_band", "need", "kind", "locality")


class PlaceFilterForm(DirectoryFilterForm):
    """The directory's filter form with the questions the places page asks."""

    def panel(self) -> tuple:
        return (
            FilterField("postcode", width="10"),
            FilterField("distance"),
            FilterField("age", width="2"),
            FilterGroup("Age group", "age_band", input_type="radio"),
            FilterGroup("Needs", "need"),
            FilterGroup("Kind of break", "kind"),
            FilterGroup("Area", "locality"),
        )


class PlaceFilter(ServiceFilter):
    """A directory search of who and where (PLACE_FILTERS): its `search` is the directory's
    Search, which the places page runs over the index to find the places' services."""

    class Meta(ServiceFilter.Meta):
        form = PlaceFilterForm

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name in list(self.filters):
            if name not in PLACE_FILTERS:
                del self.filters[name]
