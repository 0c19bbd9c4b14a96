"""The back office's timeout warning (portal.staff_sessions): its dialog, for a signed-in
staff user, which static/js/timeout-warning.js opens before the idle sign-out."""

from django import template

from ..staff_sessions import warning_settings

register = template.Library()


@register.inclusion_tag("admin/includes/timeout_warning.html", takes_context=True)
def timeout_warning(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not (user.is_authenticated and user.is_staff):
        return {"show": False}
    return {"show": True, "csrf_token": context.get("csrf_token"), **warning_settings()}
