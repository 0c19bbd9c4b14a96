"""Work done on the task queue (django-tasks, ADR 0012), away from the request that asked for it:
a worker process (`manage.py db_worker`) runs each task. A task takes ids, never objects, and
reads what it needs afresh, since it may run minutes later in another process."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from .models import Council, ProblemReport


def problem_report_text(report: ProblemReport) -> tuple[str, str]:
    """The subject and body of the email telling the council a problem was reported. The
    reporter's email address stays in the back office: the email says only whether there is
    one to reply to."""
    link = settings.SITE_URL + reverse("admin:directory_problemreport_change", args=[report.pk])
    reply = "They would like a reply." if report.email else "They did not ask for a reply."
    body = "\n".join(
        [
            f"Someone reported a problem with the listing '{report.service.name}'.",
            "",
            f"What is wrong: {report.get_kind_display()}",
            "",
            report.details,
            "",
            reply,
            "",
            f"Open the report in the back office: {link}",
        ]
    )
    return f"Problem reported: {report.service.name}", body


@task()
def problem_report_notify(report_id: str) -> bool:
    """Email a new problem report to the council's feedback address (or its team's address).
    Returns whether an email was sent: not if the council has no address or the report has
    gone since."""
    to = Council.objects.current().feedback_address
    report = ProblemReport.objects.select_related("service").filter(pk=report_id).first()
    if not to or report is None:
        return False
    subject, body = problem_report_text(report)
    send_mail(subject, body, None, [to])
    return True
