"""How well reports are read: whether the sentence of each probe phrase is taken for this year's work, a problem,
a plan or other matter (tests/reports/*/*.expected.json, reports written to be read).

Run from the repository root: python -m tools.reports [-v]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .corpus import ROOT, written_to_be_read
from .evaluate import squashed

FORMS = ROOT / "tests" / "reports"


def forms() -> list[tuple[Path, list[dict]]]:
    """The reports written to be read, each with its probe phrases and the kind of text they stand in."""
    return written_to_be_read(FORMS, "probes")


def kinds(path: Path, probes: list[dict]) -> list[str | None]:
    """The kind tracker gives the passage holding each probe's phrase (None where no passage holds it)."""
    from tracker.ingest import read_document
    from tracker.segment import split_report

    passages = [(squashed(p.text), p.kind) for p in split_report(read_document(path)).passages]
    return [next((kind for text, kind in passages if squashed(probe["phrase"]) in text), None) for probe in probes]


def read_right(probe: dict, kind: str | None) -> bool:
    """Whether a probe is read as its kind (or as another kind its file accepts, with a note why)."""
    return kind == probe["kind"] or kind in probe.get("accept", ())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list the probes read as another kind")
    args = parser.parse_args(argv)
    print(f"{'report written to be read (tests/reports)':48s} probes  right")
    for path, probes in forms():
        found = kinds(path, probes)
        right = sum(read_right(probe, kind) for probe, kind in zip(probes, found, strict=True))
        print(f"{path.parent.name + '/' + path.name:48s} {len(probes):6d} {right:6d}")
        if args.v:
            for probe, kind in zip(probes, found, strict=True):
                if not read_right(probe, kind):
                    print(f"   {probe['phrase']}: {probe['kind']} read as {kind}")


if __name__ == "__main__":
    main()
