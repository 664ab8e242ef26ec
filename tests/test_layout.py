"""The code's layout: every module imports alone, and no two modules depend on each other, even through
imports inside functions (the folder listing reads as the pipeline, each floor built on lower ones)."""

import ast
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def imports(module: str) -> set[str]:
    """The tracker modules a module imports, at the top or inside functions."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names if alias.name in MODULES)
    return found - {"__init__"}


def test_no_import_cycle():
    graph = {m: imports(m) & set(MODULES) for m in MODULES}
    cycles = []

    def visit(module, path):
        for other in graph[module]:
            if other in path:
                cycles.append(" → ".join(path[path.index(other):] + [other]))
            elif other not in done:
                visit(other, path + [other])
        done.add(module)

    done: set[str] = set()
    for module in MODULES:
        if module not in done:
            visit(module, [module])
    assert not cycles, "\n".join(sorted(set(cycles)))


def test_each_module_imports_alone():
    # One fresh interpreter per module, a few at a time (each alone takes a few tenths of a second).
    def run(module):
        return subprocess.run([sys.executable, "-c", f"import tracker.{module}"], capture_output=True, text=True,
                              timeout=120)

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = dict(zip(MODULES, pool.map(run, MODULES), strict=True))
    failed = {m: (r.stderr.strip().splitlines() or [str(r.returncode)])[-1] for m, r in results.items() if r.returncode}
    assert not failed, failed
