"""Find a personal assistant: the search, a profile with its message form, and the register's
privacy notice."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from directory.council import council_for
from directory.models import Need
from directory.post_limits import too_many_posts
from directory.presenters import label_with_counts, page_links, selected_filters

from ..filters import SEARCH_PARAMETERS, PersonalAssistantFilter
from ..forms import MessageForm
from ..models import PersonalAssistant
from ..presenters import EMPLOYER_CHECKS, profile_of
from ..services import contact_send

PAGE_SIZE = 20


def listed(request):
    """The PAs families may see today, under the council's DBS limit."""
    council = council_for(request)
    return PersonalAssistant.objects.listed(
        today=timezone.localdate(), dbs_valid_years=council.pa_dbs_valid_years
    ).with_profile_data()


def _page_number(raw) -> int:
    return int(raw) if raw and raw.isdigit() and len(raw) < 6 else 1


@require_safe
def search(request):
    """Find a personal assistant: filters that GET, counts, tags, pages; shareable URLs."""
    council = council_for(request)
    needs = list(Need.objects.order_by("position", "name"))
    filterset = PersonalAssistantFilter(request.GET, needs=needs, council_name=council.name)
    matches = filterset.matches(listed(request))
    paginator = Paginator(matches.pas, PAGE_SIZE)
    page = paginator.get_page(_page_number(request.GET.get("page")))
    near = filterset.near
    form = filterset.form
    query = [(k, v) for k, values in request.GET.lists() for v in values if k in SEARCH_PARAMETERS]
    tags = selected_filters(request.path, query, form)
    label_with_counts(form, matches.option_counts)
    return render(
        request,
        "personal_assistants/search.html",
        {
            "form": form,
            "total": paginator.count,
            "page": page,
            "profiles": [profile_of(pa, near=near) for pa in page.object_list],
            "pagination": page_links(request.path, query, page.number, paginator.num_pages),
            "selected_filters": tags,
        },
    )


def _listed_or_404(request, pk) -> PersonalAssistant:
    pa = listed(request).filter(pk=pk).first()
    if pa is None:
        raise Http404("This personal assistant is not on the register")
    return pa


@require_http_methods(["GET", "HEAD", "POST"])
def profile(request, pk):
    """A PA's public profile, what the family must check as the employer, and a form that
    sends the PA a message (rate-limited; nothing kept but a count)."""
    pa = _listed_or_404(request, pk)
    council = council_for(request)
    needs = list(Need.objects.order_by("position", "name"))
    form = MessageForm(request.POST if request.method == "POST" else None, needs=needs)
    limited = too_many_posts(
        request,
        form,
        group="pa-contact",
        rate=settings.PA_CONTACT_RATE,
        message="You have sent a lot of messages in a short time. Wait an hour, then try again.",
    )
    if not limited and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contact_send(
            pa=pa,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            message=data["message"],
            need=next((n for n in needs if n.code == data["need"]), None),
            today=timezone.localdate(),
        )
        return redirect("personal_assistants:sent", pk=pa.pk)
    return render(
        request,
        "personal_assistants/profile.html",
        {
            "profile": profile_of(pa),
            "form": form,
            "checks": EMPLOYER_CHECKS,
            "guidance_url": council.direct_payments_guidance_url,
        },
        status=429 if limited else 200,
    )


@require_safe
def sent(request, pk):
    pa = _listed_or_404(request, pk)
    return render(request, "personal_assistants/sent.html", {"profile": profile_of(pa)})


@require_safe
def privacy(request):
    """The register's privacy notice, which every applicant agrees to."""
    return render(request, "personal_assistants/privacy.html")
