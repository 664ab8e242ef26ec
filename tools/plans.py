"""How well plans are read: tasks, titles, units, deadlines and targets against each family's plan_tasks, and
the tasks, titles and units of the plans written only to be read (tests/plans/*/*.expected.json).

Run from the repository root: python -m tools.plans [-v] [--format pdf]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .corpus import CORPUS, ROOT, written_to_be_read

FORMS = ROOT / "tests" / "plans"


def _set(names) -> set[str]:
    return {"".join(n.split()) for n in names}


def compare(expected: list[dict], tasks) -> dict[str, int]:
    """Counts of agreeing fields between the labelled tasks and the parsed ones, task by task in order."""
    out = {"tasks": len(expected), "parsed": len(tasks), "title": 0, "lead": 0, "units": 0, "deadline": 0, "targets": 0}
    for want, got in zip(expected, tasks, strict=False):
        out["title"] += "".join(want["title"].split()) in "".join(got.title.split()) or \
            "".join(got.title.rstrip("…").split()) in "".join(want["title"].split())
        out["lead"] += _set(want.get("lead_units", [])) == _set(got.lead_units)
        out["units"] += _set(want.get("units", [])) == _set(got.units)
        out["deadline"] += bool(want.get("deadline")) == bool(got.deadline)
        out["targets"] += len(want.get("targets", [])) == len(got.targets)
    return out


def forms() -> list[tuple[Path, list[dict]]]:
    """The plans written to be read, each with the tasks a reader finds in it."""
    return written_to_be_read(FORMS, "tasks")


def main(argv: list[str] | None = None) -> None:
    from tracker.classify import load_plan
    from tracker.errors import TrackerError

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true")
    parser.add_argument("--format", help="read the plan_<format> variant (pdf, doc, md) instead of the main file")
    args = parser.parse_args(argv)
    print(f"{'plan':48s} tasks parsed title  lead units dline targ")
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files = sorted((folder / "labels").glob("*.json")) or sorted(folder.glob("labels.json"))
        if not files:
            continue
        data = json.loads(files[0].read_text(encoding="utf-8"))
        name = data.get(f"plan_{args.format}") if args.format else data["plan"]
        if not name or not (folder / name).is_file():
            continue
        try:
            plan = load_plan(folder / name)
        except TrackerError as error:
            print(f"{name:48s} !! {error}")
            continue
        _line(name, compare(data["plan_tasks"], plan.tasks))
        if args.v:
            for want, got in zip(data["plan_tasks"], plan.tasks, strict=False):
                problems = [f for f in ("lead", "units") if _set(want.get(f + ("_units" if f == "lead" else ""), []))
                            != _set(got.lead_units if f == "lead" else got.units)]
                if bool(want.get("deadline")) != bool(got.deadline):
                    problems.append(f"deadline {want.get('deadline')!r} vs {got.deadline!r}")
                if len(want.get("targets", [])) != len(got.targets):
                    problems.append(f"targets {len(want.get('targets', []))} vs {len(got.targets)}")
                if problems:
                    print(f"   {want['seq']:2d} {got.title[:20]:20s} {'; '.join(problems)} | lead {got.lead_units} "
                          f"units {got.units}")
    print(f"\n{'plan written to be read (tests/plans)':48s} tasks parsed title  lead units")
    for path, expected in forms():
        try:
            plan = load_plan(path)
        except TrackerError as error:
            print(f"{path.parent.name + '/' + path.name:48s} !! {error}")
            continue
        _line(path.parent.name + "/" + path.name, compare(expected, plan.tasks), full=False)


def _line(name: str, counts: dict[str, int], full: bool = True) -> None:
    line = (f"{name:48s} {counts['tasks']:5d} {counts['parsed']:6d} {counts['title']:5d} {counts['lead']:5d} "
            f"{counts['units']:5d}")
    print(line + (f" {counts['deadline']:5d} {counts['targets']:4d}" if full else ""))


if __name__ == "__main__":
    main()
