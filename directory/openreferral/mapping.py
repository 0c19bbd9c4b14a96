"""The directory in Open Referral's words: loaded rows in, the API's models out.

Every id is the row's own UUID, or for parts that are not rows of their own (an address, a
cost option, an attribute) a UUID made from the row's id, so it never changes. The mapping,
field by field, is in docs/openreferral.md."""

import math
from dataclasses import dataclass

from ..models import Availability, Provider, Service, ServiceLocation, Tier, Venue
from ..presenters import contact_for, describe_cost, describe_date
from . import schemas
from .params import DAYS
from .taxonomies import AGE_BANDS, Term, stable_id


@dataclass(frozen=True)
class Context:
    """What every mapping needs besides the rows: the terms, the council, the site address."""

    terms_by_id: dict
    council_name: str
    site_url: str  # without a trailing slash
    options: object = None  # the FilterOptions the terms came from, for searches

    def terms_of(self, taxonomy) -> list[Term]:
        return [term for term in self.terms_by_id.values() if term.taxonomy is taxonomy]


# ---------------------------------------------------------------------- taxonomies


def taxonomy(taxonomy) -> schemas.TaxonomyOut:
    return schemas.TaxonomyOut(id=taxonomy.id, name=taxonomy.name, description=taxonomy.description)


def taxonomy_term(term: Term) -> schemas.TaxonomyTermOut:
    return schemas.TaxonomyTermOut(
        id=term.id,
        name=term.name,
        description=term.description,
        taxonomy=term.taxonomy.name,
        taxonomy_id=term.taxonomy.id,
        term=term.code,
    )


def _attribute(link_id, link_type: str, term: Term) -> schemas.AttributeOut:
    return schemas.AttributeOut(
        id=stable_id("attribute", link_id, term.id),
        link_id=link_id,
        link_type=link_type,
        taxonomy_term_id=term.id,
        taxonomy_term=taxonomy_term(term),
    )


# ---------------------------------------------------------------------- organisations


IDENTIFIERS = (
    ("charity_number", "GB-CHC", "Charity number"),
    ("ofsted_number", None, "Ofsted unique reference number"),
    ("cqc_number", None, "Care Quality Commission provider ID"),
)


def organization(provider: Provider) -> schemas.OrganizationOut:
    identifiers = [
        schemas.OrganizationIdentifierOut(
            id=stable_id("identifier", provider.pk, field),
            organization_id=provider.pk,
            identifier_scheme=scheme,
            identifier_type=kind,
            identifier=getattr(provider, field),
        )
        for field, scheme, kind in IDENTIFIERS
        if getattr(provider, field)
    ]
    return schemas.OrganizationOut(
        id=provider.pk,
        name=provider.name,
        description=provider.description,
        email=provider.email or None,
        website=provider.website or None,
        organization_identifiers=identifiers or None,
    )


# ---------------------------------------------------------------------- services


def fees(service: Service) -> str:
    """The cost in a sentence or two, in the words of the public page."""
    known = service.is_free or service.cost_amount is not None
    parts = [f"{describe_cost(service)}." if known else "", service.cost_description.strip()]
    if service.accepts_direct_payments:
        parts.append("You can pay with a direct payment.")
    return " ".join(part for part in parts if part)


def _alert(service: Service) -> str | None:
    if service.availability not in (Availability.FULL, Availability.WAITING_LIST):
        return None
    said = service.get_availability_display()
    if service.availability_on is None:
        return f"{said}."
    return f"{said} (the provider told us on {describe_date(service.availability_on)})."


def service_summary(service: Service, context: Context) -> schemas.ServiceSummaryOut:
    return schemas.ServiceSummaryOut(**_summary_fields(service, context))


def _summary_fields(service: Service, context: Context) -> dict:
    return {
        "id": service.pk,
        "organization_id": service.provider_id,
        "name": service.name,
        "description": service.description or service.summary,
        "url": service.website or f"{context.site_url}/directory/services/{service.pk}/",
        "email": contact_for(service).email or None,
        "status": "active",
        "fees": fees(service) or None,
        "minimum_age": service.min_age,
        "maximum_age": service.max_age,
        "assured_date": service.last_checked_on,
        "alert": _alert(service),
        "last_modified": service.updated_at,
        "organization": organization(service.provider),
    }


def _schedules(service: Service) -> list[schemas.ScheduleOut]:
    notes = service.timing_notes.strip() or None
    schedules = [
        schemas.ScheduleOut(
            id=session.pk,
            service_id=service.pk,
            freq="WEEKLY",
            interval=1,
            byday=DAYS[session.weekday],
            opens_at=f"{session.start_time:%H:%M}",
            closes_at=f"{session.end_time:%H:%M}",
            description=_session_description(session),
            notes=notes,
        )
        for session in service.sessions.all()
    ]
    if not schedules and notes:
        schedules = [
            schemas.ScheduleOut(
                id=stable_id("schedule", service.pk), service_id=service.pk, description=notes
            )
        ]
    return schedules


def _session_description(session) -> str:
    overnight = " (overnight)" if session.end_time < session.start_time else ""
    return (
        f"{session.get_weekday_display()}s, {session.start_time:%H:%M} to "
        f"{session.end_time:%H:%M}{overnight}: {session.get_period_display().lower()}"
    )


def _cost_options(service: Service) -> list[schemas.CostOptionOut]:
    id_ = stable_id("cost", service.pk)
    if service.is_free:
        return [
            schemas.CostOptionOut(
                id=id_, service_id=service.pk, option="Free", amount=0, amount_description="Free"
            )
        ]
    if service.cost_amount is None and not service.cost_description:
        return []
    unit = service.get_cost_unit_display() if service.cost_unit else None
    return [
        schemas.CostOptionOut(
            id=id_,
            service_id=service.pk,
            option=service.cost_description or None,
            amount=float(service.cost_amount) if service.cost_amount is not None else None,
            amount_description=unit,
        )
    ]


def _contacts(service: Service) -> list[schemas.ContactOut]:
    if not (service.contact_name or service.contact_email or service.contact_phone):
        return []
    id_ = stable_id("contact", service.pk)
    phones = [schemas.PhoneOut(id=stable_id("phone", id_), number=service.contact_phone)]
    return [
        schemas.ContactOut(
            id=id_,
            service_id=service.pk,
            name=service.contact_name or None,
            email=service.contact_email or None,
            phones=phones if service.contact_phone else None,
        )
    ]


def _service_attributes(service: Service, context: Context) -> list[schemas.AttributeOut]:
    terms = context.terms_by_id
    chosen = [terms[stable_id("tier", service.tier)]] if service.tier in Tier.values else []
    for related in (service.needs.all(), service.kinds.all(), service.localities.all()):
        chosen += [terms[item.pk] for item in related if item.pk in terms]
    chosen += [
        band
        for band in context.terms_of(AGE_BANDS)
        if band.ages[0] <= service.max_age and band.ages[1] >= service.min_age
    ]
    return [_attribute(service.pk, "service", term) for term in chosen]


def service_in_full(service: Service, context: Context) -> schemas.ServiceOut:
    return schemas.ServiceOut(
        **_summary_fields(service, context),
        schedules=_schedules(service),
        service_areas=[
            schemas.ServiceAreaOut(
                id=stable_id("area", service.pk, locality.pk),
                service_id=service.pk,
                name=locality.name,
                service_area=f"Families who live in {locality.name}",
            )
            for locality in service.localities.all()
        ],
        service_at_locations=[
            schemas.ServiceAtLocationBriefOut(
                id=link.pk,
                service_id=service.pk,
                location_id=link.venue_id,
                location=location(link.venue, context),
            )
            for link in service.locations.all()
        ],
        cost_options=_cost_options(service),
        contacts=_contacts(service),
        attributes=_service_attributes(service, context),
    )


# ---------------------------------------------------------------------- places


def location(venue: Venue, context: Context) -> schemas.LocationOut:
    features = list(venue.accessibility_features.all())
    accessibility = [
        schemas.AccessibilityOut(
            id=stable_id("accessibility", venue.pk, feature.pk),
            location_id=venue.pk,
            description=feature.name,
            details=feature.description or None,
        )
        for feature in features
    ]
    if venue.accessibility_notes:
        accessibility.append(
            schemas.AccessibilityOut(
                id=stable_id("accessibility", venue.pk, "notes"),
                location_id=venue.pk,
                description="Notes",
                details=venue.accessibility_notes,
            )
        )
    terms = context.terms_by_id
    known = venue.latitude is not None and venue.longitude is not None
    return schemas.LocationOut(
        id=venue.pk,
        location_type="physical",
        name=venue.name,
        latitude=venue.latitude if known and math.isfinite(venue.latitude) else None,
        longitude=venue.longitude if known and math.isfinite(venue.longitude) else None,
        addresses=[
            schemas.AddressOut(
                id=stable_id("address", venue.pk),
                location_id=venue.pk,
                address_1=venue.address_line_1,
                address_2=venue.address_line_2 or None,
                city=venue.town,
                state_province=context.council_name,
                postal_code=venue.postcode,
                country="GB",
                address_type="physical",
            )
        ],
        accessibility=accessibility,
        attributes=[
            _attribute(venue.pk, "location", terms[feature.pk])
            for feature in features
            if feature.pk in terms
        ],
    )


def service_at_location(link: ServiceLocation, context: Context) -> schemas.ServiceAtLocationOut:
    return schemas.ServiceAtLocationOut(
        id=link.pk,
        service_id=link.service_id,
        location_id=link.venue_id,
        location=location(link.venue, context),
        service=service_summary(link.service, context),
    )


# ---------------------------------------------------------------------- pages


def page_fields(total: int, number: int, size: int, shown: int) -> dict:
    """The profile's page wrapper. `size` is what a full page holds, so
    total_pages = ceil(total_items / size), and at least 1."""
    pages = max(1, math.ceil(total / size))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": size,
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": shown == 0,
    }
