"""A personal assistant's own pages: ask for a link, then (through the emailed, signed,
expiring link) update or withdraw the profile; and confirm they are still available."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from directory.models import AgeBand, Need

from .. import links
from ..forms import ManageRequestForm, ProfileForm
from ..models import PersonalAssistant, Status
from ..services import manage_link_send, pa_confirm, pa_update, pa_withdraw


def _pa_for(token: str, purpose: str, statuses) -> PersonalAssistant | None:
    pa_id = links.read_token(token, purpose)
    if pa_id is None:
        return None
    return PersonalAssistant.objects.filter(pk=pa_id, status__in=statuses).first()


def _link_expired(request):
    return render(request, "personal_assistants/link_expired.html", status=404)


@require_http_methods(["GET", "HEAD", "POST"])
def manage_request(request):
    """Ask for a link by email. The page after says the same whether or not the address is
    on the register, so it tells nobody who is."""
    form = ManageRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        manage_link_send(email=form.cleaned_data["email"])
        return redirect("personal_assistants:manage-sent")
    return render(request, "personal_assistants/manage_request.html", {"form": form})


@require_safe
def manage_sent(request):
    return render(request, "personal_assistants/manage_sent.html")


LIVE = (Status.PENDING, Status.APPROVED, Status.LAPSED)


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """The PA changes what families see, or goes on to withdraw."""
    pa = _pa_for(token, "manage", LIVE)
    if pa is None:
        return _link_expired(request)
    kwargs = {
        "instance": pa,
        "age_bands": list(AgeBand.objects.order_by("min_age", "position")),
        "needs": list(Need.objects.order_by("position", "name")),
    }
    form = ProfileForm(request.POST if request.method == "POST" else None, **kwargs)
    saved = False
    if request.method == "POST" and form.is_valid():
        pa_update(form=form)
        saved = True
    return render(
        request,
        "personal_assistants/manage.html",
        {"form": form, "pa": pa, "token": token, "saved": saved},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token):
    """Are you sure? Withdrawing deletes the PA's personal data."""
    pa = _pa_for(token, "manage", LIVE)
    if pa is None:
        return _link_expired(request)
    if request.method == "POST":
        pa_withdraw(pa=pa)
        return redirect("personal_assistants:withdrawn")
    return render(request, "personal_assistants/withdraw.html", {"token": token})


@require_safe
def withdrawn(request):
    return render(request, "personal_assistants/withdrawn.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """'I am still available': a button, so that a mail scanner opening the link confirms
    nothing."""
    pa = _pa_for(token, "confirm", (Status.APPROVED, Status.LAPSED))
    if pa is None:
        return _link_expired(request)
    if request.method == "POST":
        pa_confirm(pa=pa, today=timezone.localdate())
        return render(request, "personal_assistants/confirmed.html", {"pa": pa})
    return render(request, "personal_assistants/confirm.html", {"pa": pa})
