"""The directory as an Excel workbook: codes like `01067` stay text; same data, same bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Column widths in characters: wide enough for most values, never a column across the whole screen.
MIN_WIDTH, MAX_WIDTH = 8, 60


def xlsx_cell(value: object) -> object:
    """A value as a workbook cell holds it: ja/nein, numbers as numbers, text on one line."""
    if value is None or isinstance(value, float):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return " ".join(str(value).split())


def workbook(
    sheets: dict[str, tuple[list[str], list[list[object]]]], text_columns: set[str], day: date
) -> bytes:
    """An XLSX file, a sheet per table (title → header, rows); `text_columns` text, no formulas."""
    book = Workbook()
    book.remove(book.active)
    for title, (header, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([xlsx_cell(value) for value in row])
        for name, column in zip(header, sheet.iter_cols(), strict=True):
            for cell in column:
                if isinstance(cell.value, str):
                    # openpyxl takes a leading „=“ for a formula; data is never one
                    cell.data_type = "s"
                if name in text_columns:
                    cell.number_format = "@"
            column[0].font = Font(bold=True)
        for number, width in enumerate(column_widths(header, rows), start=1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    moment = datetime(day.year, day.month, day.day)
    book.properties.created = book.properties.modified = moment
    book.properties.creator = "Offensive Mittelstand"
    buffer = io.BytesIO()
    book.save(buffer)
    return _dated(buffer.getvalue(), moment)


def column_widths(header: list[str], rows: list[list[object]]) -> list[float]:
    """Per column the width of its longest line (bold headers a bit wider), within MIN/MAX_WIDTH."""
    widths = []
    for index, name in enumerate(header):
        longest = max(
            (len(str(xlsx_cell(row[index]))) for row in rows if row[index] is not None), default=0
        )
        widths.append(
            float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2, round(len(name) * 1.1) + 2)))
        )
    return widths


def _dated(archive: bytes, moment: datetime) -> bytes:
    """The same ZIP with every entry and „modified“ dated `moment`: same data, same bytes.

    openpyxl stamps the ZIP entries and docProps/core.xml with the time of saving.
    """
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source, target = zipfile.ZipFile(io.BytesIO(archive)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, moment.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, content)
    return target.getvalue()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
