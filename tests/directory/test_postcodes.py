import pytest

from directory.postcodes import outward_code, parse_postcode


@pytest.mark.parametrize(
    ("typed", "text", "district", "is_full"),
    [
        ("DT1 1XJ", "DT1 1XJ", "DT1", True),
        ("dt11xj", "DT1 1XJ", "DT1", True),
        ("  dt1  1xj ", "DT1 1XJ", "DT1", True),
        ("BH20-4PP", "BH20 4PP", "BH20", True),
        ("SW1A 2AA", "SW1A 2AA", "SW1A", True),
        ("M1 1AE", "M1 1AE", "M1", True),
        ("DT1", "DT1", "DT1", False),
        ("bh20", "BH20", "BH20", False),
    ],
)
def test_postcodes_are_read_however_families_type_them(typed, text, district, is_full):
    parsed = parse_postcode(typed)

    assert (parsed.text, parsed.district, parsed.is_full) == (text, district, is_full)


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "12345", "DT1 1X", "DTT 1XJ", "1DT 1XJ", "DT1 1XJX", "<script>", "DT1\x001XJ"],
)
def test_anything_that_cannot_be_a_postcode_is_refused(typed):
    assert parse_postcode(typed) is None


def test_outward_code_is_the_district():
    assert outward_code("BH20 4PP") == "BH20"
