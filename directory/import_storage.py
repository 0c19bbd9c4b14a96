"""Where a back-office import waits between its preview and its confirmation.

django-import-export keeps the uploaded file in temporary storage and writes the file's name
into a hidden field of the preview page; the confirm step sends the name back, and the file
of that name is read, imported, then deleted. Its default storage joins that name to the
server's temporary folder, so an officer who edited the field could make the server read and
delete another file there. Here the browser's name never reaches the file system: names are
made by the server (random, 32 hex digits), a name sent back is accepted only if it has
exactly that shape, and the files live in a folder of their own that only the server's user
may open. An import that cannot be found asks the officer to upload the file again.

A file's suffix records whether it was uploaded as text (CSV) or binary (XLSX), so a confirm
step whose format was changed finds nothing, rather than parsing the file as what it is not."""

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from uuid import uuid4

from django import forms
from import_export.forms import ConfirmImportForm
from import_export.tmp_storages import TempFolderStorage

FOLDER_NAME = "short-breaks-imports"
UPLOAD_NAME = re.compile(r"[0-9a-f]{32}")
UPLOAD_FILE = re.compile(r"[0-9a-f]{32}\.(txt|bin)")
STALE_AFTER = 24 * 60 * 60  # seconds after which an upload never confirmed is removed


class UploadNotFound(Exception):
    """The confirm step named no upload of ours: its name or format was changed, it was
    imported already, or it was cleared away as stale."""

    message = "The import could not be found. Upload the file again."


def is_upload_name(name) -> bool:
    """Whether the name is of the shape this storage gives its uploads."""
    return isinstance(name, str) and UPLOAD_NAME.fullmatch(name) is not None


def upload_folder() -> Path:
    """The uploads' folder in the temporary folder, made on first use for the server's user
    alone. Refused if it is a link or someone else's: on a shared temporary folder another
    user could have made it first to read the uploads."""
    folder = Path(tempfile.gettempdir()) / FOLDER_NAME
    folder.mkdir(mode=0o700, exist_ok=True)
    found = folder.lstat()
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.geteuid():
        raise PermissionError(f"{folder} is not a folder of this server's user: remove it.")
    if stat.S_IMODE(found.st_mode) != 0o700:
        folder.chmod(0o700)
    return folder


def _remove_stale(folder: Path) -> None:
    """Uploads whose preview found problems are never confirmed: they hold officers' data, so
    each upload clears those older than a day."""
    cutoff = time.time() - STALE_AFTER
    with os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(FileNotFoundError):
                if UPLOAD_FILE.fullmatch(entry.name) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)


class ImportUploadStorage(TempFolderStorage):
    """django-import-export's temporary storage, keeping uploads under names it made."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.name is not None and not is_upload_name(self.name):
            raise UploadNotFound

    def get_full_path(self) -> str:
        if not is_upload_name(self.name):
            raise UploadNotFound
        suffix = "bin" if "b" in self.read_mode else "txt"
        return str(upload_folder() / f"{self.name}.{suffix}")

    def save(self, data: bytes) -> None:
        _remove_stale(upload_folder())
        self.name = uuid4().hex
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(self.get_full_path(), flags, 0o600), "wb") as file:
            file.write(data)

    def read(self):
        path = self.get_full_path()
        try:
            with open(path, self.read_mode, encoding=self.encoding) as file:
                return file.read()
        except FileNotFoundError:
            raise UploadNotFound from None

    def remove(self) -> None:
        Path(self.get_full_path()).unlink(missing_ok=True)


class ConfirmUploadForm(ConfirmImportForm):
    """The confirm step's hidden fields, checked as sent. The name is kept exactly as it came
    (django-import-export's form keeps only its last part, so "../../x" would become "x"), and
    the format and resource must be the index of one offered: otherwise the upload is not ours
    to import."""

    def __init__(self, *args, formats: int, resources: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = {"format": formats, "resource": resources}

    def clean_import_file_name(self):
        name = self.cleaned_data["import_file_name"]
        if not is_upload_name(name):
            raise forms.ValidationError(UploadNotFound.message)
        return name

    def _index(self, field: str) -> str:
        value = self.cleaned_data[field]
        if field == "resource" and value == "":
            return value  # the first, as django-import-export reads it
        if not (value.isascii() and value.isdigit() and int(value) < self.choices[field]):
            raise forms.ValidationError(UploadNotFound.message)
        return value

    def clean_format(self):
        return self._index("format")

    def clean_resource(self):
        return self._index("resource")
