"""The checker's pages: start, one question per page, check your answers, the result, and a
commissioner's preview of a draft ruleset.

Answers live only in the session, under SESSION_KEY, until the family starts again or the
session ends, so that "Change" works from the result too. The database keeps only the
anonymous record of a completed check (nothing from a preview)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from directory.council import council_for
from directory.models import Locality, Need

from .forms import FORMS, NeedsForm, PostcodeForm
from .journey import BY_NAME, Journey
from .models import Ruleset
from .presenters import (
    answer_rows,
    criteria_used,
    directory_link,
    evidence_to_have_ready,
    result_cards,
    young_adult_route,
)
from .rules import BENEFITS, assess
from .services import check_record_create

SESSION_KEY = "eligibility"
FIRST_STEP = "postcode"
PREVIEW_PERMISSION = "eligibility.change_ruleset"


def _state(request) -> dict | None:
    state = request.session.get(SESSION_KEY)
    return state if isinstance(state, dict) and isinstance(state.get("answers"), dict) else None


def _may_preview(request) -> bool:
    user = request.user
    return user.is_authenticated and user.is_staff and user.has_perm(PREVIEW_PERMISSION)


def _journey(request, state) -> Journey | None:
    """The journey in the session, or None if the session has ended, its ruleset has gone, or
    it is a preview and the visitor may no longer preview."""
    if state is None:
        return None
    pk = state.get("ruleset")
    if state.get("preview"):
        if not _may_preview(request) or not isinstance(pk, int):
            return None
        draft = Ruleset.objects.with_rules_data().filter(pk=pk).first()
        rules = draft.to_rules() if draft else None
    else:
        rules = Ruleset.objects.rules_for(pk)
    if rules is None:
        return None
    return Journey(rules, state["answers"], timezone.localdate())


def _url(step) -> str:
    return reverse("eligibility:question", args=[step.name])


def _next_url(journey: Journey) -> str:
    if journey.out_of_area:
        return reverse("eligibility:result")
    step = journey.next_step()
    return _url(step) if step else reverse("eligibility:check-answers")


def _page(request, template, state, context, status=200):
    """A checker page, with the preview banner when a commissioner is previewing a draft."""
    preview = None
    if state and state.get("preview"):
        preview = Ruleset.objects.filter(pk=state.get("ruleset")).first()
    return render(request, template, {**context, "preview": preview}, status=status)


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
    if state is None and step_name == FIRST_STEP:
        ruleset = Ruleset.objects.current(timezone.localdate())
        if ruleset is None:
            return redirect("eligibility:start")
        # Kept in the session from the first answer, not before: a visit writes nothing.
        state = {"ruleset": ruleset.pk, "answers": {}}
    journey = _journey(request, state)
    if journey is None:
        return _expired(request)
    if not journey.may_ask(step):
        return redirect(_next_url(journey))

    council = council_for(request)
    form_class = FORMS[step.name]
    kwargs = {"council": council, "today": journey.today, "age": journey.age}
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
    if request.GET.get("change"):
        back = reverse("eligibility:check-answers")
    else:
        back = _url(previous) if previous else reverse("eligibility:start")
    return _page(
        request,
        "eligibility/question.html",
        state,
        {"form": form, "step": step, "back_url": back},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def check_answers(request):
    """Every answer with a link to change it; sending them shows the result."""
    state = _state(request)
    journey = _journey(request, state)
    if journey is None:
        return _expired(request)
    if journey.out_of_area or journey.next_step() is not None:
        return redirect(_next_url(journey))
    if request.method == "POST":
        if not state.get("preview") and not state.get("recorded"):
            outcome = assess(journey.to_answers(), journey.ruleset, journey.today)
            check_record_create(
                outcome=outcome,
                ruleset_id=state["ruleset"],
                locality_id=journey.locality_id,
                need_codes=list(journey.to_answers().needs),
                on=journey.today,
            )
            state["recorded"] = True  # a changed answer changes the result, not the count
        state["sent"] = True
        request.session[SESSION_KEY] = state
        return redirect("eligibility:result")
    needs_by_code = dict(Need.objects.values_list("code", "name"))
    last = journey.steps()[-1]
    return _page(
        request,
        "eligibility/check_answers.html",
        state,
        {
            "rows": answer_rows(journey, needs_by_code, council_for(request)),
            "back_url": _url(last),
        },
    )


@require_safe
def result(request):
    """The likely outcome, the reasons, what to do next, and short breaks that fit, worked out
    afresh from the answers in the session."""
    state = _state(request)
    if state is None:
        return redirect("eligibility:start")
    journey = _journey(request, state)
    if journey is None:
        return _expired(request)
    council = council_for(request)
    if journey.out_of_area:
        return _page(request, "eligibility/out_of_area.html", state, {"journey": journey})
    if journey.next_step() is not None or not state.get("sent"):
        return redirect(_next_url(journey))
    answers = journey.to_answers()
    outcome = assess(
        answers, journey.ruleset, journey.today, team=council.disabled_children_team_name
    )
    locality = (
        Locality.objects.filter(pk=journey.locality_id).first() if journey.locality_id else None
    )
    shown = {
        "targeted": outcome.targeted.value,
        "specialist_assessment": outcome.specialist_assessment.value,
        "reasons": [[reason.rule, reason.text] for reason in outcome.reasons],
        "age": outcome.age,
        "needs": list(answers.needs),
        "locality_code": locality.code if locality else "",
        "pending": any(getattr(answers, b) in ("applied", "not_sure") for b in BENEFITS),
    }
    ruleset = Ruleset.objects.filter(pk=state["ruleset"]).first()
    if ruleset is None:
        return _expired(request)
    needs_by_code = dict(Need.objects.values_list("code", "name"))
    return _page(
        request,
        "eligibility/result.html",
        state,
        {
            "cards": result_cards(shown),
            "result": shown,
            "criteria_used": criteria_used(ruleset, council, journey.today),
            "directory_url": directory_link(shown),
            "young_adults": young_adult_route(shown, council),
            "evidence": evidence_to_have_ready(answers, journey.ruleset, outcome.age),
            "rows": answer_rows(journey, needs_by_code, council),
        },
    )


@require_POST
def start_again(request):
    """Forget everything the checker kept in the session."""
    request.session.pop(SESSION_KEY, None)
    return redirect("eligibility:start")


@require_safe
def preview(request, pk):
    """A commissioner walks the public journey against a ruleset (a draft, usually) before it
    is published. Nothing is recorded; only staff who may change rulesets may preview."""
    if not _may_preview(request):
        raise Http404("No such page")
    ruleset = get_object_or_404(Ruleset, pk=pk)
    request.session[SESSION_KEY] = {"ruleset": ruleset.pk, "answers": {}, "preview": True}
    return redirect("eligibility:question", FIRST_STEP)
