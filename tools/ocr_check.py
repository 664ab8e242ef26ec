"""How well scanned PDFs read through the OCR extra: character accuracy against the text layer, and the status
agreement of a match on the scan with the match on the text layer.

    python -m tools.ocr_check                      # the seed plan and report, printed by LibreOffice, then scanned
    python -m tools.ocr_check --plan P.pdf --report R.pdf

A scan is made by rendering each page to a grey image (150 dpi, as an office scanner does) and saving the
images as a PDF without text layer.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_scan(source: Path, target: Path, dpi: int = 150, pages: int | None = None) -> Path:
    """An image-only copy of a PDF: every page rendered grey at dpi, as a scanner would give it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(source))
    images = [document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
              for i in range(min(len(document), pages or len(document)))]
    document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=dpi)
    return target


def character_accuracy(expected: str, got: str) -> float:
    """1 − edit distance / length, on the texts without white space."""
    from rapidfuzz.distance import Levenshtein

    a, b = "".join(expected.split()), "".join(got.split())
    return 1 - Levenshtein.distance(a, b) / max(1, len(a))


def _text(blocks) -> str:
    from tracker.models import Document

    return "\n".join(Document("x", "pdf", tuple(blocks)).paragraphs())


def _printed(text_file: Path, folder: Path) -> Path:
    """A text file as an office prints it: 三号 (16 pt) 仿宋 body on A4, through Word and LibreOffice."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from tracker.ingest import read_text

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(16)
    style.font.name = "FangSong"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "FangSong")
    for line in read_text(text_file):
        document.add_paragraph(line)
    source = folder / (text_file.stem + ".docx")
    document.save(source)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / (text_file.stem + ".pdf")


def main() -> None:
    from tracker.assess import assess_plan
    from tracker.classify import load_plan
    from tracker.ingest import read_document
    from tracker.ocr import available
    from tracker.pdf import read_pdf
    from tracker.segment import split_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "seeds" / "wulatezhong-2024-plan.txt")
    parser.add_argument("--report", type=Path, default=ROOT / "seeds" / "wulatezhong-2024-report.txt")
    args = parser.parse_args()
    if not available():
        raise SystemExit('the OCR extra is not installed: pip install -e ".[ocr]"')
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        report_pdf = args.report if args.report.suffix == ".pdf" else _printed(args.report, work)
        scan = write_scan(report_pdf, work / "scan.pdf")
        started = time.perf_counter()
        scanned = read_pdf(scan)
        seconds = time.perf_counter() - started
        layer = read_pdf(report_pdf)
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(scan)))
        print(f"{report_pdf.name}: {pages} pages, OCR {seconds / pages:.1f} s/page, "
              f"character accuracy {character_accuracy(_text(layer), _text(scanned)):.1%}")
        plan = load_plan(args.plan)
        by_layer = assess_plan(plan, [split_report(read_document(report_pdf))]).tasks
        by_scan = assess_plan(plan, [split_report(read_document(scan))]).tasks
        same = sum(a.status == b.status for a, b in zip(by_layer, by_scan, strict=True))
        print(f"statuses: {same}/{len(by_layer)} tasks the same on the scan as on the text layer "
              f"({same / len(by_layer):.1%})")
        for a, b in zip(by_layer, by_scan, strict=True):
            if a.status != b.status:
                print(f"  {a.task.seq:>3} {a.task.title[:24]}: text layer {a.status}, scan {b.status}")


if __name__ == "__main__":
    main()
