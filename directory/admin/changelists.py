"""The back office's change lists: Django's, with a date hierarchy's numbers checked first."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList

# Django catches a ValueError in a date hierarchy's year, month and day, but not the
# OverflowError of ?last_checked_on__year=99999999999, nor the ValueError of the year after
# 9999 that it works out as the end of the range: both were a 500.
DATE_PARTS = {"year": (1, 9998), "month": (1, 12), "day": (1, 31)}


def date_hierarchy_in_range(field: str, params: dict[str, str]) -> bool:
    """Whether the year, month and day a change list is asked for are numbers it can use."""
    for part, (lowest, highest) in DATE_PARTS.items():
        value = params.get(f"{field}__{part}")
        if value is None:
            continue
        if not (value.isascii() and value.isdigit() and len(value) <= 4):
            return False
        if not lowest <= int(value) <= highest:
            return False
    return True


class BoundedDateChangeList(ChangeList):
    """A change list that answers a date it cannot use as Django answers any bad filter: the
    list again, with its "incorrect lookup" flag."""

    def get_filters(self, request):
        if self.date_hierarchy and not date_hierarchy_in_range(self.date_hierarchy, self.params):
            raise IncorrectLookupParameters("That date is not in the calendar.")
        return super().get_filters(request)


class BoundedDateHierarchy:
    """For a ModelAdmin with a date_hierarchy."""

    def get_changelist(self, request, **kwargs):
        return BoundedDateChangeList
