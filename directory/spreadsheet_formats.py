"""The file formats of the back office's imports and exports: django-import-export's CSV and
XLSX, with every cell written through safe_cell and every cell read through original_cell.

They clean whole files rather than fields, so that every column of every resource is covered,
however it is rendered. django-import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is
not used: in 4.4 it removes a leading "=" and nothing else (so +, -, @, tab and carriage return
still start formulas), changes the text rather than marking it, and makes every cell text."""

import tablib
from import_export.formats import base_formats

from .spreadsheet_cells import original_cell, safe_cell


def _neutralised(dataset: tablib.Dataset) -> tablib.Dataset:
    return tablib.Dataset(
        *([safe_cell(value) for value in row] for row in dataset),
        headers=[safe_cell(header) for header in dataset.headers or []] or None,
        title=dataset.title,
    )


def _restored(dataset: tablib.Dataset) -> tablib.Dataset:
    return tablib.Dataset(
        *([original_cell(value) for value in row] for row in dataset),
        headers=dataset.headers,
        title=dataset.title,
    )


class SafeCSV(base_formats.CSV):
    def create_dataset(self, in_stream, **kwargs):
        return _restored(super().create_dataset(in_stream, **kwargs))

    def export_data(self, dataset, **kwargs):
        return super().export_data(_neutralised(dataset), **kwargs)


class SafeXLSX(base_formats.XLSX):
    """openpyxl writes text starting with "=" as a formula: marked, it is a text cell. Text
    starting with +, -, @, a tab or a carriage return is marked too, so that it cannot run
    when the sheet is copied into another or saved as CSV."""

    def create_dataset(self, in_stream):
        return _restored(super().create_dataset(in_stream))

    def export_data(self, dataset, **kwargs):
        return super().export_data(_neutralised(dataset), **kwargs)
