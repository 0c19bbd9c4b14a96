"""Problem reports reach the council: the inbox opens each one, and a new report is emailed to
the council's feedback address through the task queue (run at once in tests)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from directory.models import ProblemReport
from directory.roles import DIRECTORY_EDITOR
from tests.factories import CouncilFactory, ProblemReportFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(client, django_capture_on_commit_callbacks):
    """A report sent from a listing's page, its email task enqueued once the report is saved."""

    def send(service, email=""):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("directory:report-problem", args=[service.pk]),
                {"kind": "out_of_date", "details": "It moved to Thursdays.", "email": email},
            )

    return send


def test_the_inbox_opens_each_report(client, django_assert_max_num_queries):
    reports = [ProblemReportFactory() for _ in range(3)]
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))

    with django_assert_max_num_queries(20):
        inbox = client.get(reverse("admin:directory_problemreport_changelist"))

    page = inbox.content.decode()
    for each in reports:
        url = reverse("admin:directory_problemreport_change", args=[each.pk])
        link = re.search(rf'<a href="{re.escape(url)}"[^>]*>([^<]+)</a>', page)
        assert link and link.group(1).strip() == each.get_kind_display()
        assert client.get(url).status_code == 200
    # No link inside another: the listing's own link stands alone.
    assert not re.search(r"<a [^>]*>[^<]*<a ", page)


def test_a_new_report_is_emailed_to_the_feedback_address(report):
    CouncilFactory(feedback_email="feedback@council.example")
    service = ServiceFactory(status="published", name="Rainbow Club")

    assert report(service, email="parent@example.com").status_code == 302

    [sent] = mail.outbox
    assert sent.to == ["feedback@council.example"]
    assert "Rainbow Club" in sent.subject
    assert "It moved to Thursdays." in sent.body
    assert "parent@example.com" not in sent.body  # the address stays in the back office
    opened = reverse("admin:directory_problemreport_change", args=[ProblemReport.objects.get().pk])
    assert opened in sent.body


def test_without_a_feedback_address_the_team_address_is_used(report):
    CouncilFactory(feedback_email="", contact_email="team@council.example")

    report(ServiceFactory(status="published"))

    assert [sent.to for sent in mail.outbox] == [["team@council.example"]]


def test_with_no_address_at_all_the_report_is_still_saved(report):
    CouncilFactory(feedback_email="", contact_email="")

    assert report(ServiceFactory(status="published")).status_code == 302

    assert ProblemReport.objects.count() == 1 and mail.outbox == []


def test_a_refused_report_sends_nothing(client, django_capture_on_commit_callbacks):
    CouncilFactory(feedback_email="feedback@council.example")
    service = ServiceFactory(status="published")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("directory:report-problem", args=[service.pk]), {"kind": "nonsense"})

    assert mail.outbox == [] and ProblemReport.objects.count() == 0
