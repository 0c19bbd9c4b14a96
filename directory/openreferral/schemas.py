"""What the API sends, as pydantic models: the served OpenAPI document is made from them, and
every response is written through them, so the document and the data cannot disagree.

Field names and meanings are those of the Open Referral UK profile (HSDS-UK 3.0). A field the
directory has no value for is left out rather than sent empty or null."""

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TaxonomyOut(Model):
    id: uuid.UUID
    name: str
    description: str
    version: str | None = None


class TaxonomyTermOut(Model):
    id: uuid.UUID
    name: str
    description: str
    taxonomy: str | None = Field(None, description="The name of the term's taxonomy.")
    taxonomy_id: uuid.UUID | None = None
    term: str | None = Field(None, description="The term's permanent code in the portal.")


class AttributeOut(Model):
    id: uuid.UUID
    link_id: uuid.UUID
    link_type: str
    taxonomy_term_id: uuid.UUID
    taxonomy_term: TaxonomyTermOut


class OrganizationIdentifierOut(Model):
    id: uuid.UUID
    organization_id: uuid.UUID
    identifier_scheme: str | None = None
    identifier_type: str
    identifier: str


class OrganizationOut(Model):
    id: uuid.UUID
    name: str
    description: str
    email: str | None = None
    website: str | None = None
    organization_identifiers: list[OrganizationIdentifierOut] | None = None


class ScheduleOut(Model):
    id: uuid.UUID
    service_id: uuid.UUID
    freq: Literal["WEEKLY", "MONTHLY"] | None = None
    interval: int | None = None
    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    description: str | None = None
    notes: str | None = None


class ServiceAreaOut(Model):
    id: uuid.UUID
    service_id: uuid.UUID
    name: str
    service_area: str | None = None


class CostOptionOut(Model):
    id: uuid.UUID
    service_id: uuid.UUID
    option: str | None = None
    amount: float | None = None
    amount_description: str | None = None


class PhoneOut(Model):
    id: uuid.UUID
    number: str


class ContactOut(Model):
    id: uuid.UUID
    service_id: uuid.UUID
    name: str | None = None
    email: str | None = None
    phones: list[PhoneOut] | None = None


class AddressOut(Model):
    id: uuid.UUID
    location_id: uuid.UUID
    address_1: str
    address_2: str | None = None
    city: str
    state_province: str
    postal_code: str
    country: str
    address_type: Literal["physical", "postal", "virtual"]


class AccessibilityOut(Model):
    id: uuid.UUID
    location_id: uuid.UUID
    description: str | None = None
    details: str | None = None


class LocationOut(Model):
    id: uuid.UUID
    location_type: Literal["physical", "postal", "virtual"]
    name: str
    latitude: float | None = None
    longitude: float | None = None
    addresses: list[AddressOut]
    accessibility: list[AccessibilityOut]
    attributes: list[AttributeOut]


class ServiceSummaryOut(Model):
    """A service as a list shows it (the profile's service_list)."""

    id: uuid.UUID
    organization_id: uuid.UUID
    name: str
    description: str
    url: str | None = None
    email: str | None = None
    status: Literal["active", "inactive", "defunct", "temporarily closed"]
    fees: str | None = None
    minimum_age: int
    maximum_age: int
    assured_date: dt.date | None = Field(None, description="The day the listing was last checked.")
    alert: str | None = None
    last_modified: dt.datetime
    organization: OrganizationOut


class ServiceAtLocationBriefOut(Model):
    id: uuid.UUID
    service_id: uuid.UUID
    location_id: uuid.UUID
    location: LocationOut


class ServiceOut(ServiceSummaryOut):
    """A service in full (the profile's service)."""

    schedules: list[ScheduleOut]
    service_areas: list[ServiceAreaOut]
    service_at_locations: list[ServiceAtLocationBriefOut]
    cost_options: list[CostOptionOut]
    contacts: list[ContactOut]
    attributes: list[AttributeOut]


class ServiceAtLocationOut(Model):
    id: uuid.UUID
    service_id: uuid.UUID
    location_id: uuid.UUID
    location: LocationOut
    service: ServiceSummaryOut


class PageOut(Model):
    total_items: int
    total_pages: int
    page_number: int
    size: int = Field(description="The number of items a full page holds.")
    first_page: bool
    last_page: bool
    empty: bool


class ServicePage(PageOut):
    contents: list[ServiceSummaryOut]


class ServiceAtLocationPage(PageOut):
    contents: list[ServiceAtLocationOut]


class TaxonomyPage(PageOut):
    contents: list[TaxonomyOut]


class TaxonomyTermPage(PageOut):
    contents: list[TaxonomyTermOut]


class ApiDetailsOut(Model):
    version: str
    profile: str
    openapi_url: str


class ProblemOut(Model):
    """What went wrong with a request."""

    status: int
    message: str
    errors: list[dict[str, str]] = Field(
        default_factory=list, description="For each bad parameter, its name and what is wrong."
    )
