"""`manage.py import_postcodes`: ONSPD or a simple CSV, bad rows reported, bad files refused."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from directory.models import Postcode, PostcodeDistrict
from tests.factories import LocalityFactory

FILES = Path(__file__).parent / "files"


@pytest.fixture
def localities(db):
    return LocalityFactory(code="home", name="Home Valley"), LocalityFactory(
        code="away", name="Far Coast"
    )


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_postcodes", *args, stdout=out)
    return out.getvalue()


def test_a_simple_csv_loads_districts_and_postcodes_and_reports_bad_rows(localities):
    home, away = localities

    output = run(str(FILES / "simple.csv"))

    assert PostcodeDistrict.objects.get(code="DT1").locality == home
    # A postcode without a locality takes its district's.
    assert Postcode.objects.get(postcode="DT1 1XJ").locality == home
    assert Postcode.objects.get(postcode="BH20 4PP").locality == away
    # A district missing from the file is made at its postcodes' centre.
    assert PostcodeDistrict.objects.get(code="BH20").latitude == pytest.approx(50.686)
    assert "Read 7 rows. Saved 2 postcodes and 2 postcode districts. Skipped 4 rows." in output
    assert "1 skipped: not a postcode (rows 5)" in output
    assert "1 skipped: latitude or longitude is not a number (rows 6)" in output
    assert "1 skipped: unknown locality 'Atlantis' (rows 7)" in output
    assert "1 skipped: position is outside the UK (rows 8)" in output


def test_the_ons_postcode_directory_is_filtered_to_the_council(localities):
    output = run(str(FILES / "onspd.csv"), "--local-authority", "E06000059")

    assert set(Postcode.objects.values_list("postcode", flat=True)) == {"DT1 1XJ", "DT1 2AB"}
    assert "Left out 1 postcodes in other local authorities." in output
    assert "postcode no longer in use (rows 4)" in output
    assert "no position given (rows 6)" in output


def test_importing_twice_updates_rather_than_duplicates(localities):
    run(str(FILES / "simple.csv"))
    run(str(FILES / "simple.csv"))

    assert Postcode.objects.count() == 2


def test_a_dry_run_saves_nothing(localities):
    output = run(str(FILES / "simple.csv"), "--dry-run")

    assert "Would save 2 postcodes" in output
    assert not Postcode.objects.exists()
    assert not PostcodeDistrict.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"name,address\nx,y\n", "The first row must name the columns"),
        (
            b"postcode,latitude,longitude\nDT1 1XJ,50.7,-2.4\n\xff\xfe\xfa,1,2\n",
            "Nothing was saved",
        ),
    ],
)
def test_a_file_that_cannot_be_read_writes_nothing(localities, tmp_path, content, message):
    path = tmp_path / "postcodes.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        run(str(path))

    assert not Postcode.objects.exists()


def test_a_missing_file_is_reported(db):
    with pytest.raises(CommandError, match="There is no file at"):
        run("/no/such/file.csv")
