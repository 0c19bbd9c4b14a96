"""The public pages behind a review reminder's link, for a provider with no sign-in: its
listings, each confirmed still correct in one click or corrected in words (see
directory.listing_confirmations). GOV.UK pages; they work without JavaScript."""

import uuid

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .forms import ListingCorrectionsForm
from .listing_confirmations import (
    LinkExpired,
    confirmable_by_link,
    corrections_send,
    listing_confirm,
    provider_of_link,
)
from .models import Provider


def _provider_or_page(request, token):
    """The link's provider, or the page to show instead: expired (410) or not ours (404)."""
    try:
        return provider_of_link(token), None
    except LinkExpired:
        return None, render(request, "directory/listing_review/expired.html", status=410)
    except (signing.BadSignature, Provider.DoesNotExist, ValueError):
        return None, render(request, "directory/listing_review/not_found.html", status=404)


def _listing(provider, raw):
    try:
        pk = uuid.UUID(str(raw))
    except ValueError:
        return None
    return confirmable_by_link(provider).filter(pk=pk).first()


@require_http_methods(["GET", "HEAD", "POST"])
def listing_review(request, token):
    """The provider's published listings; a POST confirms one of them as still correct."""
    provider, page = _provider_or_page(request, token)
    if page:
        return page
    if request.method == "POST":
        listing = _listing(provider, request.POST.get("service"))
        if listing is None:
            messages.error(request, "Choose a listing from the list")
        else:
            listing_confirm(
                service=listing,
                on=timezone.localdate(),
                reason=f"Confirmed still correct by {provider.name}, by the review link",
            )
            messages.success(request, f"Thank you: {listing.name} is marked as still correct.")
        return redirect("directory:listing-review", token=token)
    return render(
        request,
        "directory/listing_review/listings.html",
        {
            "provider": provider,
            "listings": confirmable_by_link(provider).select_related("last_checked_by"),
            "token": token,
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def listing_corrections(request, token, pk):
    """Tell the council what has changed in one listing."""
    provider, page = _provider_or_page(request, token)
    if page:
        return page
    listing = _listing(provider, pk)
    if listing is None:
        return render(request, "directory/listing_review/not_found.html", status=404)
    form = ListingCorrectionsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        corrections_send(provider=provider, service=listing, changes=form.cleaned_data["changes"])
        messages.success(
            request,
            f"Thank you: the council's directory team will update {listing.name} and may "
            "contact you to check.",
        )
        return redirect("directory:listing-review", token=token)
    return render(
        request,
        "directory/listing_review/corrections.html",
        {"provider": provider, "listing": listing, "form": form, "token": token},
    )
