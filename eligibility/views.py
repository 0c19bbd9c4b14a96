"""The checker's pages: start, one question per page, check your answers, the result.

Answers live only in the session, under SESSION_KEY, and are deleted when the result is shown;
the result keeps no date of birth, postcode or name."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from directory.council import council_for
from directory.models import Locality, Need

from .forms import FORMS, NeedsForm, PostcodeForm
from .journey import BY_NAME, Journey
from .models import Ruleset
from .presenters import answer_rows, directory_link, evidence_to_have_ready, result_cards
from .rules import assess
from .services import check_record_create

SESSION_KEY = "eligibility"
FIRST_STEP = "postcode"


def _state(request) -> dict | None:
    state = request.session.get(SESSION_KEY)
    return state if isinstance(state, dict) else None


def _journey(state) -> Journey | None:
    """The journey in the session, or None if the session has ended or its ruleset has gone."""
    if not state or "answers" not in state:
        return None
    rules = Ruleset.objects.rules_for(state.get("ruleset"))
    if rules is None:
        return None
    return Journey(rules, state["answers"], timezone.localdate())


def _url(step) -> str:
    return reverse("eligibility:question", args=[step.name])


def _next_url(journey: Journey) -> str:
    step = journey.next_step()
    return _url(step) if step else reverse("eligibility:check-answers")


@require_safe
def start(request):
    """What the checker is for, who it is for, and that it keeps no personal details."""
    ruleset = Ruleset.objects.current(timezone.localdate())
    return render(request, "eligibility/start.html", {"ruleset": ruleset})


def _expired(request):
    return render(request, "eligibility/expired.html", status=200)


@require_http_methods(["GET", "HEAD", "POST"])
def question(request, step_name):
    """One question. Nobody skips ahead: a question before this one unanswered sends you to it."""
    step = BY_NAME.get(step_name)
    if step is None:
        raise Http404("No such question")
    state = _state(request)
    if (state is None or "answers" not in state) and step_name == FIRST_STEP:
        ruleset = Ruleset.objects.current(timezone.localdate())
        if ruleset is None:
            return redirect("eligibility:start")
        # Kept in the session from the first answer, not before: a visit writes nothing.
        state = {"ruleset": ruleset.pk, "answers": {}}
    journey = _journey(state)
    if journey is None:
        return _expired(request)
    if not journey.may_ask(step):
        return redirect(_next_url(journey))

    council = council_for(request)
    form_class = FORMS[step.name]
    kwargs = {"council": council, "today": journey.today}
    if form_class is NeedsForm:
        kwargs["needs"] = Need.objects.all()
    if form_class is PostcodeForm:
        kwargs["skip"] = "skip" in request.POST
    if request.method == "POST":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            state["answers"][step.name] = form.to_session()
            request.session[SESSION_KEY] = state
            return redirect(_next_url(Journey(journey.ruleset, state["answers"], journey.today)))
    else:
        form = form_class(
            initial={"answer": form_class.initial_for(journey.answers.get(step.name))}, **kwargs
        )
    previous = journey.previous_step(step)
    back = (
        reverse("eligibility:check-answers")
        if request.GET.get("change")
        else (_url(previous) if previous else reverse("eligibility:start"))
    )
    return render(
        request, "eligibility/question.html", {"form": form, "step": step, "back_url": back}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def check_answers(request):
    """Every answer with a link to change it; sending them works out the result, once."""
    state = _state(request)
    if state and "result" in state and "answers" not in state:
        return redirect("eligibility:result")
    journey = _journey(state)
    if journey is None:
        return _expired(request)
    if journey.next_step() is not None:
        return redirect(_next_url(journey))
    if request.method == "POST":
        outcome = assess(journey.to_answers(), journey.ruleset, journey.today)
        needs = list(journey.to_answers().needs)
        check_record_create(
            outcome=outcome,
            ruleset_id=state["ruleset"],
            locality_id=journey.locality_id,
            need_codes=needs,
            on=journey.today,
        )
        locality = (
            Locality.objects.filter(pk=journey.locality_id).first() if journey.locality_id else None
        )
        # The answers go now: only the outcome stays, with nothing that identifies anyone.
        request.session[SESSION_KEY] = {
            "result": {
                "targeted": outcome.targeted.value,
                "specialist_assessment": outcome.specialist_assessment.value,
                "reasons": [[reason.rule, reason.text] for reason in outcome.reasons],
                "age": outcome.age,
                "needs": needs,
                "locality_code": locality.code if locality else "",
                "ruleset": state["ruleset"],
            }
        }
        return redirect("eligibility:result")
    needs_by_code = dict(Need.objects.values_list("code", "name"))
    last = journey.steps()[-1]
    return render(
        request,
        "eligibility/check_answers.html",
        {"rows": answer_rows(journey, needs_by_code), "back_url": _url(last)},
    )


@require_safe
def result(request):
    """The likely outcome, the reasons, what to do next, and short breaks that fit."""
    state = _state(request)
    if not state or "result" not in state:
        return redirect("eligibility:start")
    outcome = state["result"]
    ruleset = Ruleset.objects.with_rules_data().filter(pk=outcome["ruleset"]).first()
    if ruleset is None:
        return _expired(request)
    return render(
        request,
        "eligibility/result.html",
        {
            "cards": result_cards(outcome),
            "result": outcome,
            "ruleset": ruleset,
            "directory_url": directory_link(outcome),
            "evidence": evidence_to_have_ready(ruleset.to_rules(), outcome["age"]),
        },
    )


@require_POST
def start_again(request):
    """Forget everything the checker kept in the session."""
    request.session.pop(SESSION_KEY, None)
    return redirect("eligibility:start")
