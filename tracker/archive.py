"""Bounds on zip-based documents (.docx, .xlsx) checked before anything is unpacked.

A Word or Excel file is a zip archive, and a few kilobytes of it can declare gigabytes of XML, an image part
nobody reads, a table cell spanning two hundred million columns or a sheet reaching cell XFD1048576. Every
limit here is checked on what the archive declares or on the raw XML, before python-docx or openpyxl builds
anything, and each breach is one Chinese line naming the file and the limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .text import shown

MB = 1024 * 1024
MAX_TOTAL = 200 * MB  # all the parts read, uncompressed
MAX_PART = 50 * MB  # one XML part, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1 * MB
MAX_GRID_SPAN = 64  # Word allows 63 columns
MAX_TABLE_ROWS = 3000
MAX_SHEET_ROWS = 20000
MAX_SHEET_COLUMNS = 200
MAX_PARTS = 10000

# Parts that carry no text: pictures, embedded objects, fonts. They are replaced by empty parts, never inflated.
_UNUSED = re.compile(r"(?:^|/)(?:media|embeddings|fonts)/|\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|bin|odttf)$", re.I)
_GRID_SPAN = re.compile(rb"<w:gridSpan\b[^>]*?w:val=\"(\d+)\"")
_TABLE_ROW = re.compile(rb"<w:tr[\s>]")
_CELL = re.compile(rb"<c\b([^>]*?)(/?)>")
_CELL_REF = re.compile(rb"\br=\"([A-Z]{1,3})(\d+)\"")
_ROW = re.compile(rb"<row\b")


@dataclass(frozen=True)
class Grid:
    """The rows and columns a workbook's cells with content really reach."""

    rows: int
    columns: int


def bounded_package(path: Path) -> dict[str, bytes]:
    """Given a .docx or .xlsx, return its parts after checking sizes and ratios; unused parts come back empty."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(f"“{shown(path.name)}”已损坏或不是有效的 Office 文件。"
                         f"请用 Word/WPS/Excel 打开后重新另存，再试。") from error
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise _too_big(path, f"压缩包内有 {len(infos)} 个部件，超过 {MAX_PARTS} 个的上限")
        used = [info for info in infos if not info.is_dir() and not _UNUSED.search(info.filename)]
        total = sum(info.file_size for info in used)
        if total > MAX_TOTAL:
            raise _too_big(path, f"解压后约 {total // MB} MB，超过 {MAX_TOTAL // MB} MB 的上限")
        for info in used:
            if info.file_size > MAX_PART:
                raise _too_big(path, f"其中“{shown(info.filename)}”解压后约 {info.file_size // MB} MB，"
                                     f"超过单个部件 {MAX_PART // MB} MB 的上限")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
                raise _too_big(path, f"其中“{shown(info.filename)}”的压缩比超过 {MAX_RATIO} 倍，像是“压缩炸弹”")
        parts = {}
        wanted = {id(info) for info in used}
        for info in infos:
            if info.is_dir():
                continue
            if id(info) in wanted:
                with archive.open(info) as member:
                    # A header may understate the size; never read more than it declared.
                    data = member.read(info.file_size + 1)
                if len(data) > info.file_size:
                    raise _too_big(path, f"其中“{shown(info.filename)}”的实际大小与声明不符")
                parts[info.filename] = data
            else:
                parts[info.filename] = b""
    return parts


def repack(parts: dict[str, bytes]) -> io.BytesIO:
    """The checked parts as a zip in memory, for python-docx or openpyxl to open."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def bounded_docx(path: Path) -> io.BytesIO:
    """A .docx ready for python-docx, with its tables checked against the real grid."""
    parts = bounded_package(path)
    body = parts.get("word/document.xml", b"")
    spans = [int(value) for value in _GRID_SPAN.findall(body)]
    if spans and max(spans) > MAX_GRID_SPAN:
        raise _too_big(path, f"表格中有单元格声明横跨 {max(spans)} 列，超过 Word 的 {MAX_GRID_SPAN - 1} 列上限，文件可能已损坏")
    rows = len(_TABLE_ROW.findall(body))
    if rows > MAX_TABLE_ROWS:
        raise _too_big(path, f"表格共 {rows} 行，超过 {MAX_TABLE_ROWS} 行的上限")
    return repack(parts)


def bounded_xlsx(path: Path) -> tuple[io.BytesIO, Grid]:
    """A .xlsx ready for openpyxl, and the grid its cells with content really reach (checked against the caps)."""
    parts = bounded_package(path)
    rows = columns = 0
    for name, data in parts.items():
        if not name.startswith("xl/worksheets/") or not name.endswith(".xml"):
            continue
        sheet_rows, sheet_columns = _sheet_extent(data)
        if sheet_rows > MAX_SHEET_ROWS:
            raise _too_big(path, f"工作表超过 {MAX_SHEET_ROWS} 行的上限")
        if sheet_columns > MAX_SHEET_COLUMNS:
            raise _too_big(path, f"工作表超过 {MAX_SHEET_COLUMNS} 列的上限")
        rows, columns = max(rows, sheet_rows), max(columns, sheet_columns)
    return repack(parts), Grid(rows, columns)


def _sheet_extent(xml: bytes) -> tuple[int, int]:
    """The last row and column holding a cell with content; an empty, styled cell (<c r="XFD1" s="1"/>) does
    not count, as Excel keeps those far beyond the data."""
    rows = columns = 0
    positional = False
    for match in _CELL.finditer(xml):
        if match.group(2):  # self-closing: no value
            continue
        ref = _CELL_REF.search(match.group(1))
        if ref is None:
            positional = True
            continue
        rows = max(rows, int(ref.group(2)))
        columns = max(columns, _column_number(ref.group(1)))
        if rows > MAX_SHEET_ROWS or columns > MAX_SHEET_COLUMNS:
            break
    if positional:  # cells without references: count rows, and let the column cap hold
        rows = max(rows, len(_ROW.findall(xml)))
        columns = columns or MAX_SHEET_COLUMNS
    return rows, columns


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _too_big(path: Path, what: str) -> InputError:
    return InputError(f"“{shown(path.name)}”超出读取限制：{what}。请确认文件是否正确，或把计划、报告另存为新的文件后再试。")
