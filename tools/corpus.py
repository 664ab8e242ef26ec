"""The labelled plan × report pairs: the seed gold pairs and the families of tests/corpus/.

A family is one place and author (a plan and its reports); validation leaves one family out at a time. The
seed pairs form the family "seeds". Each pair carries the reviewer's labels per task and, where recorded, the
key phrases of the sentences a reviewer would point to (evidence gold).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
SECOND = ROOT / "tests" / "second-reader"
CORPUS = ROOT / "tests" / "corpus"


@dataclass
class Label:
    seq: int
    primary: str
    accept: tuple[str, ...]
    note: str = ""
    phrases: tuple[str, ...] = ()  # evidence key phrases; empty when not recorded


@dataclass
class Pair:
    family: str
    name: str
    plan: Path
    report: Path
    labels: list[Label]
    variants: dict[str, Path] = field(default_factory=dict)  # other formats of the plan or report

    @property
    def has_evidence(self) -> bool:
        return any(label.phrases for label in self.labels)


def seed_pairs(folder: Path = GOLD, family: str = "seeds") -> list[Pair]:
    """The hand-labelled seed pairs (and, with folder=SECOND, the second reader's)."""
    pairs = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        phrases = data.get("evidence", {})
        labels = [Label(t["seq"], t["primary"], tuple(t["accept"]), t.get("note", ""),
                        tuple(phrases.get(str(t["seq"]), ()))) for t in data["tasks"]]
        pairs.append(Pair(family, path.stem, SEEDS / data["plan"], SEEDS / data["report"], labels))
    return pairs


def family_pairs(folder: Path) -> list[Pair]:
    """The pairs of one corpus family: labels.json, or labels/*.json, in the corpus-example format."""
    files = sorted((folder / "labels").glob("*.json")) or sorted(folder.glob("labels.json"))
    pairs = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        notes, evidence = data.get("notes", {}), data.get("evidence", {})
        labels = []
        for seq, values in sorted(data["report_gold"].items(), key=lambda item: int(item[0])):
            labels.append(Label(int(seq), values[0], tuple(dict.fromkeys(values)), notes.get(seq, ""),
                                tuple(evidence.get(seq, ()))))
        variants = {key: folder / value for key, value in data.items()
                    if key.startswith(("plan_", "report_")) and isinstance(value, str)
                    and (folder / value).is_file()}
        name = f"{Path(data['plan']).stem}__{Path(data['report']).stem}"
        _with_second_reader(labels, folder / "second-reader" / f"{name}.json")
        pairs.append(Pair(folder.name, name, _readable(folder / data["plan"], _twin(variants, "plan")),
                          _readable(folder / data["report"], _twin(variants, "report")), labels, variants))
    return pairs


def _twin(variants: dict[str, Path], role: str) -> Path | None:
    """The modern file a document was made from (plan_docx, report_source: the .docx/.xlsx of a .doc or .odt)."""
    return variants.get(f"{role}_docx") or variants.get(f"{role}_source")


def _readable(path: Path, twin: Path | None) -> Path:
    """An old Office or OpenDocument file is read through LibreOffice; on a machine without it, its twin stands in."""
    from tracker.ingest import CONVERTIBLE, office_converter

    return twin if twin and path.suffix.lower() in CONVERTIBLE and office_converter() is None else path


def _with_second_reader(labels: list[Label], path: Path) -> None:
    """A blind second reader's label, where it differs, is a real disagreement: it joins the accepted labels."""
    if not path.is_file():
        return
    second = {t["seq"]: t for t in json.loads(path.read_text(encoding="utf-8"))["tasks"]}
    for label in labels:
        other = second.get(label.seq)
        if other and other["primary"] not in label.accept:
            label.accept = (*label.accept, other["primary"])


def all_pairs() -> list[Pair]:
    """Every labelled pair: the seed gold pairs first, then each corpus family."""
    pairs = seed_pairs()
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        pairs.extend(family_pairs(folder))
    return pairs


def families(pairs: list[Pair]) -> list[str]:
    return list(dict.fromkeys(p.family for p in pairs))


def written_to_be_read(folder: Path, key: str) -> list[tuple[Path, list[dict]]]:
    """Documents written only to test reading (tests/plans, tests/reports), each with what a reader finds in it: the
    list under `key` of its DOCUMENT.expected.json (tasks, or probe phrases)."""
    out = []
    for path in sorted(folder.glob("*/*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.parent / data["file"], data[key]))
    return out
