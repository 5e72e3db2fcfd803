"""Real-browser tests: the dashboard in Debian's Chromium, driven by Playwright, against ``streamlit run app.py``.

One small demo store (60 days up to 30 June 2026, seed 3, the four demo accounts), one Streamlit server on a free
port and one Chromium for the whole module; every test gets its own browser context (its own Streamlit session,
so it signs in itself). Each run saves what it saw into tests/screenshots/ and rewrites the README's pictures in
docs/screenshots/. Every test is marked ``browser``: without Chromium it fails and says how to get it (``make test``
installs it as root); ``SKIP_BROWSER=1`` skips them, and the summary says so (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright import sync_api

from tests.e2e_support import (
    AUTO_NAV,
    CHROMIUM_ARGS,
    FIRST_LOAD_MS,
    MAIN,
    METRIC,
    README_SHOTS,
    SIDEBAR,
    STEP_MS,
    StreamlitServer,
    build_demo_store,
    choose,
    chromium_path,
    combobox_value,
    download_affordances,
    go_to,
    heading,
    horizontal_overflow,
    main_metrics,
    navigate_in_session,
    open_app,
    open_expander,
    problems,
    screenshot,
    screenshot_main,
    settle,
    sidebar_links,
    sign_in,
    wait_for_charts,
)

CHROMIUM = chromium_path()
pytestmark = pytest.mark.browser
PlaywrightTimeout = sync_api.TimeoutError

# (README picture, page title, URL path, charts expected): the dashboard pages in menu order.
DASHBOARD = (
    ("ringkasan", "Ringkasan pagi", "/", False),
    ("kuota", "Kuota", "/kuota", True),
    ("waktu-layanan", "Waktu layanan", "/waktu-layanan", True),
    ("kepuasan", "Kepuasan (IKM)", "/kepuasan", True),
    ("fasilitas", "Fasilitas", "/fasilitas", True),
    ("simulasi", "Simulasi", "/simulasi", True),  # kepala_kantor and supervisor only (kancil/roles.py "simulation")
)
DASHBOARD_TITLES = tuple(title for _slug, title, _path, _charts in DASHBOARD)
AUDIT_TITLES = tuple(title for title in DASHBOARD_TITLES if title != "Simulasi")
ROLE_LINKS = {  # the sidebar page links each role gets (app.py PAGES and kancil/roles.py CAPABILITIES)
    "kepala_kantor": DASHBOARD_TITLES,
    "supervisor": (*DASHBOARD_TITLES, "Data", "Pengaturan"),
    "auditor": (*AUDIT_TITLES, "Unduh data", "Log unduhan"),
    "admin": ("Log unduhan", "Data", "Pengguna"),
}
REFUSED_PATH = {"kepala_kantor": "/pengguna", "supervisor": "/unduh", "auditor": "/pengaturan", "admin": "/kuota"}
REFUSAL = "tidak tersedia untuk peran"


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """The demo store and one Streamlit server over it for the module; stopped at the end (terminate, then kill)."""
    base = tmp_path_factory.mktemp("e2e")
    db = build_demo_store(base / "demo.duckdb")
    app = StreamlitServer(db=db, log=base / "streamlit.log")
    app.start()
    try:
        yield app
    finally:
        app.stop()


@pytest.fixture(scope="module")
def browser(server: StreamlitServer) -> Iterator[object]:
    """One headless Chromium (Debian's) for the module."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _contexts(browser) -> tuple[Callable[..., object], list]:
    opened: list = []

    def new_page(width: int = 1366, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                      locale="id-ID", timezone_id="Asia/Jakarta")
        context.set_default_timeout(STEP_MS)
        opened.append(context)
        return context.new_page()

    return new_page, opened


@pytest.fixture
def new_page(browser) -> Iterator[Callable[..., object]]:
    """A factory of pages, each in a fresh browser context (a new Streamlit session); all closed after the test."""
    make, opened = _contexts(browser)
    yield make
    for context in opened:
        context.close()


def signed_in(new_page, server: StreamlitServer, role: str, path: str = "/", width: int = 1366,
              height: int = 900):
    page = new_page(width, height)
    open_app(page, server.url + path)
    sign_in(page, role)
    return page


# ------------------------------------------------------------------------------------------------ before any sign-in


@pytest.fixture(scope="module", autouse=True)
def first_look(browser, server) -> dict:
    """What a fresh server shows before anybody has signed in (autouse: it runs before the module's first test,
    whichever that is): a colleague's link to the Kuota page, and the start page."""
    make, opened = _contexts(browser)
    seen = {}
    try:
        for name, path in (("link", "/kuota?periode=7h&jalur=prioritas"), ("start", "/")):
            page = make()
            fetched: list[str] = []
            page.on("response", lambda response, fetched=fetched: fetched.append(response.url.rsplit("/", 1)[-1]))
            open_app(page, server.url + path)
            form = page.get_by_label("Nama pengguna")
            form.or_(page.locator(f"{MAIN} [data-testid='stAlert']")).first.wait_for(timeout=FIRST_LOAD_MS)
            settle(page)
            # the script's end is not the hidden elements' mount: React mounts each once its code has arrived,
            # which on a loaded machine comes after the run has finished (seen: the table not yet there)
            for kind in EARLY_ELEMENTS:
                with contextlib.suppress(PlaywrightTimeout):  # not there in time: the test below says so
                    page.locator(f"{MAIN} [data-testid='{kind}']").first.wait_for(state="attached", timeout=STEP_MS)
            screenshot(page, f"before-sign-in-{name}")
            menu = page.locator(AUTO_NAV).inner_text().split("\n") if page.locator(AUTO_NAV).count() else []
            seen[name] = {"url": page.url, "sign_in_form": form.is_visible(), "page_menu": [m for m in menu if m],
                          "main": " | ".join(page.locator(MAIN).inner_text().split("\n\n"))[:300],
                          "code": sorted({name.split(".")[0] for name in fetched if name.endswith(".js")}),
                          "elements": {kind: [e.is_visible() for e in
                                              page.locator(f"{MAIN} [data-testid='{kind}']").all()]
                                       for kind in EARLY_ELEMENTS}}
    finally:
        for context in opened:
            context.close()
    return seen


def test_before_any_sign_in_every_address_asks_to_sign_in_and_lists_no_pages(first_look):
    """Fresh server, nobody signed in yet: the start page and a link to a page both show the sign-in form, and the
    sidebar lists no page names (Streamlit's automatic pages/ menu must not appear)."""
    wrong = {name: seen for name, seen in first_look.items() if not seen["sign_in_form"] or seen["page_menu"]}
    assert not wrong, (
        "before the first sign-in since the server started: "
        + "; ".join(f"{seen['url']} shows sign-in form={seen['sign_in_form']}, page menu={seen['page_menu']}, "
                    f"main: {seen['main']!r}" for seen in wrong.values()))


EARLY_ELEMENTS = ("stMetric", "stDownloadButton", "stTable")


def test_the_sign_in_screen_loads_the_pages_element_code_and_shows_none_of_it(first_look):
    """kancil/web/early_code.py: under the sign-in form the browser fetches the code of the metric, the download
    button and the static table (so that a page's first visit does not wait for it), from one hidden element of
    each kind: attached, not visible."""
    for name, seen in first_look.items():
        assert {"Metric", "DownloadButton", "Table"} <= set(seen["code"]), (name, seen["code"])
        assert seen["elements"] == {kind: [False] for kind in EARLY_ELEMENTS}, (name, seen["elements"])


# ------------------------------------------------------------------------------------------------ pages


def visit_tabs(page, title: str, slug: str) -> list[str]:
    """Open every further tab of the page (a tab's content is drawn only when it is opened): each must run
    without an exception. Returns what went wrong."""
    failures = []
    tabs = page.locator(f"{MAIN} [role='tab']")
    names = [name.strip() for name in tabs.all_inner_texts()]
    for n, name in enumerate(names[1:], start=1):
        try:
            tabs.nth(n).click()
            page.wait_for_timeout(200)
            settle(page, FIRST_LOAD_MS)
        except PlaywrightTimeout as exc:
            failures.append(f"{title}, tab {name!r}: did not finish ({exc.message.splitlines()[0]})")
        failures += [f"{title}, tab {name!r}: {p}" for p in problems(page)]
        tabs.nth(n).evaluate("tab => tab.scrollIntoView({block: 'start'})")  # the tab's content in the picture
        screenshot(page, f"page-{slug}-tab-{n}")
    return failures


def test_every_dashboard_page_loads_with_its_charts(server, new_page):
    """The dashboard pages (the five analysis pages and Simulasi) through the sidebar: no exception, charts drawn
    (the briefing: its metrics).
    Saves each page into tests/screenshots/ and the README's pictures (1366 wide, the whole main area)."""
    page = signed_in(new_page, server, "kepala_kantor")
    failures = []
    for slug, title, path, has_charts in DASHBOARD:
        try:
            go_to(page, title)
            if has_charts:
                shown = wait_for_charts(page, FIRST_LOAD_MS)
            else:
                page.locator(METRIC).first.wait_for(timeout=FIRST_LOAD_MS)
                shown = page.locator(METRIC).count()
        except PlaywrightTimeout as exc:
            failures.append(f"{title}: {'no chart drawn' if has_charts else 'no metric shown'} in time "
                            f"({exc.message.splitlines()[0]})")
            shown = 0
        failures += [f"{title}: {p}" for p in problems(page)]
        if urlparse(page.url).path not in (path, f"/{slug}"):
            failures.append(f"{title}: URL {page.url} is not the page's path {path}")
        if shown < 1:
            failures.append(f"{title}: expected at least one {'chart' if has_charts else 'metric'}, saw {shown}")
        screenshot(page, f"page-{slug}")
        screenshot_main(page, README_SHOTS / f"{slug}.png")
        failures += visit_tabs(page, title, slug)
    assert not failures, "\n".join(failures)


# ------------------------------------------------------------------------------------------------ filters and links


@pytest.fixture(scope="module")
def lane_view(browser, server) -> Iterator[dict]:
    """On Kuota, Jalur = Prioritas chosen in the sidebar: the URL and the metrics before and after (the briefing
    ignores the lane filter: its scope is the office and the day)."""
    make, opened = _contexts(browser)
    try:
        page = make()
        open_app(page, server.url + "/kuota")
        sign_in(page, "kepala_kantor")
        page.locator(METRIC).first.wait_for(timeout=FIRST_LOAD_MS)
        before = {"url": page.url, "metrics": main_metrics(page), "title": heading(page)}
        choose(page, "Jalur", "Prioritas")
        page.wait_for_url(re.compile(r"[?&]jalur=prioritas(&|$)"), timeout=STEP_MS)
        settle(page)
        page.locator(METRIC).first.wait_for()
        screenshot(page, "filter-jalur-prioritas")
        yield {"before": before, "url": page.url, "metrics": main_metrics(page), "title": heading(page),
               "lane": combobox_value(page, "Jalur"), "problems": problems(page)}
    finally:
        for context in opened:
            context.close()


def _changed(before: list[tuple[str, str]], after: list[tuple[str, str]]) -> list[str]:
    was = dict(before)
    return [f"{label}: {was[label]} -> {value}" for label, value in after if label in was and was[label] != value]


def test_choosing_a_lane_changes_the_url_and_the_numbers(lane_view):
    assert not lane_view["problems"], lane_view["problems"]
    assert "jalur=" not in lane_view["before"]["url"]
    assert parse_qs(urlparse(lane_view["url"]).query).get("jalur") == ["prioritas"], lane_view["url"]
    assert lane_view["lane"] == "Prioritas"
    assert lane_view["title"] == lane_view["before"]["title"] == "Kuota"
    assert lane_view["metrics"] != lane_view["before"]["metrics"], "no shown number changed with Jalur = Prioritas"
    # One fill-rate card instead of three
    assert [label for label, _v in lane_view["metrics"] if label.startswith("Keterisian")] == ["Keterisian Prioritas"]


def test_opening_a_copied_link_reproduces_the_view(lane_view, server, new_page):
    """The URL of the lane view in a new browser session: after the sign-in the same lane and the same numbers."""
    page = new_page()
    open_app(page, lane_view["url"])
    sign_in(page, "kepala_kantor")
    page.locator(METRIC).first.wait_for(timeout=FIRST_LOAD_MS)
    screenshot(page, "copied-link")
    assert not problems(page), problems(page)
    assert parse_qs(urlparse(page.url).query).get("jalur") == ["prioritas"], page.url
    assert combobox_value(page, "Jalur") == "Prioritas"
    assert heading(page) == lane_view["title"]
    assert main_metrics(page) == lane_view["metrics"]


def test_a_copied_link_to_another_page_opens_that_page_after_sign_in(server, new_page):
    """A colleague's link to the Kuota page with a lane chosen: after the sign-in it must show Kuota, lane set."""
    page = new_page()
    open_app(page, f"{server.url}/kuota?periode=7h&jalur=prioritas")
    sign_in(page, "kepala_kantor")
    screenshot(page, "copied-link-kuota")
    assert combobox_value(page, "Jalur") == "Prioritas"
    assert heading(page) == "Kuota", (
        f"the link /kuota?periode=7h&jalur=prioritas showed {heading(page)!r} at {page.url} after the sign-in: "
        "the page of a link is lost when the first run of the session shows the sign-in form")
    assert urlparse(page.url).path == "/kuota"


SIDEBAR_SELECTS = {"id": ("Periode", "Kantor", "Jalur"), "en": ("Period", "Office", "Lane")}


@pytest.fixture(scope="module")
def english_view(browser, server) -> Iterator[dict]:
    """The briefing, then "English" toggled in the sidebar, then the Quota page: what each step showed."""
    make, opened = _contexts(browser)
    try:
        page = make()
        open_app(page, server.url)
        sign_in(page, "kepala_kantor")
        view = {"before": {"title": heading(page),
                           "selects": [combobox_value(page, label) for label in SIDEBAR_SELECTS["id"]]}}
        page.locator(SIDEBAR).get_by_text("English", exact=True).click()
        page.locator(f"{MAIN} h1").filter(has_text="Morning briefing").wait_for()
        settle(page)
        screenshot(page, "english")
        view["after"] = {"title": heading(page), "url": page.url, "links": sidebar_links(page),
                         "selects": [combobox_value(page, label) for label in SIDEBAR_SELECTS["en"]],
                         "problems": problems(page)}
        go_to(page, "Quota")
        screenshot(page, "english-quota")
        view["quota"] = {"title": heading(page), "url": page.url,
                         "selects": [combobox_value(page, label) for label in SIDEBAR_SELECTS["en"]],
                         "problems": problems(page)}
        yield view
    finally:
        for context in opened:
            context.close()


def test_language_switch_turns_the_page_english(english_view):
    before, after, quota = english_view["before"], english_view["after"], english_view["quota"]
    assert before["title"] == "Ringkasan pagi"
    assert after["title"] == "Morning briefing"
    assert parse_qs(urlparse(after["url"]).query).get("bahasa") == ["en"], after["url"]
    assert "Morning briefing" in after["links"] and "Quota" in after["links"], after["links"]
    assert not after["problems"], after["problems"]
    # The language stays on the next page.
    assert quota["title"] == "Quota"
    assert parse_qs(urlparse(quota["url"]).query).get("bahasa") == ["en"], quota["url"]
    assert not quota["problems"], quota["problems"]


def test_language_switch_translates_the_sidebar_filters(english_view):
    """The filter values are words too: "30 hari" / "Semua" must read "30 days" / "All" once English is on."""
    assert english_view["before"]["selects"] == ["30 hari", "Semua", "Semua"]
    wanted = ["30 days", "All", "All"]
    shown = {"right after the switch": english_view["after"]["selects"],
             "after moving to Quota": english_view["quota"]["selects"]}
    wrong = {when: values for when, values in shown.items() if values != wanted}
    assert not wrong, (f"sidebar Period/Office/Lane should show {wanted}; shown: {wrong} "
                       "('' = the empty placeholder 'Choose an option')")


# ------------------------------------------------------------------------------------------------ download


def test_auditor_download_has_a_manifest_whose_hash_verifies(server, new_page, tmp_path: Path):
    page = signed_in(new_page, server, "auditor")
    go_to(page, "Unduh data")
    assert not problems(page), problems(page)
    prepare = page.get_by_role("button", name="Siapkan unduhan")
    try:
        prepare.wait_for(timeout=STEP_MS)
    except PlaywrightTimeout:
        screenshot(page, "unduh-placeholder")
        pytest.skip("the Unduh data page has no 'Siapkan unduhan' button yet (still a placeholder)")
    prepare.click()
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text="Unduh kancil_")
    button.wait_for(timeout=FIRST_LOAD_MS)
    settle(page)
    screenshot(page, "unduh-ready")
    with page.expect_download(timeout=STEP_MS) as info:
        button.click()
    download = info.value
    assert download.failure() is None, download.failure()
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".zip" and saved.name.startswith("kancil_antrian_"), saved.name
    with zipfile.ZipFile(saved) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = zf.read(manifest["file"])
        assert sorted(zf.namelist()) == sorted([manifest["file"], "manifest.json"])
    assert hashlib.sha256(data).hexdigest() == manifest["sha256"]
    assert manifest["username"] == "auditor" and manifest["dataset"] == "antrian" and manifest["rows"] > 0
    assert manifest["filters"]["date_from"] == "2026-06-01" and manifest["filters"]["date_to"] == "2026-06-30"
    # The same download is in the log, with its hash (the page may show only its start).
    go_to(page, "Log unduhan")
    page.locator(MAIN).get_by_text(manifest["sha256"][:12]).first.wait_for()
    screenshot(page, "log-unduhan")
    assert not problems(page), problems(page)


# ------------------------------------------------------------------------------------------------ roles


def test_a_charts_numbers_download_as_a_csv_made_on_click(server, new_page):
    """The chart kit's "Unduh CSV" under a chart's numbers: the file is made when clicked (a callable, not bytes sent
    with every page run) and is the table shown, spreadsheet-ready (UTF-8 with BOM, one row per day)."""
    page = signed_in(new_page, server, "supervisor")
    go_to(page, "Kuota")
    open_expander(page, "Angka di balik grafik")
    button = page.locator(f"{MAIN} [data-testid='stDownloadButton'] button").filter(has_text="Unduh CSV").first
    button.wait_for(timeout=STEP_MS)
    with page.expect_download(timeout=STEP_MS) as info:
        button.click()
    download = info.value
    assert download.failure() is None, download.failure()
    assert download.suggested_filename == "kuota_daily_prioritas.csv"  # the first chart: the priority lane's days
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[:2] == ["Jalur,Tanggal,Tiket,Tiket pada hari berkuota,Kuota,Hari berkuota,Hari di atas kuota,"
                         "Keterisian kuota",
                         'Prioritas,2 Jun 2026,20,20,30,1,0,"66,7%"']  # 20 tickets of a quota of 30
    assert len(lines) == 1 + 22  # a header and the demo's 22 service days of June 2026


@pytest.mark.parametrize("role", tuple(ROLE_LINKS))
def test_each_role_sees_only_its_pages(role, server, new_page):
    page = signed_in(new_page, server, role)
    screenshot(page, f"role-{role}")
    assert not problems(page), problems(page)
    assert set(sidebar_links(page)) == set(ROLE_LINKS[role]), sidebar_links(page)
    # A page the role may not use, reached by its address inside the session: the refusal, not the page.
    navigate_in_session(page, REFUSED_PATH[role])
    page.get_by_text(REFUSAL).first.wait_for()
    screenshot(page, f"role-{role}-refused")
    assert urlparse(page.url).path == REFUSED_PATH[role]
    assert heading(page) is None and page.locator(METRIC).count() == 0, "the refused page still shows content"
    assert not problems(page), problems(page)


PATHS = {  # the URL path of each page title (kancil/pages.py: /<key> with - for _)
    **{title: path for _slug, title, path, _charts in DASHBOARD}, "Ringkasan pagi": "/ringkasan",
    "Data": "/data", "Pengaturan": "/pengaturan", "Pengguna": "/pengguna", "Unduh data": "/unduh",
    "Log unduhan": "/log-unduhan",
}
AUDITED_EXPORT = {"Unduh data"}  # the one page whose download button is the audited ZIP


@pytest.mark.parametrize("role", tuple(ROLE_LINKS))
def test_every_link_of_a_role_opens_its_page_after_sign_in_and_offers_no_unaudited_download(role, server, new_page):
    """Signed out, a link to any page the role may use shows the sign-in form, never Streamlit's "Page not found";
    signing in through the link of the role's home page and of another of its pages opens that very page; then
    every page of the role (sidebar), with no crash and no table or button that takes data out past the audited
    export. (Which page a link opens after the sign-in is one rule in app.py, so two sign-ins per role test it.)"""
    wrong = []
    for title in ROLE_LINKS[role]:
        page = new_page()
        open_app(page, server.url + PATHS[title])
        try:
            page.get_by_label("Nama pengguna").wait_for(timeout=STEP_MS)
        except PlaywrightTimeout:
            wrong.append(f"{PATHS[title]} signed out: no sign-in form")
        wrong += [f"{PATHS[title]} signed out: {p}" for p in problems(page)]
        page.context.close()
    home, other = ROLE_LINKS[role][0], ROLE_LINKS[role][-1]
    for title in (other, home):
        page = new_page()
        open_app(page, server.url + PATHS[title])
        sign_in(page, role)
        if heading(page) != title or urlparse(page.url).path != PATHS[title]:
            wrong.append(f"link {PATHS[title]}: after sign-in {heading(page)!r} at {urlparse(page.url).path}")
    for title in ROLE_LINKS[role]:
        if title != home:
            go_to(page, title)
        wrong += [f"{title}: {p}" for p in problems(page)]
        if title not in AUDITED_EXPORT:
            wrong += [f"{title}: {a}" for a in download_affordances(page)]
    assert not wrong, wrong


def test_a_typed_url_of_a_refused_page_shows_the_refusal(server, new_page):
    """The head of office types .../pengguna: after the sign-in the refusal message, not the users page."""
    page = new_page()
    open_app(page, f"{server.url}/pengguna")
    sign_in(page, "kepala_kantor")
    screenshot(page, "typed-url-refused")
    refused = REFUSAL in page.locator(MAIN).inner_text()
    assert refused, (
        f"typed /pengguna, signed in as kepala: no refusal; the page shown is {heading(page)!r} at {page.url} "
        "(the page of a typed address is lost when the session's first run shows the sign-in form)")


# ------------------------------------------------------------------------------------------------ layout


def test_briefing_fits_a_small_screen_without_horizontal_scroll(server, new_page):
    page = signed_in(new_page, server, "kepala_kantor", width=1366, height=768)
    page.locator(METRIC).first.wait_for(timeout=FIRST_LOAD_MS)
    screenshot(page, "small-screen-ringkasan")
    widths = horizontal_overflow(page)
    assert widths["document_scroll"] <= widths["window"], widths
    assert widths["main_scroll"] <= widths["main_client"], widths


def _tracebacks(log: str) -> dict[str, int]:
    """Each logged traceback as "its exception  (after: the message logged with it)", counted."""
    found: dict[str, int] = {}
    parts = log.split("Traceback (most recent call last):")
    for before, block in zip(parts, parts[1:], strict=False):
        message = before.strip().splitlines()[-1] if before.strip() else ""
        message = re.sub(r"^\d{4}-\d\d-\d\d[ T][\d:.,]+\s*", "", message)[:140]  # without its time stamp
        exception = next((line for line in block.splitlines() if line.strip() and not line[0].isspace()), "?")
        key = f"{exception.strip()[:200]}  (after: {message})"
        found[key] = found.get(key, 0) + 1
    return found


def test_server_log_has_no_traceback(server):
    """Whatever the tests above did, the server logged no exception (users would not see one: showErrorDetails is
    "none"), not even one that Streamlit works around by itself."""
    found = _tracebacks(server.log_tail(10**8))
    assert not found, "the server logged tracebacks:\n" + "\n".join(f"{n} x {k}" for k, n in found.items())


# ------------------------------------------------------------------------------------------------ briefing and state


def test_the_briefing_opens_with_its_findings_in_the_first_screen(server, new_page):
    """At 1366 x 768 the day, the office and the "Perlu perhatian" list are on the first screen, and a finding's
    "Lihat" opens the exact tab and period."""
    page = signed_in(new_page, server, "kepala_kantor", width=1366, height=768)
    heading_box = page.locator(MAIN).get_by_text("Perlu perhatian", exact=True).first.bounding_box()
    first = page.locator(f"{MAIN} [data-testid='stAlertContentWarning']").filter(has_not_text="DATA CONTOH").first
    screenshot(page, "briefing-first-screen")
    assert heading_box and heading_box["y"] < 768, heading_box
    assert first.bounding_box()["y"] < 768, first.bounding_box()
    assert page.locator(MAIN).get_by_text("Selasa, 30 Juni 2026 · Semua kantor").count() == 1
    link = page.locator(f"{MAIN} [data-testid='stPageLink-NavLink']").filter(has_text="Lihat").first
    href = link.get_attribute("href")
    assert "periode=custom" in href and "sampai=2026-06-30" in href, href
    link.click()
    page.wait_for_url(re.compile(r"[?&]sampai=2026-06-30"), timeout=STEP_MS)
    settle(page, FIRST_LOAD_MS)
    assert not problems(page), problems(page)
    query = parse_qs(urlparse(page.url).query)
    assert query.get("sampai") == ["2026-06-30"] and query.get("periode") == ["custom"], page.url
    if "tab" in query:  # a finding of the turnaround page: its tab is the one open
        selected = page.locator(f"{MAIN} [role='tab'][aria-selected='true']").inner_text().strip()
        assert selected == query["tab"][0], (selected, page.url)


def test_a_reload_keeps_the_session_and_signing_out_ends_it(server, new_page):
    page = signed_in(new_page, server, "supervisor")
    page.locator(METRIC).first.wait_for(timeout=FIRST_LOAD_MS)
    form = page.get_by_label("Nama pengguna")
    sign_out = page.locator(SIDEBAR).get_by_role("button", name="Keluar")
    page.reload()
    # right after a reload Streamlit reports "connected, not running" before the first script run has drawn
    # anything, so wait for what the run draws: the sign-in form or the signed-in frame
    form.or_(sign_out).first.wait_for(timeout=FIRST_LOAD_MS)
    settle(page, FIRST_LOAD_MS)
    assert form.count() == 0, "F5 asked to sign in again"
    assert sign_out.count() == 1
    sign_out.click()
    form.wait_for(timeout=STEP_MS)
    page.reload()
    form.or_(sign_out).first.wait_for(timeout=FIRST_LOAD_MS)
    settle(page, FIRST_LOAD_MS)
    assert form.count() == 1 and sign_out.count() == 0, "after signing out a reload still signed in"


def test_a_copied_link_with_a_tab_and_a_lane_reproduces_the_view(server, new_page):
    page = signed_in(new_page, server, "supervisor", path="/waktu-layanan")
    page.locator(f"{MAIN} [role='tab']").filter(has_text="Penyelesaian").click()
    page.wait_for_url(re.compile(r"[?&]tab=Penyelesaian(&|$)"), timeout=STEP_MS)
    settle(page)
    tab_url = page.url
    navigate_in_session(page, "/kuota")
    page.locator(f"{MAIN} [data-testid='stRadio']").get_by_text("Reguler", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]grafik_jalur=Reguler(&|$)"), timeout=STEP_MS)
    settle(page)
    lane_url = page.url
    fresh = new_page()
    open_app(fresh, tab_url)
    sign_in(fresh, "supervisor")
    settle(fresh, FIRST_LOAD_MS)
    selected = fresh.locator(f"{MAIN} [role='tab'][aria-selected='true']").inner_text().strip()
    assert selected == "Penyelesaian", (selected, fresh.url)
    other = new_page()
    open_app(other, lane_url)
    sign_in(other, "supervisor")
    settle(other, FIRST_LOAD_MS)
    checked = other.locator(f"{MAIN} [data-testid='stRadio'] input:checked").first
    assert checked.evaluate("e => e.closest('label').innerText").strip() == "Reguler", other.url
    assert any("Tiket jalur Reguler" in c for c in other.locator(f"{MAIN} [data-testid='stCaptionContainer']")
               .all_inner_texts()), "the daily chart is not the Reguler lane's"


def test_the_rush_driver_reaches_the_briefing_over_the_websocket_protocol(server):
    """benchmarks/wire.py, which the 125-session rush relies on, speaks to the real server as the frontend does:
    the sign-in form's fields are found by their labels, and pressing Masuk ends in the briefing's run, whose
    headings are the page's own, with no exception."""
    import asyncio
    import concurrent.futures

    from benchmarks import wire
    from tests.e2e_support import ACCOUNTS

    async def sign_in(password: str) -> wire.Run:
        async with wire.Session(server.url, "kantor=CLP") as session:
            form = await session.run()
            assert {"Nama pengguna", "Kata sandi", "Masuk"} <= set(form.widgets)
            run, _seconds = await session.sign_in(form, ACCOUNTS["kepala_kantor"][0], password)
            return run

    with concurrent.futures.ThreadPoolExecutor(1) as thread:  # Playwright's sync API holds this thread's loop
        run = thread.submit(asyncio.run, sign_in(ACCOUNTS["kepala_kantor"][1])).result()
    assert not run.exceptions
    assert run.headings[run.headings.index("Ringkasan pagi"):][:3] == ["Ringkasan pagi", "Perlu perhatian", "Per jalur"]
