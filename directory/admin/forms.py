"""Forms of the back office's own pages, beside the admin's model forms."""

from django import forms

from ..approvals import Decision


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
