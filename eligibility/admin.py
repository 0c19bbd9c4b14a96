"""Rulesets in the back office: plain fields (never raw JSON), their qualifying benefits and test
cases, publishing with its checks, new versions, and the history of every change."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from directory.admin.conflicts import ConflictGuarded
from directory.admin.read_only import (
    PublishedIsReadOnly,
    PublishedIsReadOnlyInline,
    ReadOnlyAdmin,
)
from directory.models import Need

from . import rules
from .models import (
    CONDITION_CHOICES,
    EVIDENCE_CHOICES,
    TRIGGER_CHOICES,
    CheckRecord,
    Ruleset,
    RulesetCase,
    RulesetPassport,
)
from .services import (
    RulesetNotPublishable,
    ruleset_case_results,
    ruleset_new_version,
    ruleset_publish,
    ruleset_retire,
)


def checkboxes(choices, label, help_text=""):
    return forms.MultipleChoiceField(
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
        help_text=help_text,
    )


class RulesetForm(forms.ModelForm):
    extended_requires = checkboxes(
        CONDITION_CHOICES, "Conditions for the later limit", "All of these must be met."
    )
    also_require = checkboxes(
        CONDITION_CHOICES,
        "Also needed with a qualifying benefit",
        "All of these must be met as well as the benefit.",
    )
    equivalent_evidence = checkboxes(
        EVIDENCE_CHOICES,
        "Evidence that counts instead of a qualifying benefit",
        "Any one of these is enough.",
    )
    specialist_triggers = checkboxes(
        TRIGGER_CHOICES,
        "Answers that suggest a social-care assessment",
        "Any one of these suggests an assessment to a resident under the age limit.",
    )

    class Meta:
        model = Ruleset
        fields = [  # status changes only through publish and retire
            "name",
            "public_name",
            "valid_from",
            "valid_to",
            "min_age",
            "age_limit",
            "extended_age_limit",
            "extended_requires",
            "school_in_area_counts",
            "cdp_counts_as_dla",
            "adp_counts_as_pip",
            "also_require",
            "equivalent_evidence",
            "equivalent_need_outcome",
            "exclude_if_open_to_disability_team",
            "specialist_triggers",
        ]


class PassportInline(PublishedIsReadOnlyInline, admin.TabularInline):
    model = RulesetPassport
    extra = 0
    min_num = 0


class CaseInline(PassportInline):
    model = RulesetCase
    fields = ["name", "reference_date", "expected_targeted", "expected_specialist_assessment"]
    readonly_fields = fields
    show_change_link = True
    verbose_name_plural = "test cases (open one to change its answers)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ruleset)
class RulesetAdmin(ConflictGuarded, SimpleHistoryAdmin):
    form = RulesetForm
    list_display = ("name", "version", "status", "valid_from", "valid_to", "published_at")
    list_filter = ("status",)
    inlines = [PassportInline, CaseInline]
    readonly_fields = ("status", "version", "published_at", "published_by", "case_results")
    fieldsets = (
        (
            None,
            {"fields": ("name", "public_name", "version", "status", ("valid_from", "valid_to"))},
        ),
        (
            "Ages and area",
            {
                "fields": (
                    ("min_age", "age_limit"),
                    "extended_age_limit",
                    "extended_requires",
                    "school_in_area_counts",
                )
            },
        ),
        (
            "Benefits and evidence (qualifying benefits are listed below)",
            {
                "fields": (
                    "cdp_counts_as_dla",
                    "adp_counts_as_pip",
                    "also_require",
                    "equivalent_evidence",
                    "equivalent_need_outcome",
                )
            },
        ),
        (
            "Specialist support",
            {"fields": ("exclude_if_open_to_disability_team", "specialist_triggers")},
        ),
        ("Test cases", {"fields": ("case_results",)}),
        ("Publication", {"fields": ("published_at", "published_by")}),
    )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return (
                [f.name for f in Ruleset._meta.fields]
                + ["case_results"]
                + [
                    "extended_requires",
                    "also_require",
                    "equivalent_evidence",
                    "specialist_triggers",
                ]
            )
        return self.readonly_fields

    @admin.display(description="Results of the test cases")
    def case_results(self, obj):
        if obj is None or obj.pk is None:
            return "Save the ruleset, then add test cases."
        results = ruleset_case_results(ruleset=obj)
        if not results:
            return "There are no test cases yet. Add them under Eligibility > Test cases."
        passed = sum(result.passed for result in results)
        return format_html(
            "<p>{} passed, {} failed</p><ul>{}</ul>",
            passed,
            len(results) - passed,
            format_html_join("", "<li>{}</li>", ((r.describe(),) for r in results)),
        )

    def get_urls(self):
        own = [
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="eligibility_ruleset_publish",
            ),
            path(
                "<int:pk>/new-version/",
                self.admin_site.admin_view(self.new_version_view),
                name="eligibility_ruleset_new_version",
            ),
            path(
                "<int:pk>/retire/",
                self.admin_site.admin_view(self.retire_view),
                name="eligibility_ruleset_retire",
            ),
        ]
        return own + super().get_urls()

    def _ruleset_or_refuse(self, request, pk):
        ruleset = get_object_or_404(Ruleset, pk=pk)
        if not self.has_change_permission(request, ruleset):
            raise PermissionDenied
        return ruleset

    def _done(self, request, ruleset, message, level=messages.SUCCESS):
        """Back to the ruleset's page, saying what was done."""
        self.message_user(request, message, level)
        return redirect(reverse("admin:eligibility_ruleset_change", args=[ruleset.pk]))

    def _confirm(self, request, ruleset, action, question, detail=""):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": ruleset,
            "title": question,
            "action": action,
            "detail": detail,
            "results": ruleset_case_results(ruleset=ruleset),
        }
        return TemplateResponse(request, "admin/eligibility/ruleset/confirm.html", context)

    def publish_view(self, request, pk):
        ruleset = self._ruleset_or_refuse(request, pk)
        if request.method != "POST":
            return self._confirm(
                request,
                ruleset,
                "Publish",
                f"Publish {ruleset}?",
                f"The checker will use it from {ruleset.valid_from:%d %B %Y}. A published "
                "ruleset cannot be changed: make a new version to change it.",
            )
        try:
            ruleset_publish(ruleset=ruleset, by=request.user)
        except RulesetNotPublishable as refused:
            for problem in refused.problems:
                self.message_user(request, problem, messages.ERROR)
            return self._done(request, ruleset, "The ruleset was not published.", messages.ERROR)
        return self._done(request, ruleset, f"{ruleset} is published.")

    def new_version_view(self, request, pk):
        ruleset = self._ruleset_or_refuse(request, pk)
        if request.method != "POST":
            return self._confirm(
                request,
                ruleset,
                "Make a new version",
                f"Make a new draft version of {ruleset}?",
                "The draft copies its qualifying benefits and test cases.",
            )
        copy = ruleset_new_version(ruleset=ruleset)
        return self._done(request, copy, f"{copy} is a new draft.")

    def retire_view(self, request, pk):
        ruleset = self._ruleset_or_refuse(request, pk)
        if request.method != "POST":
            return self._confirm(
                request,
                ruleset,
                "Retire",
                f"Retire {ruleset}?",
                "The checker stops using it at once. If no other ruleset is in force, the "
                "checker says it is unavailable.",
            )
        ruleset_retire(ruleset=ruleset)
        return self._done(request, ruleset, f"{ruleset} is retired.")


class CaseForm(forms.ModelForm):
    needs = checkboxes([], "Needs")
    evidence = checkboxes(
        [(e, rules.CONDITION_NAMES[e].capitalize()) for e in rules.EVIDENCE], "Evidence"
    )
    unsure = checkboxes(
        [(f, rules.CONDITION_NAMES[f].capitalize()) for f in rules.UNSURE_FLAGS],
        "Answered 'not sure'",
        "These count as 'not sure', whatever the yes-or-no answer above says.",
    )
    resident = forms.TypedChoiceField(
        choices=RulesetCase.YES_NO, coerce=lambda value: value == "True", widget=forms.RadioSelect
    )

    class Meta:
        model = RulesetCase
        fields = [
            "ruleset",
            "name",
            "reference_date",
            "resident",
            "school_in_area",
            "date_of_birth",
            "disability",
            "needs",
            "dla_care",
            "dla_mobility",
            "pip_daily_living",
            "cdp_care",
            "adp_daily_living",
            "ehcp",
            "evidence",
            "support_ratio",
            "night_needs",
            "complex_health",
            "behaviour_risk",
            "carer_struggling",
            "open_to_disability_team",
            "unsure",
            "expected_targeted",
            "expected_specialist_assessment",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].choices = list(Need.objects.values_list("code", "name"))


@admin.register(RulesetCase)
class RulesetCaseAdmin(PublishedIsReadOnly, SimpleHistoryAdmin):
    form = CaseForm
    list_display = ("name", "ruleset", "expected_targeted", "expected_specialist_assessment")
    list_filter = ("ruleset",)
    search_fields = ("name",)
    fieldsets = (
        (None, {"fields": ("ruleset", "name", "reference_date")}),
        ("Where and who", {"fields": ("resident", "school_in_area", "date_of_birth")}),
        ("Needs", {"fields": ("disability", "needs")}),
        (
            "Benefits",
            {
                "fields": (
                    "dla_care",
                    "dla_mobility",
                    "pip_daily_living",
                    "cdp_care",
                    "adp_daily_living",
                )
            },
        ),
        ("Evidence", {"fields": ("ehcp", "evidence")}),
        (
            "Support",
            {
                "fields": (
                    "support_ratio",
                    "night_needs",
                    "complex_health",
                    "behaviour_risk",
                    "carer_struggling",
                    "open_to_disability_team",
                    "unsure",
                )
            },
        ),
        ("Expected outcome", {"fields": ("expected_targeted", "expected_specialist_assessment")}),
    )

    def version_of(self, case):
        return case.ruleset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "ruleset":
            kwargs["queryset"] = Ruleset.objects.filter(status=Ruleset.Status.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CheckRecord)
class CheckRecordAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Anonymous records of completed checks: read only."""

    list_display = (
        "month",
        "locality",
        "age_band",
        "benefit_route",
        "targeted",
        "specialist_assessment",
    )
    list_filter = ("month", "locality", "targeted", "specialist_assessment", "benefit_route")
    list_select_related = ("locality", "age_band")
