"""A family's message to a personal assistant, sent through the site."""

from crispy_forms_gds.helper import FormHelper
from django import forms

from .application import EMAIL_ERRORS, layout_for


class MessageForm(forms.Form):
    """Who the family is, how to reach them and what they would like to say. The PA replies
    to the email; the site keeps nothing but a count."""

    name = forms.CharField(
        label="Your name", max_length=100, error_messages={"required": "Enter your name"}
    )
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="The personal assistant replies to this address.",
        error_messages=EMAIL_ERRORS,
    )
    phone = forms.RegexField(
        label="Your phone number (optional)",
        regex=r"^\+?[\d\s()-]{9,20}$",
        required=False,
        error_messages={"invalid": "Enter a phone number, like 01632 960 001 or 07700 900 982"},
    )
    need = forms.ChoiceField(
        label="Your child's main need (optional)",
        required=False,
        help_text="We count messages by need, to know where more personal assistants are "
        "needed. The personal assistant does not see this.",
        error_messages={"invalid_choice": "Select your child's main need from the list"},
    )
    message = forms.CharField(
        label="Your message",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="For example, the hours and help you are looking for. Do not include medical "
        "details.",
        error_messages={
            "required": "Enter your message",
            "max_length": "Your message must be 2,000 characters or fewer",
        },
    )
    consent = forms.BooleanField(
        label="I agree to the council sending my name, contact details and message to this "
        "personal assistant",
        error_messages={"required": "Agree to sending your details to the personal assistant"},
    )

    def __init__(self, *args, needs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [("", "Not saying"), *[(n.code, n.name) for n in needs]]
        self.fields["need"].widget = forms.Select(choices=self.fields["need"].choices)
        self.helper = FormHelper()
        self.helper.layout = layout_for(self, button="Send message")

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
