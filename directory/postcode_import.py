"""Loading postcode positions: the ONS Postcode Directory, or a simple CSV a council writes.

Formats, told apart by their header row:
- ONSPD: columns `pcds`, `lat`, `long` (and `doterm`, and the local authority code in `oslaua`
  or a `lad..cd` column, used with `local_authority`).
- simple: `postcode,latitude,longitude,locality`, where `postcode` may be a whole postcode or a
  district (DT1) and `locality` is a locality's name or code, or empty.
Bad rows are skipped and reported; a file that cannot be read at all writes nothing.
"""

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from .models import Locality, Postcode, PostcodeDistrict
from .postcodes import parse_postcode

UK_LATITUDES = (49.0, 61.0)
UK_LONGITUDES = (-8.7, 2.0)
ONSPD_NO_POSITION = 99.999999
BATCH = 2000
SHOWN_SKIPS = 20


class PostcodeFileError(Exception):
    """The file cannot be imported at all: nothing was written."""


@dataclass
class ImportReport:
    rows: int = 0
    postcodes: int = 0
    districts: int = 0
    other_areas: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)

    @property
    def skip_reasons(self) -> Counter:
        return Counter(reason for _, reason in self.skipped)


def _columns(header: list[str]) -> tuple[str, dict[str, str]]:
    names = {name.strip().lower(): name for name in header}
    if {"pcds", "lat", "long"} <= names.keys():
        authority = next(
            (
                names[n]
                for n in names
                if n == "oslaua" or (n.startswith("lad") and n.endswith("cd"))
            ),
            None,
        )
        return "onspd", {
            "postcode": names["pcds"],
            "latitude": names["lat"],
            "longitude": names["long"],
            "terminated": names.get("doterm"),
            "authority": authority,
        }
    if {"postcode", "latitude", "longitude"} <= names.keys():
        return "simple", {
            "postcode": names["postcode"],
            "latitude": names["latitude"],
            "longitude": names["longitude"],
            "locality": names.get("locality"),
        }
    raise PostcodeFileError(
        "The first row must name the columns: either pcds, lat and long (the ONS Postcode "
        "Directory), or postcode, latitude, longitude and locality. "
        f"This file has: {', '.join(header) or 'nothing'}."
    )


def _position(row, columns) -> tuple[float, float] | str:
    try:
        latitude = float(row[columns["latitude"]])
        longitude = float(row[columns["longitude"]])
    except (TypeError, ValueError):
        return "latitude or longitude is not a number"
    if latitude == ONSPD_NO_POSITION:
        return "no position given"
    if not (UK_LATITUDES[0] <= latitude <= UK_LATITUDES[1]) or not (
        UK_LONGITUDES[0] <= longitude <= UK_LONGITUDES[1]
    ):
        return "position is outside the UK"
    return latitude, longitude


def postcodes_import(
    *, text: Iterable[str], local_authority: str | None = None, dry_run: bool = False
) -> ImportReport:
    """Read a postcode file and save its postcodes and districts, all or nothing.

    `text` is the file's lines. Rows that cannot be used are skipped, with the reason, in the
    report; districts missing from the table are added at the average of their postcodes."""
    reader = csv.reader(text)
    try:
        header = next(reader, None)
    except (UnicodeDecodeError, csv.Error) as error:
        raise PostcodeFileError(
            f"The file is not a UTF-8 CSV file ({error}). Nothing was saved."
        ) from error
    if not header:
        raise PostcodeFileError("The file is empty.")
    kind, columns = _columns(header)
    if local_authority and kind == "onspd" and not columns["authority"]:
        raise PostcodeFileError("This file has no local authority column to filter by.")

    localities = {}
    for locality in Locality.objects.all():
        localities[locality.name.lower()] = localities[locality.code.lower()] = locality
    existing_districts = dict(PostcodeDistrict.objects.values_list("code", "locality_id"))
    report = ImportReport()
    district_sums = defaultdict(lambda: [0.0, 0.0, 0, Counter()])
    batch: dict[str, Postcode] = {}
    districts: dict[str, PostcodeDistrict] = {}
    keys = list(columns.values())

    try:
        with transaction.atomic():
            for line, values in enumerate(reader, start=2):
                report.rows += 1
                row = dict(zip(header, values, strict=False))
                if any(key and key not in row for key in keys):
                    report.skipped.append((line, "too few columns"))
                    continue
                if kind == "onspd":
                    if local_authority and row[columns["authority"]].strip() != local_authority:
                        report.other_areas += 1
                        continue
                    if columns["terminated"] and row[columns["terminated"]].strip():
                        report.skipped.append((line, "postcode no longer in use"))
                        continue
                parsed = parse_postcode(row[columns["postcode"]])
                if parsed is None:
                    report.skipped.append((line, "not a postcode"))
                    continue
                position = _position(row, columns)
                if isinstance(position, str):
                    report.skipped.append((line, position))
                    continue
                locality = None
                locality_name = (row.get(columns.get("locality") or "", "") or "").strip()
                if locality_name:
                    locality = localities.get(locality_name.lower())
                    if locality is None:
                        report.skipped.append((line, f"unknown locality '{locality_name}'"))
                        continue
                if not parsed.is_full:
                    districts[parsed.district] = PostcodeDistrict(
                        code=parsed.district,
                        latitude=position[0],
                        longitude=position[1],
                        locality=locality,
                    )
                    existing_districts[parsed.district] = locality.pk if locality else None
                    continue
                sums = district_sums[parsed.district]
                sums[0] += position[0]
                sums[1] += position[1]
                sums[2] += 1
                if locality:
                    sums[3][locality.pk] += 1
                batch[parsed.text] = Postcode(
                    postcode=parsed.text,
                    latitude=position[0],
                    longitude=position[1],
                    locality_id=locality.pk
                    if locality
                    else existing_districts.get(parsed.district),
                )
                if len(batch) >= BATCH:
                    report.postcodes += _save_postcodes(batch)
            report.postcodes += _save_postcodes(batch)
            for code, (lat_sum, lng_sum, count, votes) in district_sums.items():
                if code in existing_districts or code in districts:
                    continue
                districts[code] = PostcodeDistrict(
                    code=code,
                    latitude=lat_sum / count,
                    longitude=lng_sum / count,
                    locality_id=votes.most_common(1)[0][0] if votes else None,
                )
            report.districts = _save_districts(districts)
            _give_postcodes_their_districts_locality(districts.values())
            if dry_run:
                transaction.set_rollback(True)
    except (UnicodeDecodeError, csv.Error) as error:
        raise PostcodeFileError(
            f"The file could not be read after row {report.rows + 1} ({error}). Nothing was saved."
        ) from error
    return report


def _save_postcodes(batch: dict[str, Postcode]) -> int:
    saved = _upsert(Postcode, batch.values(), key="postcode")
    batch.clear()
    return saved


def _save_districts(districts: dict[str, PostcodeDistrict]) -> int:
    return _upsert(PostcodeDistrict, districts.values(), key="code")


def _upsert(model, rows, *, key: str) -> int:
    """Insert the rows, or update the position and locality of those already there."""
    rows = list(rows)
    if rows:
        model.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=[key],
            update_fields=["latitude", "longitude", "locality"],
        )
    return len(rows)


def _give_postcodes_their_districts_locality(districts) -> None:
    """Postcodes read before their district's row, without a locality of their own."""
    for district in districts:
        if district.locality_id:
            Postcode.objects.filter(
                postcode__startswith=f"{district.code} ", locality__isnull=True
            ).update(locality_id=district.locality_id)


def open_text(path) -> io.TextIOBase:
    """Open a file as UTF-8 text (with or without a byte-order mark)."""
    return open(path, encoding="utf-8-sig", newline="")
