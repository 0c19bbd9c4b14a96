"""A personal assistant applies: a start page, one thing per page, check your answers, and a
confirmation. The answers live only in the session (SESSION_KEY) until they are sent; then
the application is saved, waiting for an officer, and the session forgets them."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from directory.council import council_for
from directory.models import AgeBand, Need

from ..forms import FORMS
from ..journey import BY_NAME, STEPS, Application
from ..models import DAYS, TIMES, Offer
from ..presenters import answer_lines
from ..services import pa_apply

SESSION_KEY = "pa_application"


def _answers(request) -> dict | None:
    answers = request.session.get(SESSION_KEY)
    return answers if isinstance(answers, dict) else None


def _url(step) -> str:
    return reverse("personal_assistants:apply-question", args=[step.name])


def _next_url(application: Application) -> str:
    step = application.next_step()
    return _url(step) if step else reverse("personal_assistants:apply-check")


def _lists():
    """The council's lists the application chooses from: (age bands, needs)."""
    bands = list(AgeBand.objects.order_by("min_age", "position"))
    needs = list(Need.objects.order_by("position", "name"))
    return bands, needs


@require_safe
def start(request):
    """Who can join the register, what the council checks, and what families see."""
    return render(request, "personal_assistants/apply_start.html")


@require_http_methods(["GET", "HEAD", "POST"])
def question(request, step_name):
    """One page of the application. Nobody skips ahead: an earlier page unanswered sends
    you to it."""
    step = BY_NAME.get(step_name)
    if step is None:
        raise Http404("No such page")
    answers = _answers(request)
    if answers is None:
        if step is not STEPS[0]:
            return redirect("personal_assistants:apply")
        answers = {}
    application = Application(answers)
    if not application.may_ask(step):
        return redirect(_next_url(application))
    bands, needs = _lists()
    kwargs = {
        "today": timezone.localdate(),
        "council": council_for(request),
        "choices": {
            "age_bands": [(b.code, b.name) for b in bands],
            "needs": [(n.code, n.name) for n in needs],
        },
    }
    form_class = FORMS[step.name]
    if request.method == "POST":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            # Kept in the session from the first answer, not before: a visit writes nothing.
            answers[step.name] = form.to_session()
            request.session[SESSION_KEY] = answers
            if request.GET.get("change") and Application(answers).complete:
                return redirect("personal_assistants:apply-check")
            return redirect(_next_url(Application(answers)))
    else:
        form = form_class(initial=form_class.initial_for(answers.get(step.name)), **kwargs)
    previous = application.previous_step(step)
    back = (
        reverse("personal_assistants:apply-check")
        if request.GET.get("change")
        else (_url(previous) if previous else reverse("personal_assistants:apply"))
    )
    return render(
        request,
        "personal_assistants/apply_question.html",
        {"form": form, "step": step, "back_url": back},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def check_answers(request):
    """Every answer with a link to change it; sending them saves the application."""
    answers = _answers(request)
    if answers is None:
        return redirect("personal_assistants:apply")
    application = Application(answers)
    if not application.complete:
        return redirect(_next_url(application))
    bands, needs = _lists()
    if request.method == "POST":
        chosen_bands = [b for b in bands if b.code in application.age_codes]
        chosen_needs = [n for n in needs if n.code in application.need_codes]
        try:
            pa_apply(fields=application.fields(), needs=chosen_needs, age_bands=chosen_bands)
        except (ValidationError, KeyError, TypeError, ValueError):
            # The council's lists changed under the answers, or the answers are not ours:
            # start again rather than save something nobody checked.
            request.session.pop(SESSION_KEY, None)
            return redirect("personal_assistants:apply")
        request.session.pop(SESSION_KEY, None)
        return redirect("personal_assistants:apply-sent")
    labels = {
        "age_bands": {b.code: b.name for b in bands},
        "needs": {n.code: n.name for n in needs},
        "offers": dict(Offer.choices),
        "days": dict(DAYS),
        "times": dict(TIMES),
    }
    rows = [
        {
            "question": step.summary,
            "lines": answer_lines(answers[step.name], labels=labels),
            "change_url": f"{_url(step)}?change=1",
        }
        for step in STEPS
    ]
    return render(
        request,
        "personal_assistants/apply_check.html",
        {"rows": rows, "back_url": _url(STEPS[-1])},
    )


@require_safe
def sent(request):
    return render(request, "personal_assistants/apply_sent.html")
