"""Providers' proposed changes in the back office: the queue, each change shown against what
is live, and an editor's decision (directory.approvals)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import approvals, listings
from ..models import ProposedChange, Service
from ..proposal_merge import Keep
from ..versions import compare
from .directory_admin import DirectoryAdmin
from .forms import DecisionForm
from .read_only import ReadOnlyAdmin
from .scoping import ProviderScoped
from .validation_problems import listing_problems


class ApprovalForm(DecisionForm):
    """The decision, with a choice for each field an officer changed since the provider
    proposed the change (`clashes`, field names): required to approve."""

    def __init__(self, *args, clashes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.clashes = list(clashes)
        for name in self.clashes:
            self.fields[f"keep_{name}"] = forms.ChoiceField(
                choices=Keep.choices, widget=forms.RadioSelect, required=False
            )

    def clean(self):
        data = super().clean()
        if data.get("decision") == approvals.Decision.APPROVE:
            for name in self.clashes:
                if not data.get(f"keep_{name}"):
                    self.add_error(f"keep_{name}", "Choose which value to keep.")
        return data

    def choices(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(f"keep_{name}") for name in self.clashes}


def clash_rows(base, live, proposed, clashes, form):
    """Each field both the provider and an officer changed: as it was, as the officer made
    it, as the provider proposes it, and the approver's choice."""
    base = base or live
    officer = {d.field: d for d in compare(Service, base, live)}
    provider = {d.field: d for d in compare(Service, base, proposed)}
    return [
        {
            "label": provider[name].label,
            "was": provider[name].before,
            "live": officer[name].after,
            "proposed": provider[name].after,
            "field": form[f"keep_{name}"],
        }
        for name in clashes
        if name in officer and name in provider
    ]


@admin.register(ProposedChange)
class ProposedChangeAdmin(ReadOnlyAdmin, ProviderScoped, DirectoryAdmin):
    """The queue of providers' changes: each shown against what is live, with a decision (the
    only way a change is written here)."""

    list_display = ("service", "provider", "kind", "proposed_by", "proposed_at", "state")
    list_filter = ("state", "kind")
    search_fields = ("service__name", "service__provider__name")
    list_select_related = ("service__provider", "proposed_by")

    @admin.display(ordering="service__provider__name")
    def provider(self, change):
        return change.service.provider

    def has_approve_permission(self, request):
        return request.user.has_perm("directory.approve_proposedchange")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, unquote(object_id))
        if change is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        can_decide = (
            self.has_approve_permission(request) and change.state == ProposedChange.State.WAITING
        )
        service = change.service
        listing = listings.listing_of(service)
        is_edit = change.kind == ProposedChange.Kind.EDIT
        base = approvals.proposal_base(change) if is_edit else None
        merge = approvals.proposed_change_merge(change=change) if is_edit else None
        clashes = merge.clashes if merge and can_decide else []
        form = ApprovalForm(request.POST if request.method == "POST" else None, clashes=clashes)
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            if form.is_valid() and self._decide(request, change, form):
                return redirect(
                    reverse("admin:directory_proposedchange_changelist") + "?state__exact=waiting"
                )
        if is_edit:
            # Only what the provider changed: the rest stays as it is live.
            found = [
                difference
                for difference in listings.differences(listing, change.listing)
                if difference.field in merge.provider_changed and difference.field not in clashes
            ]
        else:
            found = listings.differences(None, listing)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{change.get_kind_display()}: {service}",
            "change": change,
            "differences": found,
            "clashes": clash_rows(base, listing, change.listing, clashes, form),
            "form": form,
            "can_decide": can_decide,
        }
        return TemplateResponse(request, "admin/directory/proposedchange/decide.html", context)

    def _decide(self, request, change, form) -> bool:
        """Whether the decision was made; if not, the form says why."""
        decision = approvals.Decision(form.cleaned_data["decision"])
        try:
            approvals.proposed_change_decide(
                change=change,
                by=request.user,
                decision=decision,
                reason=form.cleaned_data["reason"],
                choices=form.choices(),
            )
        except ValidationError as error:
            if getattr(error, "error_dict", {}).keys() <= set(form.fields):
                form.add_error(None, error)
            else:
                form.add_error(
                    None, "This change cannot go live as it is. Reject it with a reason."
                )
                for problem in listing_problems(error):
                    form.add_error(None, problem)
            return False
        if decision == approvals.Decision.APPROVE:
            done = f"Approved: “{change.service}” is live."
        else:
            done = f"Rejected: “{change.service}” is unchanged and the provider is told why."
        self.message_user(request, done, messages.SUCCESS)
        return True
