"""Scanned PDFs read by OCR, when the optional extra is installed (`pip install "tracker[ocr]"`).

pypdfium2 (Apache-2.0/BSD) renders each page; RapidOCR on onnxruntime (Apache-2.0, MIT), whose wheel ships its
Chinese models, finds the text lines. Lines are ordered top to bottom, then left to right, and become the same
page segments as a text layer, so running headers and page numbers are dropped and lines joined into
paragraphs by the same rules. Tables are read as lines of text: their columns are not recovered.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .models import Block
from .text import shown

# Pages at 144 dpi: enough for 三号/四号 body text, about 3 s a page on two cores.
SCALE = 2.0
MAX_PAGES = 60
MIN_CONFIDENCE = 0.5
# Characters the models confuse with the punctuation of official documents: 丶 for 、, a middle dot for the
# small full stop 。 (which would run every sentence of a page into one), 一 for the dash of 2020—2025, and a
# straight quote for a curly one: the closing ” after an opening “ (or at a line's start), else the opening “.
_FIXES = str.maketrans({"丶": "、"})
_CJK = "\u4e00-\u9fff"
_STOP = re.compile(rf"(?<=[{_CJK}）”》\d%])[·•．°](?=[{_CJK}“《（]|$)")
_DASH = re.compile(r"(?<=\d)[一-](?=\d{4})")
_STRAIGHT = re.compile(r'"')


def repair(text: str) -> str:
    """An OCR line with the punctuation of official documents put back."""
    text = text.translate(_FIXES)
    text = _STOP.sub("。", text)
    text = _DASH.sub("—", text)
    return _STRAIGHT.sub(lambda m: "“" if text.rfind("”", 0, m.start()) > text.rfind("“", 0, m.start()) else "”", text)


def available() -> bool:
    """Whether the OCR extra is installed."""
    try:
        import pypdfium2  # noqa: F401
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def ocr_pdf(path: Path) -> list[Block]:
    """The text of a scanned PDF as paragraphs, page by page."""
    import pypdfium2
    from rapidocr_onnxruntime import RapidOCR

    from .pages import Segment, pages_to_blocks

    document = pypdfium2.PdfDocument(str(path))
    try:
        if len(document) > MAX_PAGES:
            raise InputError(f"“{shown(path.name)}”是 {len(document)} 页的扫描件，超过文字识别 {MAX_PAGES} 页的上限。"
                             f"请向发文单位索取 Word/文字版 PDF。")
        engine = RapidOCR()
        pages = []
        for page in document:
            image = page.render(scale=SCALE).to_pil().convert("RGB")
            found, _ = engine(image)
            lines = page_lines(found or [])
            pages.append([Segment(top, text=text) for top, text, _ in lines + _missed_lines(engine, image, lines)])
            pages[-1].sort(key=lambda segment: segment.top)
    finally:
        document.close()
    return pages_to_blocks(pages)


def _missed_lines(engine, image, lines: list[tuple[float, str, float]]) -> list[tuple[float, str, float]]:
    """Lines the detector skipped: where the gap between two lines is wide enough for another and holds ink,
    the strip is read again, enlarged (the detector misses a few lines of a page at any one scale)."""
    tops = [line[0] for line in lines]
    pitches = sorted(b - a for a, b in zip(tops, tops[1:], strict=False))
    if len(pitches) < 4:
        return []
    pitch = pitches[len(pitches) // 2]
    out = []
    for (top, _, bottom), (below, _, _) in zip(lines, lines[1:], strict=False):
        if below - top < 1.6 * pitch:
            continue
        strip = image.crop((0, int(bottom), image.width, int(below)))
        if _ink(strip) < 0.005:
            continue
        enlarged = strip.resize((int(strip.width * 1.5), int(strip.height * 1.5)))
        found, _ = engine(enlarged)
        out.extend((bottom + line_top / 1.5, text, bottom + line_bottom / 1.5)
                   for line_top, text, line_bottom in page_lines(found or []))
    return out


def _ink(strip) -> float:
    """The share of dark pixels in an image."""
    histogram = strip.convert("L").histogram()
    return sum(histogram[:128]) / max(1, sum(histogram))


def page_lines(found: list) -> list[tuple[float, str, float]]:
    """OCR boxes ([corners], text, confidence) as lines: boxes whose vertical spans overlap by half form one
    line, read left to right. Each line as (top, text, bottom)."""
    boxes = []
    for corners, text, confidence in found:
        if float(confidence) < MIN_CONFIDENCE or not text.strip():
            continue
        ys = [point[1] for point in corners]
        boxes.append((min(ys), max(ys), min(point[0] for point in corners), repair(text)))
    boxes.sort()
    lines: list[list[tuple[float, float, float, str]]] = []
    for box in boxes:
        if lines:
            top, bottom = lines[-1][0][0], lines[-1][0][1]
            overlap = min(bottom, box[1]) - max(top, box[0])
            if overlap > 0.5 * min(bottom - top, box[1] - box[0]):
                lines[-1].append(box)
                continue
        lines.append([box])
    return [(line[0][0], "".join(b[3] for b in sorted(line, key=lambda b: b[2])), max(b[1] for b in line))
            for line in lines]
