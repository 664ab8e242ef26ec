"""The code's layout: every module imports alone, and no two modules depend on each other, even through
imports inside functions (the folder listing reads as the pipeline, each floor built on lower ones)."""

import ast
import json
import subprocess
import sys
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


# In one fresh interpreter: each module imported with no tracker module loaded before it (the libraries stay
# loaded; they are not what is being tested).
_ALONE = """
import importlib, json, sys
failed = {}
for module in sys.argv[1:]:
    for name in [n for n in sys.modules if n == "tracker" or n.startswith("tracker.")]:
        del sys.modules[name]
    try:
        importlib.import_module("tracker." + module)
    except Exception as error:
        failed[module] = f"{type(error).__name__}: {error}"
print(json.dumps(failed))
"""


def test_each_module_imports_alone():
    result = subprocess.run([sys.executable, "-c", _ALONE, *MODULES], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    failed = json.loads(result.stdout.strip().splitlines()[-1])
    assert not failed, failed
