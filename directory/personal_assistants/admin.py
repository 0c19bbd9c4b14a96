"""The officers' queue: each application with its checklist (identity seen, DBS certificate
seen and its date, references taken) and a decision (approve, or refuse with a reason that is
emailed); every change kept in the record's history. A withdrawn PA is read only: their
personal data is gone."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from directory.models import Council

from . import rules
from .models import PersonalAssistant, Status
from .presenters import DAY_LABELS, OFFER_LABELS, TIME_LABELS
from .services import pa_approve, pa_refuse

APPROVE, REFUSE = "approve", "refuse"


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label="Decision",
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", "No decision yet (save the checklist)"),
            (APPROVE, "Approve: put them on the register"),
            (REFUSE, "Refuse, or take them off the register"),
        ],
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Emailed to the personal assistant. Needed to refuse.",
    )
    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PersonalAssistant
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "dbs_certificate_number",
            "dbs_issued_on",
            "dbs_update_service",
            "identity_seen",
            "dbs_seen",
            "references_taken",
            "description",
            "experience",
            "training",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "seen_updated_at" in self.fields:
            self.fields["seen_updated_at"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        data = super().clean()
        seen = data.get("seen_updated_at")
        current = PersonalAssistant.objects.filter(pk=self.instance.pk).values_list(
            "updated_at", flat=True
        )
        if seen and current and current[0].isoformat() != seen:
            raise ValidationError(
                "Someone else changed this personal assistant since you opened the page. "
                "Open it again to see their changes; yours are not saved."
            )
        decision = data.get("decision")
        if decision == REFUSE and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter the reason, which is emailed to the personal assistant")
        if decision == APPROVE:
            checks = ("identity_seen", "dbs_seen", "references_taken")
            if not all(data.get(name, getattr(self.instance, name)) for name in checks):
                self.add_error(
                    "decision", "Tick identity seen, DBS certificate seen and references taken"
                )
            issued = data.get("dbs_issued_on", self.instance.dbs_issued_on)
            years = Council.objects.current().pa_dbs_valid_years
            problem = (
                rules.dbs_date_problem(issued, today=timezone.localdate(), valid_years=years)
                if issued
                else "Enter the date on the DBS certificate"
            )
            if problem:
                self.add_error("dbs_issued_on", problem.replace("your", "the"))
        return data


@admin.register(PersonalAssistant)
class PersonalAssistantAdmin(SimpleHistoryAdmin):
    form = DecisionForm
    list_display = [
        "__str__",
        "status",
        "locality",
        "dbs_issued_on",
        "identity_seen",
        "dbs_seen",
        "references_taken",
        "created_at",
        "confirmed_on",
    ]
    list_filter = ["status", "locality", "dbs_update_service"]
    search_fields = ["first_name", "last_name", "email"]
    ordering = ["-created_at"]
    readonly_fields = [
        "status",
        "postcode",
        "locality",
        "travel_miles",
        "ages_shown",
        "needs_shown",
        "offers_shown",
        "availability_shown",
        "hourly_rate",
        "referee_1_name",
        "referee_1_contact",
        "referee_2_name",
        "referee_2_contact",
        "verified_on",
        "confirmed_on",
        "decision_reason",
        "created_at",
    ]
    fieldsets = [
        ("Status", {"fields": ["status", "decision_reason", "verified_on", "confirmed_on"]}),
        (
            "Checklist",
            {
                "fields": [
                    "identity_seen",
                    "dbs_certificate_number",
                    "dbs_issued_on",
                    "dbs_update_service",
                    "dbs_seen",
                    "referee_1_name",
                    "referee_1_contact",
                    "referee_2_name",
                    "referee_2_contact",
                    "references_taken",
                ]
            },
        ),
        ("Decision", {"fields": ["decision", "reason", "seen_updated_at"]}),
        (
            "Private details (officers only)",
            {"fields": ["first_name", "last_name", "email", "phone", "postcode", "locality"]},
        ),
        (
            "Profile families see",
            {
                "fields": [
                    "description",
                    "experience",
                    "training",
                    "ages_shown",
                    "needs_shown",
                    "offers_shown",
                    "availability_shown",
                    "hourly_rate",
                    "travel_miles",
                ]
            },
        ),
        (None, {"fields": ["created_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("locality")

    def has_add_permission(self, request):
        return False  # PAs apply on the website

    def has_delete_permission(self, request, obj=None):
        return False  # withdrawing deletes personal data; see services.pa_withdraw

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == Status.WITHDRAWN:
            return False
        return super().has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        decides = request.user.has_perm("personal_assistants.approve_personalassistant")
        if decides and self.has_change_permission(request, obj):
            return fieldsets
        return [(name, opts) for name, opts in fieldsets if name != "Decision"]

    @admin.display(description="ages")
    def ages_shown(self, obj):
        return ", ".join(band.name for band in obj.age_bands.all())

    @admin.display(description="needs")
    def needs_shown(self, obj):
        return ", ".join(need.name for need in obj.needs.all())

    @admin.display(description="offers")
    def offers_shown(self, obj):
        return ", ".join(OFFER_LABELS.get(code, code) for code in obj.offers)

    @admin.display(description="available")
    def availability_shown(self, obj):
        days = ", ".join(DAY_LABELS.get(code, code) for code in obj.days)
        times = ", ".join(TIME_LABELS.get(code, code) for code in obj.times)
        return "; ".join(part for part in (days, times) if part)

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)
        decision = form.cleaned_data.get("decision")
        if not decision or not request.user.has_perm(
            "personal_assistants.approve_personalassistant"
        ):
            return
        reason = (form.cleaned_data.get("reason") or "").strip()
        try:
            if decision == APPROVE:
                pa_approve(
                    pa=obj,
                    by=request.user,
                    today=timezone.localdate(),
                    dbs_valid_years=Council.objects.current().pa_dbs_valid_years,
                    reason=reason,
                )
                messages.success(request, f"{obj} is on the register and has been emailed.")
            else:
                pa_refuse(pa=obj, by=request.user, reason=reason)
                messages.success(request, f"{obj} has been refused and emailed the reason.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
