"""The layout the README promises, checked on the code itself: thin pages outside a ``pages/`` folder, layers you
can see (only the web layer imports Streamlit, no import circle, no benchmark code in the product), one definition
of the IKM scaling and of the coverage rule, and the page registry as the one list of pages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kancil import pages
from kancil.config import ROOT

PRODUCT = sorted((ROOT / "kancil").rglob("*.py"))
MAX_PAGE_LINES = 155  # "about 150 lines of widgets"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The kancil modules a file imports (``from kancil.x import y`` counts ``kancil.x.y`` when that is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kancil")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kancil"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if (ROOT / Path(*sub.split(".")).with_suffix(".py")).exists() else node.module)
    return found


def test_no_pages_folder():
    """Streamlit runs ``pages/*.py`` directly, before app.py's sign-in: the page files live in views/."""
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("path", sorted((ROOT / "views").rglob("*.py")), ids=lambda p: p.name)
def test_pages_are_thin(path: Path):
    assert len(path.read_text().splitlines()) <= MAX_PAGE_LINES


def test_only_the_web_layer_imports_streamlit():
    importers = {module_name(p) for p in PRODUCT if re.search(r"^\s*(import|from) streamlit\b", p.read_text(), re.M)}
    assert importers and all(m.startswith("kancil.web") for m in importers), importers


def test_no_import_circle():
    graph = {module_name(p): {m for m in imports(p) if m != module_name(p)} for p in PRODUCT}
    seen: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        if seen.get(node) == 1:
            pytest.fail("import circle: " + " -> ".join([*trail[trail.index(node):], node]))
        if seen.get(node) == 2:
            return
        seen[node] = 1
        for nxt in graph.get(node, ()):
            visit(nxt, [*trail, node])
        seen[node] = 2

    for module in graph:
        visit(module, [])


def test_no_benchmark_code_in_the_product():
    assert not [p for p in PRODUCT if "benchmarks" in p.read_text() or "bench" in p.stem]


def test_the_ikm_scaling_and_the_coverage_rule_are_written_once():
    sources = [*PRODUCT, *(ROOT / "queries").rglob("*.sql"), *(ROOT / "views").rglob("*.py")]
    scaling = [p.name for p in sources if re.search(r"\*\s*25\b", p.read_text())]
    assert sorted(scaling) == ["stg_ikm_score.sql", "stg_ikm_score_weight_0_11.sql"]
    rule = [p.name for p in sources if re.search(r"applicant_group\s*<>\s*'umum'", p.read_text())]
    assert rule == ["stg_coverage_tickets.sql"]


def test_the_registry_is_the_one_list_of_pages():
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py")}
    assert files == {p.file for p in pages.PAGES}
    assert len({p.url_path for p in pages.PAGES}) == len(pages.PAGES)
    app = (ROOT / "app.py").read_text()
    assert "views/" not in app  # app.py takes every page from the registry


def test_streamlit_runs_no_work_a_page_does_not_need():
    """Issue 14: Streamlit's per-run extras the dashboard turned off, each measured: the magic transform re-parsed
    every page on every run (~50 ms warm), and the full garbage collection after every run cost ~80 ms of CPU with
    the interpreter lock held (0.35 CPU-s of each sign-in at the 08:00 rush). Read through Streamlit's own config."""
    import tomllib

    from streamlit import config as st_config

    runner = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["runner"]
    assert runner == {"magicEnabled": False, "postScriptGC": False}
    assert set(runner) <= {name.split(".", 1)[1] for name in st_config._config_options_template
                           if name.startswith("runner.")}  # real option names, not typos Streamlit would ignore
