"""A personal assistant's own pages: asking for a link, and changing their profile."""

from crispy_forms_gds.helper import FormHelper
from django import forms

from ..models import DAYS, TIMES, Offer, PersonalAssistant
from .application import (
    EMAIL_ERRORS,
    TRAVEL_MILES,
    AboutForm,
    ExperienceForm,
    RateForm,
    TrainingForm,
    _choice_errors,
    layout_for,
)


class ManageRequestForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The one you gave when you applied.",
        error_messages=EMAIL_ERRORS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = layout_for(self, button="Send me a link")


def _multiple(label, what, choices=()):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors(what),
    )


class ProfileForm(forms.ModelForm):
    """What a PA may change themself. Their name, contact details and DBS check are the
    council's to verify: they ask an officer to change those."""

    travel_miles = forms.TypedChoiceField(
        label="How far will you travel from home?",
        coerce=int,
        choices=TRAVEL_MILES,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("how far you will travel"),
    )
    age_codes = _multiple("Ages you have worked with", "at least one age group")
    need_codes = _multiple("Needs you have experience of", "at least one need")
    offers = _multiple("What you offer", "at least one thing you offer", Offer.choices)
    days = _multiple("Days you are available", "at least one day", DAYS)
    times = _multiple("Times you are available", "at least one time", TIMES)
    hourly_rate = RateForm.base_fields["hourly_rate"]
    description = AboutForm.base_fields["description"]
    experience = ExperienceForm.base_fields["experience"]
    training = TrainingForm.base_fields["training"]

    clean_description = AboutForm.clean_description
    clean_experience = ExperienceForm.clean_experience
    clean_training = TrainingForm.clean_training

    class Meta:
        model = PersonalAssistant
        fields = [
            "description",
            "experience",
            "training",
            "hourly_rate",
            "travel_miles",
            "offers",
            "days",
            "times",
        ]

    def __init__(self, *args, age_bands=(), needs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.age_bands = {band.code: band for band in age_bands}
        self.needs = {need.code: need for need in needs}
        self.fields["age_codes"].choices = [(b.code, b.name) for b in age_bands]
        self.fields["need_codes"].choices = [(n.code, n.name) for n in needs]
        if self.instance.pk and not self.is_bound:
            self.initial["age_codes"] = [b.code for b in self.instance.age_bands.all()]
            self.initial["need_codes"] = [n.code for n in self.instance.needs.all()]
            self.initial["travel_miles"] = str(self.instance.travel_miles)
        self.order_fields(["description", "experience", "training", "hourly_rate"])
        self.helper = FormHelper()
        self.helper.layout = layout_for(self, button="Save changes")

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.age_bands.set([self.age_bands[c] for c in self.cleaned_data["age_codes"]])
        self.instance.needs.set([self.needs[c] for c in self.cleaned_data["need_codes"]])
