"""Forms families fill in: the directory's filters and 'report a problem'."""

import re
from dataclasses import dataclass

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Field, Fluid, Layout, Size
from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.html import conditional_escape, format_html, format_html_join

from .distance import Point
from .models import Postcode, ProblemReport
from .postcodes import ParsedPostcode, parse_postcode

EXAMPLE_POSTCODE = "DT1 1XJ"
# GOV.UK Frontend's block class for each kind of choice input: its items, inputs and labels
# are this with __item, __input and __label.
CHOICES_CLASS = {"checkbox": "govuk-checkboxes", "radio": "govuk-radios"}
CHECKED = {True: conditional_escape(" checked"), False: conditional_escape("")}


@dataclass(frozen=True)
class LocatedPostcode:
    postcode: ParsedPostcode
    point: Point
    locality_id: object


def _error(field) -> str:
    if not field.errors:
        return ""
    return format_html(
        '<p id="{}_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> {}</p>',
        field.auto_id,
        field.errors[0],
    )


def _described_by(field, hint=False) -> str:
    ids = [f"{field.auto_id}_hint"] if hint else []
    ids += [f"{field.auto_id}_error"] if field.errors else []
    return format_html(' aria-describedby="{}"', " ".join(ids)) if ids else ""


def _group(field, *parts) -> str:
    return format_html(
        '<div class="govuk-form-group{}">{}</div>',
        " govuk-form-group--error" if field.errors else "",
        _joined(parts),
    )


def _joined(parts) -> str:
    """Markup parts side by side, each escaped unless it is already safe."""
    return format_html_join("", "{}", ((part,) for part in parts))


class FilterField(LayoutObject):
    """A GOV.UK text input or select in the filter panel: label, hint, error and control.

    The directory draws its filter panel on every search, so its parts are written here with
    format_html, which escapes every value, rather than a template per field (see
    docs/adr/0006)."""

    def __init__(self, name, *, width=""):
        self.name = name
        self.width = width

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        field = form[self.name]
        hint = field.help_text
        label = format_html(
            '<label class="govuk-label govuk-label--s" for="{}">{}</label>',
            field.auto_id,
            field.label,
        )
        hint_html = (
            format_html('<div id="{}_hint" class="govuk-hint">{}</div>', field.auto_id, hint)
            if hint
            else ""
        )
        control = (
            self._select(field, hint)
            if isinstance(field.field.widget, forms.Select)
            else self._input(field, hint)
        )
        return _group(field, label, hint_html, _error(field), control)

    def _select(self, field, hint) -> str:
        # Nothing asked for: the field's default is what the search uses, so show it chosen.
        value = field.value()
        chosen = str(value if value not in (None, "") else field.initial or "")
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, " selected" if str(value) == chosen else "", text)
                for value, text in field.field.choices
            ),
        )
        return format_html(
            '<select class="govuk-select{}" id="{}" name="{}"{}>{}</select>',
            " govuk-select--error" if field.errors else "",
            field.auto_id,
            field.html_name,
            _described_by(field, bool(hint)),
            options,
        )

    def _input(self, field, hint) -> str:
        value = field.value()
        return format_html(
            '<input class="govuk-input{}{}" id="{}" name="{}" type="text"{}{}>',
            f" govuk-input--width-{self.width}" if self.width else "",
            " govuk-input--error" if field.errors else "",
            field.auto_id,
            field.html_name,
            format_html(' value="{}"', value) if value not in (None, "") else "",
            _described_by(field, bool(hint)),
        )


class FilterGroup(LayoutObject):
    """Filters folded into a GOV.UK details element, open when one of them is set or wrong.

    The details element works without JavaScript and keeps a long list of filters short on a
    phone. Its checkboxes or radios are written like FilterField's controls, with GOV.UK
    Frontend's classes for each (CHOICES_CLASS)."""

    def __init__(self, summary, *fields, input_type="checkbox"):
        self.summary = summary
        self.fields = list(fields)
        self.input_type = input_type

    def _items(self, field) -> str:
        chosen = field.value() or []
        chosen = {str(value) for value in ([chosen] if isinstance(chosen, str) else chosen)}
        # What every item of the field shares is escaped once, not once an item: the panel
        # draws about 80 items on every search.
        shared = {
            "block": conditional_escape(CHOICES_CLASS[self.input_type]),
            "kind": conditional_escape(self.input_type),
            "name": conditional_escape(field.html_name),
        }
        return format_html_join(
            "",
            '<div class="{block}__item"><input class="{block}__input" id="{id}" name="{name}" '
            'type="{kind}" value="{value}"{checked}><label class="govuk-label {block}__label" '
            'for="{id}">{label}</label></div>',
            (
                shared
                | {
                    # The first item takes the field's own id, which the error summary links to.
                    "id": field.auto_id if number == 1 else f"{field.auto_id}_{number}",
                    "value": value,
                    "checked": CHECKED[str(value) in chosen],
                    "label": label,
                }
                for number, (value, label) in enumerate(field.field.choices, start=1)
            ),
        )

    def _fieldset(self, field) -> str:
        return _group(
            field,
            format_html(
                '<fieldset class="govuk-fieldset"{described_by}>'
                '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>'
                '{error}<div class="{block} {block}--small" data-module="{block}">{items}</div>'
                "</fieldset>",
                described_by=_described_by(field),
                legend=field.label,
                error=_error(field),
                block=CHOICES_CLASS[self.input_type],
                items=self._items(field),
            ),
        )

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        bound = [form[name] for name in self.fields]
        is_open = any(field.value() or field.errors for field in bound)
        return format_html(
            '<details class="govuk-details app-filter-group"{}>'
            '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
            '{}</span></summary><div class="govuk-details__text">{}</div></details>',
            " open" if is_open else "",
            self.summary,
            _joined(self._fieldset(field) for field in bound),
        )


_WORD_BREAKS = re.compile(r"[\s,;]+")


def postcode_in_words(words: str) -> tuple[ParsedPostcode, str] | None:
    """A full postcode typed among search words ('swimming DT1 1XJ', 'dt11xj club'), and the
    words without it; None if there is none. A district alone ('DT1') is left as a word."""
    parts = [part for part in _WORD_BREAKS.split(words) if part]
    for start in range(len(parts)):
        for length in (2, 1):  # 'DT1 1XJ' as typed, or 'DT11XJ'
            if start + length > len(parts):
                continue
            parsed = parse_postcode("".join(parts[start : start + length]))
            if parsed is not None and parsed.is_full:
                return parsed, " ".join(parts[:start] + parts[start + length :])
    return None


class PostcodeField(forms.CharField):
    """A UK postcode or postcode district, however it is typed."""

    default_error_messages = {
        "invalid": f"Enter a real postcode, like {EXAMPLE_POSTCODE}",
        "max_length": f"Enter a real postcode, like {EXAMPLE_POSTCODE}",
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=10, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        parsed = parse_postcode(value)
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class DirectoryFilterForm(forms.Form):
    """The base of the directory's filter form: GOV.UK layout and the postcode look-up.

    The fields themselves come from `directory.filters.ServiceFilter`.
    """

    council_name = "the council"

    def clean_postcode(self):
        parsed = self.cleaned_data.get("postcode")
        if parsed is None:
            return None
        found = Postcode.objects.locate(parsed)
        if found is None:
            raise forms.ValidationError(
                f"We do not know that postcode. Enter a postcode in {self.council_name}'s area, "
                f"like {EXAMPLE_POSTCODE}",
                code="unknown",
            )
        latitude, longitude, locality_id = found
        return LocatedPostcode(parsed, Point(latitude, longitude), locality_id)

    def panel(self) -> tuple:
        """The filter panel's questions, in order; a page with other questions overrides it."""
        return (
            FilterField("q"),
            FilterField("postcode", width="10"),
            FilterField("distance"),
            FilterField("age", width="2"),
            FilterGroup("Age group", "age_band", input_type="radio"),
            FilterGroup("Needs", "need"),
            FilterGroup("Kind of break", "kind"),
            FilterGroup("Days and times", "day", "time"),
            FilterGroup("Area", "locality"),
            FilterGroup("How to get a place", "tier"),
            FilterGroup("Cost and places", "only"),
            FilterGroup("Venue accessibility", "access"),
        )

    @property
    def helper(self):
        helper = FormHelper()
        helper.form_method = "get"
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            *self.panel(),
            # No name on the button, so it adds nothing to the shareable address.
            HTML(
                '<button type="submit" class="govuk-button" data-module="govuk-button">'
                "Apply filters</button>"
            ),
        )
        return helper


class ProblemReportForm(forms.ModelForm):
    """'Report a problem with this page': what is wrong, details, and an optional email."""

    class Meta:
        model = ProblemReport
        fields = ["kind", "details", "email"]
        labels = {
            "kind": "What is wrong with this page?",
            "details": "Tell us what is wrong",
            "email": "Email address (optional)",
        }
        help_texts = {
            "details": "For example, the new day or time, or the right phone number. "
            "Do not include your child's name or any medical details.",
            "email": "Only if you would like a reply. We will not use it for anything else.",
        }
        error_messages = {
            "kind": {
                "required": "Select what is wrong with this page",
                "invalid_choice": "Select what is wrong with this page",
            },
            "details": {
                "required": "Tell us what is wrong",
                "max_length": "Tell us what is wrong in 1,200 characters or fewer",
            },
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.com",
            },
        }
        widgets = {"kind": forms.RadioSelect, "details": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ProblemReport.Kind.choices
        self.fields["details"].max_length = 1200
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.textarea("details", label_size=Size.SMALL, max_characters=1200),
            Field.text("email", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Button("submit", "Send report"),
        )


class ListingCorrectionsForm(forms.Form):
    """What has changed in a listing, from its provider's confirmation link (no account)."""

    changes = forms.CharField(
        label="What has changed?",
        help_text="For example new days or times, a new phone number, or that it has closed.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter what has changed",
            "max_length": "Enter what has changed in 1,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.textarea("changes", label_size=Size.MEDIUM, max_characters=1000),
            Button("submit", "Send to the council"),
        )


class InvitationPasswordForm(SetPasswordForm):
    """Choosing a password from an invitation (directory.invitations)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Choose a password"
        self.fields["new_password2"].label = "Type it again"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Button("submit", "Set my password"),
        )
