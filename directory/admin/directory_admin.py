"""What every page of the directory in the back office shares."""

from django.contrib import admin
from django.db import models


class DirectoryAdmin(admin.ModelAdmin):
    """The directory's model pages."""

    # Web addresses typed without a scheme are https, as they will be by default in Django 6.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
