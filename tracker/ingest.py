"""Reading documents: one small reader per format, all returning a Document."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .archive import Grid, bounded_docx, bounded_xlsx
from .errors import InputError
from .models import Block, Document, Table
from .numbering import WordListNumbering, match_label
from .pdf import read_pdf
from .text import clean_text, decode, shown
from .webpage import read_html

MAX_BYTES = 100 * 1024 * 1024
MAX_CHARS = 3_000_000

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
OLD_FORMATS = {
    ".doc": "这是旧版 Word 文件（.doc）。请用 Word 或 WPS 打开后“另存为” .docx 格式再试。",
    ".wps": "这是 WPS 文字文件（.wps）。请用 WPS 打开后“另存为” .docx 格式再试。",
    ".xls": "这是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开后“另存为” .xlsx 格式再试。",
    ".et": "这是 WPS 表格文件（.et）。请用 WPS 打开后“另存为” .xlsx 格式再试。",
    ".rtf": "这是 RTF 文件。请用 Word 或 WPS 打开后“另存为” .docx 格式再试。",
    ".odt": "这是 OpenDocument 文字文件（.odt）。请用 WPS 或 LibreOffice 打开后“另存为” .docx 格式再试。",
    ".ods": "这是 OpenDocument 表格文件（.ods）。请用 WPS 或 LibreOffice 打开后“另存为” .xlsx 格式再试。",
    ".ofd": "这是 OFD 版式文件。请在阅读器中导出为 PDF 或 Word 后再试。",
    ".pptx": "这是演示文稿，不是计划或报告。请选择 .docx、.pdf、.txt 或 .xlsx 文件。",
}
SUPPORTED = "支持的格式：.docx、.pdf、.txt、.md、.xlsx、.csv、.html"


def read_document(path: str | Path, converted: Path | None = None) -> Document:
    """Read a .txt/.md, .docx, .pdf, .xlsx, .csv or saved web page into a Document, or raise InputError in Chinese.

    converted: an old Office/WPS file's converted copy, made beforehand by converted_together()."""
    path = Path(path)
    name = shown(path.name)
    if not path.exists():
        raise InputError(f"找不到文件“{shown(path)}”。请检查路径和文件名是否正确。")
    if path.is_dir():
        raise InputError(f"“{shown(path)}”是文件夹，不是文件。请指定其中的计划或报告文件。")
    if not path.is_file():
        raise InputError(f"“{shown(path)}”不是普通文件（管道、设备等）。请指定计划或报告文件本身。")
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None and suffix not in OLD_FORMATS:
        raise InputError(f"无法读取“{name}”：不支持“{suffix or '无扩展名'}”格式。{SUPPORTED}。")
    size = path.stat().st_size
    if size == 0:  # an empty .odt or .doc as much as an empty .docx: nothing to convert, nothing to re-save
        raise InputError(f"“{name}”是空文件。请确认文件内容已保存，或重新导出后再试。")
    if suffix in CONVERTIBLE and office_converter():
        return _read_converted(path, suffix, converted)
    if suffix in OLD_FORMATS:
        raise InputError(f"无法读取“{name}”：{OLD_FORMATS[suffix]}")
    if size > MAX_BYTES:
        raise InputError(f"“{name}”过大（{size / 1024 / 1024:.0f} MB），不像一份计划或报告。请确认是否选错了文件。")
    try:
        blocks = reader(path)
    except InputError:
        raise
    except Exception as error:  # every library fails on a damaged file in its own way
        raise InputError(f"“{name}”已损坏或不是有效的{FORMAT_NAMES[suffix]}文件（{type(error).__name__}）。"
                         f"请用 Word/WPS/Excel 打开确认后重新另存，再试。") from error
    blocks = unframed(tuple(b for b in blocks if (b.rows if isinstance(b, Table) else b.strip())))
    chars = sum(len(b) if isinstance(b, str) else sum(len(c) for r in b.rows for c in r) for b in blocks)
    if chars == 0:
        raise InputError(f"“{name}”中没有可读的文字。请确认文件不是空白文档。")
    if chars > MAX_CHARS:
        raise InputError(f"“{name}”文字量过大（约 {chars // 10000} 万字），不像一份计划或报告。请确认是否选错了文件。")
    return Document(path=str(path), format=suffix.lstrip("."), blocks=blocks)


def unframed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A table of one column is a frame around text (a report typed into one bordered cell, a boxed notice), not a
    table of data: its cells' lines are paragraphs, so that headings inside it stay headings."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and all(len({c for c in row if c.strip()}) <= 1 for row in block.rows):
            out.extend(block.lines())
        else:
            out.append(block)
    return tuple(out)


# Old Office and WPS files, and OpenDocument files (.odt/.ods from LibreOffice on a domestic Linux desktop), are
# read through LibreOffice when it is installed: converted to a temporary copy.
CONVERTIBLE = {".doc": "docx", ".wps": "docx", ".rtf": "docx", ".odt": "docx", ".xls": "xlsx", ".et": "xlsx",
               ".ods": "xlsx"}
CONVERT_SECONDS = 120
EACH_SECONDS = 10  # more for each further file converted in the same start
# How each old format begins: Office 97-2003 and WPS files are OLE compound files, RTF is text, OpenDocument
# is a zip. A file renamed from .docx/.xlsx (a zip) is accepted too, and a "Word" file that an OA system or
# Word's 另存为网页 wrote as RTF, HTML, MHT or Word 2003 XML. LibreOffice would import anything else as plain
# text, garbage and all.
_OLE, _ZIP, _RTF = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04", b"{\\rtf"
_WORD_AS_TEXT = re.compile(rb"<html|<\?mso-application progid=\"word|<w:worddocument|^mime-version:")
SIGNATURES = {".doc": (_OLE, _ZIP, _RTF), ".wps": (_OLE, _ZIP, _RTF), ".xls": (_OLE, _ZIP), ".et": (_OLE, _ZIP),
              ".rtf": (_RTF,), ".odt": (_ZIP,), ".ods": (_ZIP,)}
# The export filters by name: a document LibreOffice opens as a web page has no default .docx filter.
FILTERS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}


def _signed_as(path: Path, suffix: str) -> bool:
    """Whether a file begins as its old format may: an OLE compound file, a zip, RTF, or (for a Word file)
    a web page, an MHT archive or Word 2003 XML."""
    with path.open("rb") as stream:
        head = stream.read(1024)
    if head.startswith(SIGNATURES[suffix]):
        return True
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return CONVERTIBLE[suffix] == "docx" and bool(_WORD_AS_TEXT.search(text))


def office_converter() -> str | None:
    """The LibreOffice command on this machine, or None."""
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def _read_converted(path: Path, suffix: str, converted: Path | None = None) -> Document:
    """Read an old Office/WPS file through LibreOffice (or its copy converted beforehand); keep the original's name."""
    import tempfile

    if not _signed_as(path, suffix):
        raise InputError(f"无法转换“{shown(path.name)}”（文件已损坏，或内容与扩展名不符）：{OLD_FORMATS[suffix]}")
    with tempfile.TemporaryDirectory(prefix="tracker-convert-") as folder:
        if converted is None or not converted.is_file():
            try:
                converted = _convert([path], Path(folder)).get(path)
            except (OSError, subprocess.TimeoutExpired) as error:
                raise InputError(f"无法转换“{shown(path.name)}”：{OLD_FORMATS[suffix]}") from error
            if converted is None:
                raise InputError(f"无法转换“{shown(path.name)}”（文件可能已损坏）：{OLD_FORMATS[suffix]}")
        document = read_document(converted)
    return Document(path=str(path), format=suffix.lstrip("."), blocks=document.blocks)


@contextmanager
def converted_together(paths: list[Path]) -> Iterator[dict[Path, Path]]:
    """The old Office/WPS files among paths, converted by one LibreOffice start per target format rather than
    one per file (a start costs about a second): {original: converted copy}, valid inside the with block. A
    file that fails here is converted again on its own by read_document, which then names it in its error."""
    import tempfile

    old = [p for p in dict.fromkeys(Path(p) for p in paths) if _convertible(p)]
    if len(old) < 2:
        yield {}
        return
    with tempfile.TemporaryDirectory(prefix="tracker-convert-") as folder:
        try:
            done = _convert(old, Path(folder))
        except (OSError, subprocess.TimeoutExpired):
            done = {}
        yield done


def _convertible(path: Path) -> bool:
    suffix = path.suffix.lower()
    try:
        return (suffix in CONVERTIBLE and path.is_file() and path.stat().st_size > 0 and _signed_as(path, suffix)
                and office_converter() is not None)
    except OSError:
        return False


def _convert(paths: list[Path], folder: Path) -> dict[Path, Path]:
    """Convert files with LibreOffice into folder, one start per target format: {original: converted copy}
    for those it converted. Copies with plain names go in (LibreOffice trips over some characters)."""
    sources = {path: folder / f"source{i}{path.suffix.lower()}" for i, path in enumerate(paths)}
    for source, path in zip(sources.values(), paths, strict=True):
        source.write_bytes(path.read_bytes())
    for target in sorted({CONVERTIBLE[path.suffix.lower()] for path in paths}):
        group = [str(source) for path, source in sources.items() if CONVERTIBLE[path.suffix.lower()] == target]
        subprocess.run([office_converter(), f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", FILTERS[target], "--outdir", str(folder), *group],
                       capture_output=True, timeout=CONVERT_SECONDS + EACH_SECONDS * len(group), check=False)
    done = {path: source.with_suffix(f".{CONVERTIBLE[path.suffix.lower()]}") for path, source in sources.items()}
    return {path: copy for path, copy in done.items() if copy.is_file()}


def read_text(path: Path) -> list[Block]:
    """Plain text or markdown, in UTF-8, UTF-8 with BOM or GB18030/GBK. Lines whose cells are set apart by |
    (a markdown table, or 指标 | 2024年 | 2025年 typed in a text file) or by tabs (cells pasted from Excel) are read
    as a table."""
    text = decode(path.read_bytes(), path.name)
    blocks: list[Block] = []
    lines: list[str] = []
    rows: list[tuple[str, ...]] = []

    def flush_text():
        if lines:
            blocks.extend(clean_text("\n".join(lines)))
            lines.clear()

    def flush_rows():
        if len(rows) >= 2:
            blocks.append(Table(rows=tuple(rows)))
        else:
            lines.extend(" ".join(row) for row in rows)
        rows.clear()

    all_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    position = 0
    while position < len(all_lines):
        line = all_lines[position]
        position += 1
        one_per_line = _cells_on_lines(all_lines, position - 1) if len(line) <= HEADER_CELL_CHARS else None
        if one_per_line is not None:
            flush_rows()
            flush_text()
            table, position = one_per_line
            blocks.append(table)
            continue
        if len(line) > RUN_IN_LINE:
            # A whole report typed into one line of a web form: its parts and items start new paragraphs.
            pieces = _RUN_IN_LABEL.split(line)
            if len(pieces) > 1:
                all_lines[position:position] = pieces[1:]
                line = pieces[0]
        tabbed = line.strip("\r\n").count("\t") >= 2 and line.strip()
        cells = line.strip().split("\t") if tabbed else line.strip().strip("|").split("|")
        if (tabbed or line.count("|") >= 2) and len(cells) >= 2:
            if not rows:
                flush_text()
            if not all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in cells):  # a markdown rule |---|---|
                rows.append(tuple(_LINE_BREAK.sub("\n", c).strip() for c in cells))
            continue
        if rows:
            flush_rows()
        lines.append(line)
    flush_rows()
    flush_text()
    return blocks


# A markdown table writes a line break inside a cell as HTML (措施一；<br>措施二).
_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
HEADER_CELLS = 4
HEADER_CELL_CHARS = 12  # a column name on a line of its own (序号, 主要措施, 牵头单位)
RUN_IN_LINE = 500
_RUN_IN_LABEL = re.compile(r"(?<=[。；！？])(?=[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)")


def _cells_on_lines(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table copied from a web page with each cell on a line of its own: a header of known column names, one
    per line (序号 / 重点任务 / 主要措施 / 牵头单位 …), then its rows, as many lines each (an empty cell an empty
    line), a section row (一、…) a single line. The table and the index of the line after it, or None."""
    from .numbering import match_label
    from .vocabulary import column_names

    names = column_names()
    width = 0
    while start + width < len(lines) and re.sub(r"\s+", "", lines[start + width]) in names:
        width += 1
    if width < HEADER_CELLS:
        return None
    rows = [tuple(line.strip() for line in lines[start:start + width])]
    position = start + width
    numbered = rows[0][0] in ("序号", "编号")
    while position < len(lines):
        first = lines[position].strip()
        if not first:
            position += 1  # a blank line between rows
            continue
        labelled = match_label(first)
        if labelled is not None and labelled[0] in ("part", "cn") and not first[:1].isdigit():
            rows.append((first,) * width)  # a section row: its merged cell
            position += 1
            continue
        if (numbered and not re.fullmatch(r"\d{1,3}[.、．]?", first)) or position + width > len(lines):
            break
        rows.append(tuple(line.strip() for line in lines[position:position + width]))
        position += width
    return (Table(rows=tuple(rows)), position) if len(rows) > 1 else None


def read_docx(path: Path) -> list[Block]:
    """Word paragraphs and tables in document order."""
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    document = docx.Document(bounded_docx(path))
    numbering = WordListNumbering(document)
    notes = _notes(document)
    blocks: list[Block] = []
    lines: list[tuple[str, bool]] = []
    body = document.element.body
    for child in _block_children(body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = accepted_text(child)
            if text.strip():
                text = numbering.label(paragraph) + text
            # A line in a Word heading style is a heading, never the wrap of the line before it or after it.
            heading = bool(text.strip()) and _heading_style(paragraph)
            for line in text.split("\n"):
                lines.append((line, heading))
            lines.append(("", False))
            # A footnote is read where it is referred to (…出庭应诉率进一步提升¹ / ¹全年…出庭应诉率95.7%).
            for reference in child.iter(_W + "footnoteReference", _W + "endnoteReference"):
                note = notes.get((reference.tag, reference.get(_W + "id")))
                if note:
                    lines.extend([(note, False), ("", False)])
            for box in text_boxes(child):  # a 专栏 box anchored in the paragraph: its paragraphs follow it
                for inner in box.iterchildren(_W + "p"):
                    lines.extend([*((line, False) for line in accepted_text(inner).split("\n")), ("", False)])
        elif tag == "tbl":
            blocks.extend(_joined(lines))
            lines = []
            blocks.extend(_docx_tables(child, lambda element: _docx_table(DocxTable(element, document))))
    blocks.extend(_joined(lines))
    return blocks


def _docx_tables(table, read) -> list[Block]:
    """A table as a block; a layout table whose cells hold tables of their own (类别 | 任务, each 任务 cell a table
    序号 | 工作任务 | 责任股室 | 完成时限) as each row's own text followed by the tables it holds."""
    rows = list(table.iterchildren(_W + "tr"))
    held = [[nested for tc in row.iterchildren(_W + "tc") for nested in tc.iterchildren(_W + "tbl")] for row in rows]
    if not any(_columns(nested) >= NESTED_TABLE_COLUMNS for tables in held for nested in tables):
        return [read(table)]
    out: list[Block] = []
    for row, tables in zip(rows, held, strict=True):
        own = "　".join(text for tc in row.iterchildren(_W + "tc")
                       if (text := "".join(accepted_text(p) for p in tc.iterchildren(_W + "p")).strip()))
        if own:
            out.append(own)
        for nested in tables:
            out.extend(_docx_tables(nested, read))
    return out


NESTED_TABLE_COLUMNS = 3  # a table of two columns in a cell (序号 | 措施) lists the cell's items


def _columns(table) -> int:
    first = table.find(_W + "tr")
    return 0 if first is None else len(list(first.iterchildren(_W + "tc")))


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*\d", re.IGNORECASE)


def _heading_style(paragraph) -> bool:
    """Whether a Word paragraph is in a heading style (Heading 2, 标题 2) or has an outline level of its own."""
    properties = paragraph._p.pPr
    if properties is not None and properties.find(_W + "outlineLvl") is not None:
        return True
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return False
    return bool(_HEADING_STYLE.match(name or ""))


def _notes(document) -> dict[tuple[str, str], str]:
    """The text of each footnote and endnote, by the tag and id of the reference that points to it."""
    from docx.oxml import parse_xml

    out: dict[tuple[str, str], str] = {}
    for relation in document.part.rels.values():
        kind = relation.reltype.rsplit("/", 1)[-1]  # footnotes, endnotes
        if kind not in ("footnotes", "endnotes") or relation.is_external:
            continue
        for note in parse_xml(relation.target_part.blob).iterchildren(_W + kind[:-1]):
            text = "".join(accepted_text(p) for p in note.iter(_W + "p")).strip()
            if text and note.get(_W + "type") is None:  # not the separator lines Word keeps as notes
                out[(_W + kind[:-1] + "Reference", note.get(_W + "id"))] = text
    return out


def _block_children(parent):
    """The paragraphs and tables of a body in order, those inside block-level content controls (w:sdt, as OA
    templates wrap the text filled into them) included."""
    for child in parent.iterchildren():
        if child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _block_children(content)
        else:
            yield child


def _joined(lines: list[tuple[str, bool]]) -> list[str]:
    from .text import join_lines, strip_markup

    if not lines:
        return []
    stripped = strip_markup("\n".join(line for line, _ in lines))
    # A line the document marks as a heading (a Word heading style) stands alone, as a markdown heading does.
    return join_lines([(line, heading or alone) for (line, heading), (_, alone) in zip(stripped, lines, strict=True)])


def _docx_table(table) -> Table:
    rows = []
    for row in table.rows:
        texts = ["\n".join(_cell_lines(cell._tc)) for cell in row.cells]
        rows.append(tuple(" ".join(text.split()) if "\n" not in text else text.strip() for text in texts))
    return Table(rows=tuple(rows))


def _cell_lines(cell) -> list[str]:
    """A table cell's paragraphs, and the rows of a table nested in it (序号 | 措施 inside 具体措施) as lines."""
    lines = []
    for child in cell.iterchildren(_W + "p", _W + "tbl"):
        if child.tag == _W + "p":
            lines.append(accepted_text(child))
            continue
        for row in child.iterchildren(_W + "tr"):
            cells = [c for c in (" ".join("\n".join(_cell_lines(tc)).split()) for tc in row.iterchildren(_W + "tc")) if c]
            if cells and all(len(c) <= 4 and not re.search(r"\d", c) for c in cells):
                continue  # the nested table's own header (序号 | 措施)
            if len(cells) > 1 and cells[0].isdigit():
                cells[:2] = [f"{cells[0]}.{cells[1]}"]  # 1 | 措施 → 1.措施, as the measure would be written
            lines.append("\u3000".join(cells))
    return lines


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REMOVED = {_W + "del", _W + "moveFrom"}
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def text_boxes(paragraph) -> list:
    """The text boxes anchored in a Word paragraph (a 专栏 beside the text), each once: Word writes a box twice,
    as a drawing and as its old-style fallback, and a box may hold another."""
    return [box for box in paragraph.iter(_W + "txbxContent")
            if not any(a.tag in (_FALLBACK, _W + "txbxContent") for a in box.iterancestors())]


def accepted_text(paragraph) -> str:
    """A Word paragraph's text as it reads with every tracked change accepted: inserted text kept (python-docx
    leaves out runs inside w:ins), deleted text left out."""
    out = []
    for element in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        # Only the paragraph's own runs: a text box anchored in it holds paragraphs of its own.
        if next(element.iterancestors(_W + "p"), None) is not paragraph:
            continue
        if any(ancestor.tag in _REMOVED for ancestor in element.iterancestors()):
            continue
        tag = element.tag
        out.append(element.text or "" if tag == _W + "t" else "\t" if tag == _W + "tab" else "\n")
    return "".join(out)


def read_xlsx(path: Path) -> list[Block]:
    """Every sheet of a workbook as a table; merged cells repeat their value in every cell they cover."""
    workbook, grid = open_workbook(path)
    tables: list[Block] = []
    for sheet in workbook.worksheets:
        values = sheet_values(sheet, grid)
        for merged in sheet.merged_cells.ranges:
            top = values[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(values) else ""
            for r in range(merged.min_row - 1, min(merged.max_row, len(values))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(values[r]))):
                    values[r][c] = top
        rows = tuple(tuple(row) for row in values if any(cell.strip() for cell in row))
        if rows and _is_part(sheet.title):
            tables.append(sheet.title.strip())  # a sheet named as a part (一、依法履职) heads its table
        if rows:
            tables.append(Table(rows=rows))
    return tables


def _is_part(name: str) -> bool:
    labelled = match_label(name.strip())
    return labelled is not None and labelled[0] in ("part", "cn") and bool(labelled[2])


def open_workbook(path: Path, data_only: bool = True):
    """Open an .xlsx within the archive limits; return the workbook and the grid its content reaches."""
    import openpyxl

    package, grid = bounded_xlsx(path)
    try:
        return openpyxl.load_workbook(package, data_only=data_only), grid
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise InputError(f"“{shown(path.name)}”已损坏或不是有效的 Excel 文件。"
                         f"请用 Excel/WPS 打开后另存为 .xlsx 再试。") from error


def sheet_values(sheet, grid: Grid) -> list[list[str]]:
    """A sheet's cells as text, row by row, never beyond the grid its content reaches."""
    rows, columns = min(sheet.max_row, grid.rows), min(sheet.max_column, grid.columns)
    if rows == 0 or columns == 0:
        return []
    return [[cell_text(v) for v in row] for row in sheet.iter_rows(max_row=rows, max_col=columns, values_only=True)]


def read_csv(path: Path) -> list[Block]:
    """A CSV task table, in UTF-8 or GBK as saved by Excel."""
    import csv
    import io

    text = decode(path.read_bytes(), path.name)
    rows = tuple(tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text)) if any(row))
    return [Table(rows=rows)] if rows else []


def cell_text(value) -> str:
    """A spreadsheet value as text: whole numbers without .0, dates as a document writes them (2025年6月30日),
    nothing for empty cells."""
    import datetime

    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


READERS = {
    **{suffix: read_text for suffix in TEXT_SUFFIXES},
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".xlsx": read_xlsx,
    ".xlsm": read_xlsx,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
FORMAT_NAMES = {
    **{suffix: "文本" for suffix in TEXT_SUFFIXES},
    ".docx": " Word（.docx）",
    ".pdf": " PDF",
    ".xlsx": " Excel（.xlsx）",
    ".xlsm": " Excel（.xlsm）",
    ".csv": " CSV",
    ".html": "网页",
    ".htm": "网页",
}
