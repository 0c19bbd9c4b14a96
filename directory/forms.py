"""Forms families fill in: the directory's filters and 'report a problem'."""

from dataclasses import dataclass
from html import escape

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Field, Fluid, Layout, Size
from django import forms
from django.utils.safestring import mark_safe

from .distance import Point
from .models import Postcode, ProblemReport
from .postcodes import ParsedPostcode, parse_postcode

EXAMPLE_POSTCODE = "DT1 1XJ"


@dataclass(frozen=True)
class LocatedPostcode:
    postcode: ParsedPostcode
    point: Point
    locality_id: object


def _error(field) -> str:
    if not field.errors:
        return ""
    return (
        f'<p id="{field.auto_id}_error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {escape(str(field.errors[0]))}</p>'
    )


def _described_by(field, hint=False) -> str:
    ids = [f"{field.auto_id}_hint"] if hint else []
    ids += [f"{field.auto_id}_error"] if field.errors else []
    return f' aria-describedby="{" ".join(ids)}"' if ids else ""


def _group(field, html: str) -> str:
    error_class = " govuk-form-group--error" if field.errors else ""
    return f'<div class="govuk-form-group{error_class}">{html}</div>'


class FilterField(LayoutObject):
    """A GOV.UK text input or select in the filter panel: label, hint, error and control.

    The directory draws its filter panel on every search, so its parts are written here with
    plain string building rather than a template per field (see docs/adr/0006)."""

    def __init__(self, name, *, width=""):
        self.name = name
        self.width = width

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        field = form[self.name]
        hint = field.help_text
        label = (
            f'<label class="govuk-label govuk-label--s" for="{field.auto_id}">'
            f"{escape(str(field.label))}</label>"
        )
        hint_html = (
            f'<div id="{field.auto_id}_hint" class="govuk-hint">{escape(str(hint))}</div>'
            if hint
            else ""
        )
        error_class = " govuk-input--error" if field.errors else ""
        if isinstance(field.field.widget, forms.Select):
            chosen = str(field.value() if field.value() is not None else "")
            options = "".join(
                f'<option value="{escape(str(value))}"'
                f"{' selected' if str(value) == chosen else ''}>{escape(str(text))}</option>"
                for value, text in field.field.choices
            )
            control = (
                f'<select class="govuk-select{error_class.replace("input", "select")}" '
                f'id="{field.auto_id}" name="{field.html_name}"'
                f"{_described_by(field, bool(hint))}>{options}</select>"
            )
        else:
            value = field.value()
            value_html = f' value="{escape(str(value))}"' if value not in (None, "") else ""
            width = f" govuk-input--width-{self.width}" if self.width else ""
            control = (
                f'<input class="govuk-input{width}{error_class}" id="{field.auto_id}" '
                f'name="{field.html_name}" type="text"{value_html}'
                f"{_described_by(field, bool(hint))}>"
            )
        return mark_safe(  # noqa: S308 (every value above is escaped)
            _group(field, label + hint_html + _error(field) + control)
        )


class FilterGroup(LayoutObject):
    """Filters folded into a GOV.UK details element, open when one of them is set or wrong.

    The details element works without JavaScript and keeps a long list of filters short on a
    phone. Its checkboxes or radios are written like FilterField's controls."""

    def __init__(self, summary, *fields, input_type="checkbox"):
        self.summary = summary
        self.fields = list(fields)
        self.input_type = input_type

    def _fieldset(self, field) -> str:
        kind = self.input_type
        chosen = field.value() or []
        chosen = {str(value) for value in ([chosen] if isinstance(chosen, str) else chosen)}
        items = []
        for number, (value, label) in enumerate(field.field.choices, start=1):
            value = str(value)
            # The first item takes the field's own id, which the error summary links to.
            item_id = field.auto_id if number == 1 else f"{field.auto_id}_{number}"
            items.append(
                f'<div class="govuk-{kind}es__item"><input class="govuk-{kind}es__input" '
                f'id="{item_id}" name="{field.html_name}" type="{kind}" value="{escape(value)}"'
                f'{" checked" if value in chosen else ""}><label class="govuk-label '
                f'govuk-{kind}es__label" for="{item_id}">{escape(str(label))}</label></div>'
            )
        return _group(
            field,
            f'<fieldset class="govuk-fieldset"{_described_by(field)}>'
            '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
            f"{escape(str(field.label))}</legend>{_error(field)}"
            f'<div class="govuk-{kind}es govuk-{kind}es--small" data-module="govuk-{kind}es">'
            f"{''.join(items)}</div></fieldset>",
        )

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        bound = [form[name] for name in self.fields]
        is_open = any(field.value() or field.errors for field in bound)
        return mark_safe(  # noqa: S308 (every value above is escaped)
            f'<details class="govuk-details app-filter-group"{" open" if is_open else ""}>'
            '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
            f'{escape(self.summary)}</span></summary><div class="govuk-details__text">'
            f"{''.join(self._fieldset(field) for field in bound)}</div></details>"
        )


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

    @property
    def helper(self):
        helper = FormHelper()
        helper.form_method = "get"
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
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
