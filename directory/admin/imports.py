"""Import and export of the directory's records in the back office, as CSV or XLSX."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from import_export.admin import ImportExportMixin

from .. import import_jobs
from ..import_storage import ConfirmUploadForm, ImportUploadStorage, UploadNotFound
from ..roles import acts_for_providers


class Importable(ImportExportMixin):
    """CSV and XLSX import (a preview of every row first; one bad row and nothing is written)
    and export of the change list as filtered. Importing is the council's, not providers'.

    Every file is read and written through directory.spreadsheet_formats (formula cells shown
    as text) and every upload kept through directory.import_storage (the confirm step's name
    never reaches the file system); neither can be changed in settings."""

    formats = import_formats = export_formats = list(import_jobs.FORMATS)
    tmp_storage_class = ImportUploadStorage
    confirm_form_class = ConfirmUploadForm
    import_template_name = "admin/directory/import.html"
    from_encoding = "utf-8-sig"  # Excel's "CSV UTF-8" starts with a byte order mark

    def has_import_permission(self, request):
        return (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and not acts_for_providers(request.user)
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_queryset(self, request):
        """The change list as filtered and searched, and never a record the user may not see,
        whatever the admin class is mixed with."""
        return super().get_export_queryset(request).visible_to(request.user)

    def import_action(self, request, **kwargs):
        """A file of more than BACKGROUND_ROWS rows is imported by the task queue, and the
        officer sent to its progress page; a smaller one is previewed here as before."""
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid():
                job = self._background_job(request, form)
                if job is not None:
                    return redirect(job.get_absolute_url())
        return super().import_action(request, **kwargs)

    def _background_job(self, request, form):
        upload = form.cleaned_data["import_file"]
        file_format = int(form.cleaned_data["format"])
        data = b"".join(upload.chunks())
        try:
            rows = len(import_jobs.read_dataset(data, file_format))
        except Exception:  # the preview says what is wrong with a file it cannot read
            return None
        if rows <= import_jobs.BACKGROUND_ROWS:
            return None
        return import_jobs.import_job_start(
            records=self.opts.model_name,
            file_name=upload.name,
            file_format=file_format,
            data=data,
            by=request.user,
        )

    def get_import_context_data(self, **kwargs):
        return {
            **super().get_import_context_data(**kwargs),
            "background_rows": import_jobs.BACKGROUND_ROWS,
        }

    def get_import_data_kwargs(self, **kwargs):
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "formats": len(self.get_import_formats()),
            "resources": len(self.get_import_resource_classes(request)),
        }

    def process_import(self, request, **kwargs):
        """The confirm step. Its hidden fields come back from the browser: if they were changed,
        or the upload is gone, the officer is sent back to upload the file again and no file
        is read or deleted."""
        if request.method == "POST" and self.has_import_permission(request):
            if not self.create_confirm_form(request).is_valid():
                return self._upload_again(request)
        try:
            return super().process_import(request, **kwargs)
        except UploadNotFound:
            return self._upload_again(request)

    def _upload_again(self, request):
        self.message_user(request, UploadNotFound.message, messages.ERROR)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))

    def get_data_for_export(self, request, queryset, **kwargs):
        """Numbers and dates keep their types in CSV as in XLSX, so that only text is
        neutralised (directory.spreadsheet_formats): a longitude of -2.44 stays a number, not
        the text "'-2.44". django-import-export keeps them only for its own binary format
        classes, which ours are subclasses of, not."""
        return super().get_data_for_export(
            request, queryset, **{**kwargs, "force_native_type": True}
        )

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnicodeError):
            message = (
                "The file is not saved as UTF-8 text. In Excel, choose Save As and "
                "'CSV UTF-8', or import the .xlsx file instead."
            )
        else:
            message = (
                "The file could not be read. Check you chose the right format (CSV or XLSX), "
                "or start from the template."
            )
        form.add_error("import_file", message)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Something changed since the preview: the import was rolled back.
            self.message_user(
                request,
                "Nothing was imported: some rows are no longer valid. Import the file again "
                "to see which.",
                messages.ERROR,
            )
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))
        return super().process_result(result, request)
