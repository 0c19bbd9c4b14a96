"""The application's pages, one form each, in GOV.UK wording."""

import datetime as dt
from decimal import Decimal

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from directory.forms import EXAMPLE_POSTCODE, PostcodeField
from directory.models import Postcode
from directory.models.council import LONGEST_SEARCH_RADIUS_MILES

from .. import rules
from ..models import DAYS, DBS_NUMBER, HIGHEST_RATE, TIMES, Offer

MILES = (1, 3, 5, 10, 15, LONGEST_SEARCH_RADIUS_MILES)
TRAVEL_MILES = [(str(miles), f"Up to {miles} miles") for miles in MILES]
YES_NO = [("yes", "Yes"), ("no", "No")]
EMAIL_ERRORS = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}


def _choice_errors(what: str) -> dict:
    message = f"Select {what}"
    return {"required": message, "invalid_choice": f"{message} from the list"}


def _public_text(value: str, what: str) -> str:
    if rules.contact_details_in(value):
        raise ValidationError(
            f"Remove the email address, phone number or web address from {what}: families "
            "contact you through this website"
        )
    return value


def layout_for(form, *, button="Continue") -> Layout:
    """Each field as GOV.UK draws its kind, labels at small size, then the button."""
    parts = []
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(field, DateInputField):
            parts.append(Field(name, context={"legend_size": "govuk-fieldset__legend--s"}))
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            parts.append(Field.checkboxes(name, legend_size=Size.SMALL))
        elif isinstance(widget, forms.RadioSelect):
            parts.append(Field.radios(name, legend_size=Size.SMALL, inline=len(field.choices) == 2))
        elif isinstance(widget, forms.Textarea):
            parts.append(Field.textarea(name, label_size=Size.SMALL, max_characters=1000))
        elif isinstance(widget, forms.CheckboxInput):
            parts.append(Field.checkbox(name))
        else:
            parts.append(Field.text(name, label_size=Size.SMALL, field_width=Fluid.TWO_THIRDS))
    return Layout(*parts, Button("continue", button))


class DbsDateField(DateInputField):
    """A GOV.UK date input for the date on a DBS certificate."""

    def __init__(self, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        message = "Enter the date on your DBS certificate"
        self.error_messages |= {"required": message, "incomplete": message}
        for subfield, part in zip(self.fields, ("day", "month", "year"), strict=True):
            subfield.error_messages["incomplete"] = f"The date must include a {part}"
            subfield.validators = []

    def _fail(self, message):
        self.fields[0].widget.errors = [message]
        return ValidationError(message)

    def clean(self, value):
        if not value or not [part for part in value if part not in self.empty_values]:
            raise self._fail(self.error_messages["required"])
        return super().clean(value)

    def compress(self, data_list):
        day, month, year = (str(part or "") for part in data_list)
        if not (day and month and year):
            raise self._fail(self.error_messages["required"])
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise self._fail("The date on your DBS certificate must be a real date")
        try:
            return dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError) as error:
            raise self._fail("The date on your DBS certificate must be a real date") from error


class StepForm(forms.Form):
    """A page of the application: its fields, kept in the session as plain values."""

    def __init__(self, *args, today=None, choices=None, council=None, **kwargs):
        self.today = today
        self.council = council
        super().__init__(*args, **kwargs)
        for name, options in (choices or {}).items():
            if name in self.fields:
                self.fields[name].choices = options
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = layout_for(self)

    def to_session(self) -> dict:
        def plain(value):
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, Decimal):
                return str(value)
            return value

        return {name: plain(value) for name, value in self.cleaned_data.items()}

    @classmethod
    def initial_for(cls, kept: dict | None) -> dict:
        return dict(kept or {})


class NameForm(StepForm):
    first_name = forms.CharField(
        label="First name", max_length=60, error_messages={"required": "Enter your first name"}
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=60,
        help_text="Families see your first name and the first letter of your last name.",
        error_messages={"required": "Enter your last name"},
    )


class ContactForm(StepForm):
    email = forms.EmailField(label="Email address", max_length=254, error_messages=EMAIL_ERRORS)
    phone = forms.RegexField(
        label="Phone number",
        regex=r"^\+?[\d\s()-]{9,20}$",
        help_text="For the council's officers only. Families never see it.",
        error_messages={
            "required": "Enter your phone number",
            "invalid": "Enter a phone number, like 01632 960 001 or 07700 900 982",
        },
    )


class HomePostcodeForm(StepForm):
    postcode = PostcodeField(
        label="Postcode",
        help_text="Families never see it: it tells us how far you are from them.",
        error_messages={"required": f"Enter your postcode, like {EXAMPLE_POSTCODE}"},
    )

    def clean_postcode(self):
        parsed = self.cleaned_data["postcode"]
        found = Postcode.objects.locate(parsed) if parsed.is_full else None
        if found is None:
            raise ValidationError(
                f"We do not know that postcode. Enter a full postcode in the council's area, like "
                f"{EXAMPLE_POSTCODE}"
            )
        return {"text": parsed.text, "position": found}

    def to_session(self):
        located = self.cleaned_data["postcode"]
        latitude, longitude, locality = located["position"]
        return {
            "text": located["text"],
            "latitude": latitude,
            "longitude": longitude,
            "locality": str(locality) if locality else None,
        }

    @classmethod
    def initial_for(cls, kept):
        return {"postcode": kept["text"]} if kept else {}


class TravelForm(StepForm):
    travel_miles = forms.ChoiceField(
        label="How far from home",
        choices=TRAVEL_MILES,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("how far you will travel"),
    )


class AgesForm(StepForm):
    age_bands = forms.MultipleChoiceField(
        label="Select all that apply",
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("at least one age group"),
    )


class NeedsForm(StepForm):
    needs = forms.MultipleChoiceField(
        label="Select all that apply",
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("at least one need"),
    )


class OffersForm(StepForm):
    offers = forms.MultipleChoiceField(
        label="Select all that apply",
        choices=Offer.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("at least one thing you offer"),
    )


class AvailabilityForm(StepForm):
    days = forms.MultipleChoiceField(
        label="Days",
        choices=DAYS,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("at least one day"),
    )
    times = forms.MultipleChoiceField(
        label="Times",
        choices=TIMES,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("at least one time"),
    )


class RateForm(StepForm):
    hourly_rate = forms.DecimalField(
        label="Hourly rate, in pounds",
        required=False,
        min_value=0,
        max_value=HIGHEST_RATE,
        decimal_places=2,
        help_text="For example 14.50. Leave it empty to say 'to discuss' with each family.",
        error_messages={
            "invalid": "Enter your hourly rate as a number, like 14.50",
            "min_value": "Enter an hourly rate of 0 or more",
            "max_value": f"Enter an hourly rate of £{HIGHEST_RATE} or less",
            "max_digits": f"Enter an hourly rate of £{HIGHEST_RATE} or less",
            "max_decimal_places": "Enter an hourly rate in pounds and pence, like 14.50",
            "max_whole_digits": f"Enter an hourly rate of £{HIGHEST_RATE} or less",
        },
    )


def _text(label, hint, required_message, max_length=1000):
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=max_length,
        required=bool(required_message),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": required_message,
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


class AboutForm(StepForm):
    description = _text(
        "About you",
        "Shown on your profile. Do not include your address, phone number or email address.",
        "Tell families about yourself",
    )

    def clean_description(self):
        return _public_text(self.cleaned_data["description"], "what you tell families")


class ExperienceForm(StepForm):
    experience = _text(
        "Your experience",
        "For example, the jobs you have done and the children you have supported.",
        "Tell families about your experience",
    )

    def clean_experience(self):
        return _public_text(self.cleaned_data["experience"], "your experience")


class DbsNumberField(forms.CharField):
    """Twelve digits, however they are spaced."""

    def to_python(self, value):
        return "".join(super().to_python(value).split())


class DbsForm(StepForm):
    dbs_certificate_number = DbsNumberField(
        label="Certificate number",
        help_text="The 12 digits at the top of your enhanced DBS certificate. It must include "
        "the children's barred list.",
        max_length=20,
        validators=[DBS_NUMBER],
        error_messages={
            "required": "Enter your DBS certificate number",
            "max_length": DBS_NUMBER.message,
        },
    )
    dbs_issued_on = DbsDateField(label="Date of issue", help_text="For example, 27 3 2025")
    dbs_update_service = forms.ChoiceField(
        label="Is your certificate on the DBS update service?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("yes if your certificate is on the update service"),
    )

    def clean_dbs_issued_on(self):
        issued = self.cleaned_data["dbs_issued_on"]
        years = self.council.pa_dbs_valid_years if self.council else 3
        problem = rules.dbs_date_problem(issued, today=self.today, valid_years=years)
        if problem:
            self.fields["dbs_issued_on"].fields[0].widget.errors = [problem]
            raise ValidationError(problem)
        return issued

    @classmethod
    def initial_for(cls, kept):
        if not kept:
            return {}
        return {**kept, "dbs_issued_on": dt.date.fromisoformat(kept["dbs_issued_on"])}


class TrainingForm(StepForm):
    training = _text(
        "Your training (optional)",
        "For example first aid, moving and handling, or giving medication, and when.",
        "",
    )

    def clean_training(self):
        return _public_text(self.cleaned_data["training"], "your training")


def _referee(number, what):
    return forms.CharField(
        label=f"Referee {number}: {what}",
        max_length=200 if what != "name" else 100,
        error_messages={"required": f"Enter referee {number}'s {what}"},
    )


class RefereesForm(StepForm):
    referee_1_name = _referee(1, "name")
    referee_1_contact = _referee(1, "email address or phone number")
    referee_2_name = _referee(2, "name")
    referee_2_contact = _referee(2, "email address or phone number")


class ConsentForm(StepForm):
    consent = forms.BooleanField(
        label="I have read the register's privacy notice and agree to the council keeping "
        "these details and showing my profile to families",
        error_messages={"required": "Agree to the privacy notice to join the register"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = format_html(
            '<a class="govuk-link" href="{}">Read the privacy notice</a>',
            reverse("personal_assistants:privacy"),
        )


FORMS = {
    "name": NameForm,
    "contact": ContactForm,
    "postcode": HomePostcodeForm,
    "travel": TravelForm,
    "ages": AgesForm,
    "needs": NeedsForm,
    "offers": OffersForm,
    "availability": AvailabilityForm,
    "rate": RateForm,
    "about": AboutForm,
    "experience": ExperienceForm,
    "dbs": DbsForm,
    "training": TrainingForm,
    "referees": RefereesForm,
    "consent": ConsentForm,
}
