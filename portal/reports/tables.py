"""A report's tables as plain data: cells that may link, be marked as gaps and carry a heat
level; bar charts drawn as SVG from a table's column; and CSV."""

import csv
import io
from dataclasses import dataclass, field

from directory.spreadsheet_cells import safe_cell

HEAT_LEVELS = 4


@dataclass(frozen=True)
class Cell:
    value: int | str
    url: str = ""
    gap: bool = False  # zero or below the council's threshold
    heat: int = 0  # 0 (none) to HEAT_LEVELS, for a heat map's shading


@dataclass(frozen=True)
class Row:
    heading: str
    cells: list[Cell]
    url: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: float
    text_x: float


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart of one column, in SVG user units."""

    title: str
    bars: list[Bar]
    height: int
    width: int = 600
    label_width: int = 200


@dataclass(frozen=True)
class Table:
    slug: str
    caption: str
    row_heading: str
    columns: list[str]
    rows: list[Row]
    is_heat_map: bool = False
    note: str = ""
    chart: BarChart | None = None
    legend: list[str] = field(default_factory=list)
    page_limit: int | None = None  # rows shown on the page; the CSV has them all

    @property
    def page_rows(self) -> list[Row]:
        return self.rows if self.page_limit is None else self.rows[: self.page_limit]

    @property
    def rows_left_off(self) -> int:
        return len(self.rows) - len(self.page_rows)

    def csv(self) -> str:
        """The table as CSV: a header row, then one row per row of the table. Headings are
        the council's lists and providers' names, so every cell goes through safe_cell."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([safe_cell(value) for value in (self.row_heading, *self.columns)])
        for row in self.rows:
            writer.writerow(
                [safe_cell(value) for value in (row.heading, *(cell.value for cell in row.cells))]
            )
        return out.getvalue()


def heat_level(value: int, highest: int) -> int:
    """1 to HEAT_LEVELS in proportion to the highest value; 0 for nothing."""
    if value <= 0 or highest <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, round(HEAT_LEVELS * value / highest)))


def heat_map(
    *,
    slug: str,
    caption: str,
    row_heading: str,
    rows: list[tuple[str, object]],
    columns: list[tuple[str, object]],
    counts: dict,
    url_for,
    threshold: int,
) -> Table:
    """A table of counts keyed by (row key, column key), each cell shaded by its size, marked
    as a gap when below the threshold, and linked to `url_for(row key, column key)`."""
    highest = max(counts.values(), default=0)
    return Table(
        slug=slug,
        caption=caption,
        row_heading=row_heading,
        columns=[label for label, _ in columns],
        rows=[
            Row(
                label,
                [
                    Cell(
                        value := counts.get((row_key, column_key), 0),
                        url_for(row_key, column_key),
                        gap=value < threshold,
                        heat=heat_level(value, highest),
                    )
                    for _, column_key in columns
                ],
            )
            for label, row_key in rows
        ],
        is_heat_map=True,
        legend=[
            f"Cells marked ! have fewer than {threshold} published service"
            f"{'' if threshold == 1 else 's'}: a gap."
        ],
    )


BAR_HEIGHT = 28


def bar_chart(title: str, bars: list[tuple[str, float]], *, width=600, label_width=200) -> BarChart:
    """Bars in proportion to the largest, with room on the left for their labels."""
    highest = max((value for _, value in bars), default=0)
    room = width - label_width - 60
    drawn = []
    for index, (label, value) in enumerate(bars):
        length = room * value / highest if highest else 0
        drawn.append(
            Bar(label, value, index * BAR_HEIGHT, round(length, 1), label_width + length + 6)
        )
    return BarChart(title, drawn, height=max(1, len(bars)) * BAR_HEIGHT, width=width)
