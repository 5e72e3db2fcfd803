"""The server process's warm-up (kancil/web/warm_process.py) runs its whole list: a wrong Plotly property or
format argument there would be logged and swallowed, and every fresh server would silently pay the imports in its
first page again. (What the warm-up saves is measured in BENCHMARKS.md, not here.)"""

from __future__ import annotations

import logging

from kancil.web import warm_process


def test_the_warm_up_runs_to_its_end(caplog):
    with caplog.at_level(logging.ERROR, logger="kancil.web"):
        warm_process._warm()
    assert not [r for r in caplog.records if "warm-up" in r.getMessage()]


def test_the_warm_up_imports_every_module_a_page_imports_and_not_the_page_warmer():
    """Each of our modules that a page file imports (views/, views/parts/) is in the warm-up's list, so no first
    page run waits for it; the page warmer (Streamlit's AppTest, for the precompute command) is not."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    imported = set()
    for path in [*root.glob("views/*.py"), *root.glob("views/parts/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("kancil", "views")):
                imported |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names if alias.name.startswith(("kancil", "views"))}
    listed = set(warm_process._page_modules())
    modules = {name for name in imported if (root / (name.replace(".", "/") + ".py")).exists()}
    assert len(modules) > 20
    assert modules - listed == set()
    assert "kancil.web.warm_pages" not in listed and "plotly.graph_objs.bar.marker" in listed
