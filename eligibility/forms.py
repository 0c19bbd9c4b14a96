"""One question per page: each step's form, in GOV.UK wording, with its errors."""

import datetime as dt

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from directory.ages import MAX_AGE
from directory.forms import EXAMPLE_POSTCODE
from directory.models import Postcode
from directory.postcodes import parse_postcode

from . import rules
from .journey import DLA_PENDING, NOT_SURE, SCOTTISH

YES_NO = [("yes", "Yes"), ("no", "No")]


class ChildDateOfBirthField(DateInputField):
    """A GOV.UK date input with messages about a child's date of birth."""

    def __init__(self, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        self.error_messages |= {
            "required": "Enter your child's date of birth",
            "incomplete": "Enter your child's date of birth",
        }
        for subfield, part in zip(self.fields, ("day", "month", "year"), strict=True):
            subfield.error_messages["incomplete"] = f"Date of birth must include a {part}"
            subfield.validators = []  # compress() says what is wrong, in GOV.UK words

    def fail(self, message, part=0):
        """An error about the whole date, shown against one of its inputs (the day unless
        said), so that the error summary links to an input a family can type in."""
        self.fields[part].widget.errors = [message]
        return ValidationError(message)

    def clean(self, value):
        if not value or not [part for part in value if part not in self.empty_values]:
            raise self.fail(self.error_messages["required"])
        return super().clean(value)

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise self.fail("Date of birth must be a real date")
        if len(year) != 4:
            raise self.fail("Year must include 4 numbers", part=2)
        if len(day) > 2 or len(month) > 2:
            raise self.fail("Date of birth must be a real date")
        try:
            return dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError) as error:
            raise self.fail("Date of birth must be a real date") from error


class QuestionForm(forms.Form):
    """A question: one field called `answer`, its heading the page's heading."""

    kind = "radios"  # or checkboxes, text, date

    def __init__(self, *args, council=None, today=None, age=None, **kwargs):
        self.council = council
        self.age = age
        self.today = today or dt.date.today()  # noqa: DTZ011 (the caller passes the local date)
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        field = {
            "radios": lambda: Field.radios("answer", legend_size=Size.LARGE, legend_tag="h1"),
            "checkboxes": lambda: Field.checkboxes(
                "answer", legend_size=Size.LARGE, legend_tag="h1"
            ),
            "text": lambda: Field.text("answer", label_size=Size.LARGE, label_tag="h1"),
            "date": lambda: Field(
                "answer", context={"legend_size": "govuk-fieldset__legend--l", "legend_tag": "h1"}
            ),
        }[self.kind]()
        self.helper.layout = Layout(field, Button("continue", "Continue"))

    @property
    def question(self) -> str:
        return str(self.fields["answer"].label)

    def to_session(self):
        """The value kept in the session for this question."""
        return self.cleaned_data["answer"]

    @classmethod
    def initial_for(cls, kept):
        return kept


def yes_no(question: str, error: str, hint: str = "", not_sure: bool = False):
    """A yes-or-no question whose answer is kept as True or False (or "not_sure", where the
    family may say so)."""

    class YesNoForm(QuestionForm):
        answer = forms.ChoiceField(
            label=question,
            help_text=hint,
            choices=[*YES_NO, (NOT_SURE, "I am not sure")] if not_sure else YES_NO,
            widget=forms.RadioSelect,
            error_messages={"required": error, "invalid_choice": error},
        )

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            team = self.council.disabled_children_team_name if self.council else ""
            name = self.council.name if self.council else "the council's area"
            field = self.fields["answer"]
            field.label = str(field.label).format(council=name, team=team)
            field.error_messages = {
                key: value.format(council=name, team=team)
                for key, value in field.error_messages.items()
            }

        def to_session(self):
            answer = self.cleaned_data["answer"]
            return NOT_SURE if answer == NOT_SURE else answer == "yes"

        @classmethod
        def initial_for(cls, kept):
            if kept is None or kept == NOT_SURE:
                return kept
            return "yes" if kept else "no"

    return YesNoForm


def choice(question: str, choices, error: str, hint: str = "", divider_before=None):
    """A question answered by choosing one option."""

    class ChoiceForm(QuestionForm):
        answer = forms.ChoiceField(
            label=question,
            help_text=hint,
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={"required": error, "invalid_choice": error},
        )

    return ChoiceForm


class PostcodeForm(QuestionForm):
    kind = "text"
    answer = forms.CharField(
        label="What is your postcode?",
        help_text="We use it to check you live in the area and to find short breaks near you. "
        "We do not keep it.",
        max_length=10,
        required=False,
        error_messages={"max_length": f"Enter a real postcode, like {EXAMPLE_POSTCODE}"},
    )

    def __init__(self, *args, skip=False, **kwargs):
        self.skip = skip
        super().__init__(*args, **kwargs)
        self.fields["answer"].widget.attrs |= {"autocomplete": "postal-code", "spellcheck": "false"}
        self.fields["answer"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.helper.layout.append(Button.secondary("skip", "I do not want to give my postcode"))

    def clean_answer(self):
        text = self.cleaned_data["answer"]
        if self.skip:
            return {"postcode": "", "in_area": False, "locality": None}
        if not text.strip():
            raise ValidationError("Enter your postcode")
        parsed = parse_postcode(text)
        if parsed is None:
            raise ValidationError(f"Enter a real postcode, like {EXAMPLE_POSTCODE}")
        found = Postcode.objects.locate(parsed)
        locality = str(found[2]) if found and found[2] else None
        return {"postcode": parsed.text, "in_area": found is not None, "locality": locality}

    @classmethod
    def initial_for(cls, kept):
        return (kept or {}).get("postcode", "")


class DateOfBirthForm(QuestionForm):
    kind = "date"
    answer = ChildDateOfBirthField(
        label="What is your child's date of birth?", help_text="For example, 27 3 2016"
    )

    def clean_answer(self):
        born = self.cleaned_data["answer"]
        field = self.fields["answer"]
        if born > self.today:
            raise field.fail("Date of birth must be in the past")
        if rules.age_on(born, self.today) > MAX_AGE:
            raise field.fail(
                f"Your child must be {MAX_AGE} or younger: this checker is for children and young "
                "people"
            )
        return born

    def to_session(self):
        return self.cleaned_data["answer"].isoformat()

    @classmethod
    def initial_for(cls, kept):
        return dt.date.fromisoformat(kept) if kept else None


class NeedsForm(QuestionForm):
    kind = "checkboxes"
    answer = forms.MultipleChoiceField(
        label="Which of these describe your child's needs?",
        help_text="Select all that apply. This helps us show short breaks that suit your child. "
        "You do not need a diagnosis.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Select needs from the list"},
    )

    def __init__(self, *args, needs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = [(need.code, need.name) for need in needs]


class EvidenceForm(QuestionForm):
    kind = "checkboxes"
    answer = forms.MultipleChoiceField(
        label="Do you have any of these?",
        help_text="Select all that apply.",
        choices=[
            ("diagnosis", "A written diagnosis of your child's disability"),
            (
                "professional_letter",
                "A letter from a professional, such as a GP, consultant, health visitor, "
                "SENCo or teacher",
            ),
            ("special_school_place", "A place at a special school"),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Select evidence from the list"},
    )


CARE_RATES = [
    ("none", "No"),
    ("lowest", "Yes, the lowest rate"),
    ("middle", "Yes, the middle rate"),
    ("highest", "Yes, the highest rate"),
    ("applied", "We have applied and are waiting for a decision"),
    ("not_sure", "I do not know"),
]
DAILY_LIVING_RATES = [
    ("none", "No"),
    ("standard", "Yes, the standard rate"),
    ("enhanced", "Yes, the enhanced rate"),
    ("applied", "We have applied and are waiting for a decision"),
    ("not_sure", "I do not know"),
]


def _pip_choices(age):
    scottish = (SCOTTISH, "They get Adult Disability Payment in Scotland instead")
    if age in rules.DLA_CONTINUES:
        pending = (
            DLA_PENDING,
            "They still get Disability Living Allowance while their PIP claim is decided",
        )
        return [*DAILY_LIVING_RATES[:3], pending, *DAILY_LIVING_RATES[3:], scottish]
    return [*DAILY_LIVING_RATES, scottish]


class PipForm(QuestionForm):
    """PIP from 16; at 16 and 17 DLA may still be paid while a PIP claim is decided."""

    answer = forms.ChoiceField(
        label="Does your child get the daily living part of Personal Independence Payment (PIP)?",
        help_text="Your PIP award letter says which rate.",
        choices=_pip_choices(rules.DLA_CONTINUES[0]),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select if your child gets the daily living part of Personal "
            "Independence Payment",
            "invalid_choice": "Select if your child gets the daily living part of Personal "
            "Independence Payment",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = _pip_choices(self.age)


FORMS = {
    "postcode": PostcodeForm,
    "live-in-area": yes_no(
        "Do you live in {council}?",
        "Select yes if you live in {council}",
        hint="We could not find your postcode in the area, or you did not give one.",
    ),
    "school-in-area": yes_no(
        "Does your child go to a school in {council}?",
        "Select yes if your child goes to a school in {council}",
    ),
    "date-of-birth": DateOfBirthForm,
    "disability": choice(
        "Does your child have a disability or additional need?",
        [("true", "Yes"), ("false", "No"), ("not_sure", "I am not sure")],
        "Select if your child has a disability or additional need",
        hint="This includes autism, learning disabilities, physical disabilities, sensory "
        "impairments and long-term health conditions. You do not need a diagnosis.",
    ),
    "needs": NeedsForm,
    "dla-care": choice(
        "Does your child get the care part of Disability Living Allowance (DLA)?",
        [*CARE_RATES, (SCOTTISH, "They get Child Disability Payment in Scotland instead")],
        "Select if your child gets the care part of Disability Living Allowance",
        hint="Your DLA award letter says which rate.",
    ),
    "cdp-care": choice(
        "Does your child get the care part of Child Disability Payment?",
        CARE_RATES,
        "Select if your child gets the care part of Child Disability Payment",
    ),
    "dla-mobility": choice(
        "Does your child get the mobility part of Disability Living Allowance (DLA)?",
        [("none", "No"), ("lower", "Yes, the lower rate"), ("higher", "Yes, the higher rate")],
        "Select if your child gets the mobility part of Disability Living Allowance",
    ),
    "pip": PipForm,
    "dla-while-pip": choice(
        "Which rate of the care part of Disability Living Allowance (DLA) does your child "
        "still get?",
        [choice for choice in CARE_RATES if choice[0] not in ("none", "applied")],
        "Select which rate of the care part of Disability Living Allowance your child gets",
        hint="DLA carries on until the PIP claim is decided. Your DLA award letter says which "
        "rate.",
    ),
    "adp": choice(
        "Does your child get the daily living part of Adult Disability Payment?",
        DAILY_LIVING_RATES,
        "Select if your child gets the daily living part of Adult Disability Payment",
    ),
    "ehcp": choice(
        "Does your child have an education, health and care (EHC) plan?",
        [("issued", "Yes"), ("requested", "We have asked for one"), ("none", "No")],
        "Select if your child has an education, health and care plan",
    ),
    "evidence": EvidenceForm,
    "support": choice(
        "How much support does your child need to take part in activities?",
        [
            ("group", "Support in a group, with other children"),
            ("one_to_two", "One adult for every 2 children"),
            ("one_to_one", "One adult just for them"),
            ("two_to_one", "Two adults with them at all times"),
        ],
        "Select how much support your child needs",
    ),
    "complex-health": yes_no(
        "Does your child have complex health needs?",
        "Select if your child has complex health needs",
        hint="For example, they are fed by tube, need oxygen, or need medicines given by a "
        "trained person.",
        not_sure=True,
    ),
    "night-needs": yes_no(
        "Does your child need care during the night?",
        "Select if your child needs care during the night",
        hint="For example, you are up with them several times most nights.",
        not_sure=True,
    ),
    "behaviour-risk": yes_no(
        "Does your child's behaviour put them or other people at risk of harm?",
        "Select if your child's behaviour puts them or others at risk",
        not_sure=True,
    ),
    "carer-struggling": yes_no(
        "Are you finding it very hard to keep caring?",
        "Select if you are finding it very hard to keep caring",
        hint="For example, your own health is suffering, or caring leaves no time for your "
        "other children.",
        not_sure=True,
    ),
    "disabled-childrens-team": yes_no(
        "Does the {team} already support your child?",
        "Select yes if the {team} already supports your child",
        hint="For example, your child has a social worker from the team.",
    ),
}
