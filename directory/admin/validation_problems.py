"""A refused listing's reasons, as the back office shows them beside a decision or a revert."""

from django.core.exceptions import FieldDoesNotExist, ValidationError

from ..models import Service


def listing_problems(error: ValidationError) -> list[str]:
    """A listing's validation errors as sentences naming the fields of the service form."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    found = []
    for name, errors in error.error_dict.items():
        try:
            label = str(Service._meta.get_field(name).verbose_name).capitalize()
        except FieldDoesNotExist:
            label = name.replace("_", " ").capitalize()
        found += [f"{label}: {message}" for e in errors for message in e.messages]
    return found
