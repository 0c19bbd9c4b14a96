"""The back office's front page: what needs an officer's attention today."""

from django import template
from django.urls import reverse
from django.utils import timezone

from directory.roles import acts_for_providers

from .. import reviews
from ..models import Council, ProblemReport, ProposedChange, Service

register = template.Library()


@register.inclusion_tag("admin/directory/attention.html", takes_context=True)
def needs_attention(context):
    """Counts of overdue listings, listings due soon, proposed changes waiting and open problem
    reports, each linking to the list that shows them; a provider user sees only its own."""
    user = context["request"].user
    rows = []
    if user.has_perm("directory.view_service"):
        months = Council.objects.current().review_every_months
        cycle = reviews.Cycle(timezone.localdate(), months)
        listings = Service.objects.published()
        if acts_for_providers(user):
            listings = listings.filter(provider__users=user)
        services_url = reverse("admin:directory_service_changelist")
        rows.append(
            (
                "Listings overdue for review",
                listings.review_overdue(cycle).count(),
                f"{services_url}?review=overdue&status__exact=published",
            )
        )
        due_soon = listings.review_due_soon(cycle)
        rows.append(
            (
                f"Listings due for review in {reviews.DUE_SOON_DAYS} days",
                due_soon.count(),
                f"{services_url}?review=due-soon&status__exact=published",
            )
        )
    if user.has_perm("directory.view_proposedchange"):
        waiting = ProposedChange.objects.waiting()
        if acts_for_providers(user):
            waiting = waiting.for_user(user)
        changes_url = reverse("admin:directory_proposedchange_changelist")
        rows.append(
            (
                "Proposed changes waiting for approval",
                waiting.count(),
                f"{changes_url}?state__exact=waiting",
            )
        )
    if user.has_perm("directory.view_problemreport"):
        reports_url = reverse("admin:directory_problemreport_changelist")
        rows.append(
            (
                "Problem reports not yet resolved",
                ProblemReport.objects.exclude(state=ProblemReport.State.RESOLVED).count(),
                f"{reports_url}?state__in=new,in_progress",
            )
        )
    return {"rows": rows}
