"""The register's public forms: the application's pages, a family's message, and a PA's own
pages."""

from .application import FORMS, StepForm
from .family import MessageForm
from .profile import ManageRequestForm, ProfileForm

__all__ = ["FORMS", "ManageRequestForm", "MessageForm", "ProfileForm", "StepForm"]
