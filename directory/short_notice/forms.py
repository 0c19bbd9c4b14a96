"""The families' alert form, and the back office's form for a place."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms
from django.http import QueryDict
from django.utils import timezone

from ..filters import ServiceFilter, returnable_search
from ..querysets import FilterOptions
from .models import Frequency, ShortNoticePlace
from .services import place_problems

PLACE_FIELDS = [
    "service",
    "kind",
    "starts_on",
    "ends_on",
    "start_time",
    "end_time",
    "places",
    "min_age",
    "max_age",
    "needs",
    "claim_by",
    "claim_phone",
    "claim_email",
    "notes",
    "offered_until",
]
INVALID_SEARCH = (
    "We cannot set up alerts for that search. Go back to the search, correct it and try again"
)


def valid_search(raw: str, *, council) -> str | None:
    """A directory search's query string, written afresh, if it is one the directory accepts
    with no errors; else None."""
    query = returnable_search(raw) if raw else ""
    if query is None:
        return None
    if not query:
        return ""
    data = QueryDict(query, mutable=True)
    data.pop("page", None)
    filterset = ServiceFilter(
        data,
        options=FilterOptions.load(),
        council_name=council.name,
        radius_miles=council.search_radius_miles,
    )
    return data.urlencode() if filterset.form.is_valid() else None


class AlertForm(forms.Form):
    """Email alerts for a search: the address and how often."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will send you a link to confirm it. We keep nothing else about you.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Enter an email address of 254 characters or fewer",
        },
    )
    frequency = forms.ChoiceField(
        label="How often should we email you?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how often we should email you",
            "invalid_choice": "Select how often we should email you",
        },
    )
    search = forms.CharField(required=False, widget=forms.HiddenInput, max_length=1500)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("email", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Field.radios("frequency", legend_size=Size.SMALL),
            "search",
            Button("submit", "Send me a link to confirm"),
        )

    def clean(self):
        cleaned = super().clean()
        query = valid_search(cleaned.get("search") or "", council=self.council)
        if query is None:
            # Not the hidden field's error: there is nothing on this page to correct.
            self.add_error(None, INVALID_SEARCH)
        else:
            cleaned["search"] = query
        return cleaned


class PlaceAdminForm(forms.ModelForm):
    """A place in the back office, checked against its service (services.place_problems)."""

    class Meta:
        model = ShortNoticePlace
        fields = PLACE_FIELDS

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the form's values
        if not self.errors and self.instance.service_id:
            needs = self.cleaned_data.get("needs") or []
            for field, message in place_problems(self.instance, needs, now=timezone.now()).items():
                self.add_error(field if field in self.fields else None, message)
