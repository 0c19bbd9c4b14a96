"""Display logic for the site-wide pages."""


def describe_duration(seconds: int) -> str:
    """A cookie lifetime in words, for example 1209600 -> '14 days', 3600 -> '1 hour'."""
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} seconds"
