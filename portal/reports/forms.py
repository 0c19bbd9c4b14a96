"""The reports' period: from one month to another, the last 12 months unless chosen."""

import datetime as dt
import re

from django import forms

from .demand import months_between

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
LONGEST_MONTHS = 120


def _month(text: str) -> dt.date | None:
    found = MONTH.match(text.strip())
    if not found:
        return None
    year, month = int(found[1]), int(found[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1)


class PeriodForm(forms.Form):
    start = forms.CharField(
        label="From (month)",
        max_length=20,
        help_text="For example 2026-01",
        required=False,
        error_messages={"max_length": "Enter the first month as a year and month, like 2026-01"},
    )
    end = forms.CharField(
        label="To (month)",
        max_length=20,
        help_text="For example 2026-12",
        required=False,
        error_messages={"max_length": "Enter the last month as a year and month, like 2026-12"},
    )

    def __init__(self, data, *, today: dt.date):
        super().__init__(data)
        self.last = today.replace(day=1)
        self.first = months_between_back(self.last, 11)

    def clean_start(self):
        return self._clean_month("start", "Enter the first month as a year and month, like 2026-01")

    def clean_end(self):
        return self._clean_month("end", "Enter the last month as a year and month, like 2026-12")

    def _clean_month(self, name, message):
        text = self.cleaned_data.get(name) or ""
        if not text.strip():
            return None
        month = _month(text)
        if month is None:
            raise forms.ValidationError(message)
        return month

    def clean(self):
        data = super().clean()
        start = data.get("start") or self.first
        end = data.get("end") or self.last
        if self.errors:
            return data
        if start > end:
            raise forms.ValidationError("The first month must be before the last month")
        if len(months_between(start, end)) > LONGEST_MONTHS:
            raise forms.ValidationError("Choose a period of 10 years or less")
        data["start"], data["end"] = start, end
        return data

    def period(self) -> tuple[dt.date, dt.date]:
        """The first day of the first month and the last day of the last, once valid."""
        if self.is_valid():
            start, end = self.cleaned_data["start"], self.cleaned_data["end"]
        else:
            start, end = self.first, self.last
        following = (end + dt.timedelta(days=32)).replace(day=1)
        return start, following - dt.timedelta(days=1)


def months_between_back(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months before."""
    index = month.year * 12 + month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)
