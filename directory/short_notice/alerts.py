"""Sending alerts: each due alert's search (a directory search, run over the search index by
directory.short_notice.matching) against the open places and the services published since it
was confirmed, each told once (SentAlert). Meant for a schedule: `manage.py send_place_alerts`
every few minutes sends immediate alerts at once and daily ones at most once a day."""

import datetime as dt
import time
from dataclasses import dataclass, field

import numpy as np
from django import forms
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone

from ..filters import ServiceFilter
from ..models import Council, Service
from ..querysets import FilterOptions
from .emails import MOST_SHOWN, alert_message
from .matching import PlaceFacts, matcher
from .models import Alert, Frequency, SentAlert, ShortNoticePlace
from .presenters import email_lines
from .shown import shown_places

DAILY = dt.timedelta(hours=23)  # a daily alert run a little early one day is not skipped
BATCH = 500  # alerts whose emails are recorded and sent in one transaction


@dataclass
class AlertRun:
    alerts: int = 0  # due alerts considered
    emails: int = 0
    places_told: int = 0
    services_told: int = 0
    matching_seconds: float = 0.0
    invalid_searches: int = 0
    messages: list = field(default_factory=list, repr=False)


def _due(now: dt.datetime):
    """Live alerts due now: immediate ones always, daily ones a day after their last."""
    return Alert.objects.live(now).filter(
        Q(frequency=Frequency.IMMEDIATE)
        | Q(last_sent_at__isnull=True)
        | Q(last_sent_at__lte=now - DAILY)
    )


def _stamps(moments) -> np.ndarray:
    return np.array([moment.timestamp() for moment in moments], dtype=np.float64)


class SearchReader:
    """The directory's Search for each alert's query string, as the directory's own filter
    (directory.filters.ServiceFilter) reads it, made fast for thousands of searches in a run:
    its form class is made once, each query's form has only the fields the query names (an
    absent field cleans to nothing, as it would in the whole form, and copying every field's
    choices for every alert cost most of the run), and each postcode is looked up once."""

    def __init__(self, options, council):
        self.filterset = ServiceFilter(
            QueryDict(),
            options=options,
            council_name=council.name,
            radius_miles=council.search_radius_miles,
        )
        self.form_class = type(self.filterset.form)
        self.council_name = council.name
        self._classes: dict = {}
        self._postcodes: dict = {}

    def _class_for(self, names: frozenset):
        if names not in self._classes:
            base, postcodes = self.form_class, self._postcodes

            class Only(base):
                base_fields = {n: f for n, f in base.base_fields.items() if n in names}

                def clean_postcode(self):
                    parsed = self.cleaned_data.get("postcode")
                    key = parsed.text if parsed is not None else None
                    if key not in postcodes:
                        try:
                            postcodes[key] = (super().clean_postcode(), None)
                        except forms.ValidationError as error:
                            postcodes[key] = (None, error)
                    located, error = postcodes[key]
                    if error is not None:
                        raise error
                    return located

            self._classes[names] = Only
        return self._classes[names]

    def search(self, query: str):
        """The Search; None if the query no longer validates (a list's term removed since)."""
        data = QueryDict(query)
        form = self._class_for(frozenset(data))(data)
        form.council_name = self.council_name
        self.filterset._form = form  # the filterset reads its search from this form
        return self.filterset.search if form.is_valid() else None


def match_alerts(alerts, facts: PlaceFacts, services, options, council) -> tuple[dict, dict, int]:
    """For each alert, the indexes of the places and of the services that fit its search and
    are newer than its confirmation: ({alert id: [place index]}, {alert id: [service index]},
    invalid searches). Alerts with the same search share its answer."""
    service_created = _stamps(service.created_at for service in services)
    reader = SearchReader(options, council)
    fitting_places, fitting_services, invalid = {}, {}, 0
    with matcher(options) as match:
        place_positions = match.positions(facts.service_ids)
        service_positions = match.positions([service.pk for service in services])
        answers = {}
        for alert in alerts:
            if alert.search not in answers:
                search = reader.search(alert.search)
                if search is None:
                    answers[alert.search] = None
                else:
                    found = match.find(search)
                    answers[alert.search] = (
                        match.fitting_places(search, found.members, place_positions, facts),
                        match.found_flags(found.members, service_positions),
                    )
            answer = answers[alert.search]
            if answer is None:
                invalid += 1
                continue
            since = alert.confirmed_at.timestamp()
            fitting_places[alert.pk] = np.flatnonzero(answer[0] & (facts.posted_at >= since))
            fitting_services[alert.pk] = np.flatnonzero(answer[1] & (service_created >= since))
    return fitting_places, fitting_services, invalid


def send_alerts(*, now: dt.datetime | None = None) -> AlertRun:
    """Send every due alert that has something new, and record what each told."""
    now = now or timezone.now()
    run = AlertRun()
    alerts = list(_due(now).order_by("pk"))
    run.alerts = len(alerts)
    if not alerts:
        return run
    oldest = min(alert.confirmed_at for alert in alerts)
    started = time.perf_counter()
    places = (
        ShortNoticePlace.objects.open_at(now)
        .filter(posted_at__gte=oldest)
        .order_by("starts_on", "start_time", "pk")
    )
    facts = PlaceFacts.of(places, posted=True)
    services = list(
        Service.objects.published()
        .filter(created_at__gte=oldest)
        .only("id", "name", "created_at")
        .order_by("name", "pk")
    )
    council = Council.objects.current()
    fitting_places, fitting_services, run.invalid_searches = match_alerts(
        alerts, facts, services, FilterOptions.load(), council
    )
    told = _already_told(facts.ids, [service.pk for service in services])
    run.matching_seconds = time.perf_counter() - started
    told_places = _places_to_tell(facts, fitting_places)
    sending = _Sending(facts, told_places, services, told, council, now)
    for start in range(0, len(alerts), BATCH):
        sending.send(alerts[start : start + BATCH], fitting_places, fitting_services, run)
    return run


def _places_to_tell(facts: PlaceFacts, fitting_places: dict) -> dict:
    """The places any alert may tell of, as their emails show them (read once), by id."""
    wanted = set()
    for indexes in fitting_places.values():
        wanted.update(facts.ids[i] for i in indexes)
    if not wanted:
        return {}
    return {
        place.pk: place for place in shown_places(ShortNoticePlace.objects.filter(pk__in=wanted))
    }


def _already_told(place_ids, service_ids) -> set:
    """(alert id, place or service id) of everything already sent about these."""
    told = set()
    for chunk in range(0, max(len(place_ids), len(service_ids)), 500):
        told |= set(
            SentAlert.objects.filter(place_id__in=place_ids[chunk : chunk + 500]).values_list(
                "alert_id", "place_id"
            )
        )
        told |= set(
            SentAlert.objects.filter(service_id__in=service_ids[chunk : chunk + 500]).values_list(
                "alert_id", "service_id"
            )
        )
    return told


@dataclass
class _Sending:
    facts: PlaceFacts
    places: dict  # id -> shown.ShownPlace
    services: list
    told: set
    council: Council
    now: dt.datetime
    lines: dict = field(default_factory=dict)  # each place's lines in an email, made once

    def place_lines(self, place_id) -> list[str]:
        if place_id not in self.lines:
            self.lines[place_id] = email_lines(self.places[place_id])
        return self.lines[place_id]

    def send(self, alerts, fitting_places, fitting_services, run: AlertRun) -> None:
        """Email each of these alerts that has something new, and record what each told."""
        messages, records, sent_ids = [], [], []
        for alert in alerts:
            new_places = [
                self.facts.ids[i]
                for i in fitting_places.get(alert.pk, ())
                if (alert.pk, self.facts.ids[i]) not in self.told
            ]
            new_services = [
                self.services[i]
                for i in fitting_services.get(alert.pk, ())
                if (alert.pk, self.services[i].pk) not in self.told
            ]
            if not new_places and not new_services:
                continue
            messages.append(
                alert_message(
                    alert,
                    [self.place_lines(pk) for pk in new_places[:MOST_SHOWN]],
                    new_services,
                    council=self.council,
                    more_places=max(0, len(new_places) - MOST_SHOWN),
                )
            )
            records += [SentAlert(alert=alert, place_id=pk, sent_at=self.now) for pk in new_places]
            records += [SentAlert(alert=alert, service=s, sent_at=self.now) for s in new_services]
            sent_ids.append(alert.pk)
            run.places_told += len(new_places)
            run.services_told += len(new_services)
        if not messages:
            return
        # Recorded before sending, in one transaction: if sending fails, nothing is recorded
        # and the next run tries again; nothing recorded is ever sent again.
        with transaction.atomic():
            SentAlert.objects.bulk_create(records, batch_size=1000)
            Alert.objects.filter(pk__in=sent_ids).update(last_sent_at=self.now)
            with get_connection() as connection:
                connection.send_messages(messages)
        run.emails += len(messages)
