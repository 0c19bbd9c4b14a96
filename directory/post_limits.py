"""How many of a public form one address may send: the site's forms that email or keep something
(a problem report, an alert request, a message to a personal assistant) share one rule."""

from django_ratelimit.core import is_ratelimited


def too_many_posts(request, form, *, group: str, rate: str, message: str) -> bool:
    """Count this POST against `rate` for the sender's address; over it, the form is refused with
    `message` (the view answers 429) and nothing is sent or kept."""
    if request.method != "POST":
        return False
    limited = is_ratelimited(
        request, group=group, key="ip", rate=rate, method="POST", increment=True
    )
    if limited:
        form.is_valid()
        form.add_error(None, message)
    return limited
