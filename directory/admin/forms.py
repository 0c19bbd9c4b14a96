"""Forms of the back office's own pages, and the checks its model forms add to the models'."""

import phonenumbers
from django import forms
from phonenumber_field.phonenumber import PhoneNumber, to_python

from ..approvals import Decision
from ..models import Status

PHONE_REGION = "GB"


class DecisionForm(forms.Form):
    """An editor's decision on a proposed change."""

    decision = forms.ChoiceField(
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or reject the change."},
    )
    reason = forms.CharField(
        label="Reason for rejecting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="Emailed to the provider: say what to put right.",
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.REJECT and not data.get("reason", "").strip():
            self.add_error("reason", "Enter why the change is not approved.")
        return data


def uk_phone_number(text: str) -> str:
    """A telephone number as typed, read by django-phonenumber-field as a UK number, and given
    back in its usual national form ("01632 960100"; "+33 1 23 45 67 89" stays international).
    Raises ValidationError if it cannot be a number. A number that is the right length but not
    in use (Ofcom's drama numbers, 01632 960xxx) is accepted: only its shape is checked."""
    if not text:
        return ""
    number = to_python(text, region=PHONE_REGION)
    if not isinstance(number, PhoneNumber) or not phonenumbers.is_possible_number(number):
        raise forms.ValidationError(
            "Enter a telephone number, like 01632 960 001 or +44 1632 960 001."
        )
    kind = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == phonenumbers.country_code_for_region(PHONE_REGION)
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, kind)


class CouncilForm(forms.ModelForm):
    """The council's configuration: its telephone numbers (every field named "..._phone") are
    checked as numbers."""

    def clean(self):
        data = super().clean()
        for name in self.fields:
            if name.endswith("_phone") and data.get(name):
                try:
                    data[name] = uk_phone_number(data[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data


class ServiceForm(forms.ModelForm):
    """A listing: what the model cannot check alone, since its lists are saved after it."""

    def clean(self):
        data = super().clean()
        status = data.get("status", self.instance.status)
        needs_given = "needs" not in self.fields or "needs" in self.errors or data.get("needs")
        if status == Status.PUBLISHED and not needs_given:
            self.add_error(
                "needs",
                "Choose at least one need: a published listing must say which needs it is "
                "for. Save it as a draft if you do not know yet.",
            )
        return data


class InvitationForm(forms.Form):
    """Whom an editor invites to update a provider's listings."""

    name = forms.CharField(label="Full name", max_length=150)
    email = forms.EmailField(
        label="Email address",
        max_length=150,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
