"""The published page in a real browser: Debian's Chromium, headless, driven by Selenium (docs/publication.md).

- axe-core (bundled by the ``selenium-axe-python`` package, so nothing is fetched) checks the
  page against WCAG 2.1 A and AA and its best practices: no violations.
- At 320 CSS pixels wide (a 1280-pixel screen at 400 % zoom) the page reflows: the body never
  scrolls sideways. At 1366 and 375 pixels neither.
- Hostile text in every field shows as text: no script runs, no element is injected.
- The page loads nothing from elsewhere and has no script.

One browser for the whole module (starting Chromium takes about a second). `make test` installs
Chromium and its driver when missing (scripts/ensure-test-packages.sh); without them these tests
are skipped on a developer's machine and FAIL in CI (``CI=true``), so a green CI always means the
page was checked. The driver is named by path, so Selenium Manager never looks for one on the
network; Chromium is told to resolve no host names at all. ``SCREENSHOT_DIR`` (e.g.
``docs/screenshots``) keeps the screenshots there as well.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.reports.publication_support import HOSTILE, publish

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
IN_CI = os.environ.get("CI", "").lower() in {"true", "1", "yes"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# Selenium talks to chromedriver over the loopback interface: the one place a socket may go.
pytestmark = [pytest.mark.allow_hosts(["127.0.0.1", "::1", "localhost"]), pytest.mark.slow]


def _missing(what: str) -> None:
    message = f"{what}: `make test` installs it (scripts/ensure-test-packages.sh)"
    if IN_CI:
        pytest.fail(f"CI must check the published page in a browser, but {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            _missing(f"{path} is missing")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed (the `test` extra)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new", "--no-sandbox",  # CI runs as root
        "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--force-device-scale-factor=1",
        # No host name resolves: the page is a file, and Chromium's own services stay silent.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def axe_script() -> str:
    try:
        bundled = resources.files("selenium_axe_python") / "axe-core" / "axe.min.js"
    except ModuleNotFoundError:
        _missing("selenium-axe-python is not installed (the `test` extra)")
    return bundled.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("publication")
    return publish(folder / "demo.sqlite", folder / "webb")


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    return publish(folder / "hostile.sqlite", folder / "webb", hostile=True)


def _open(driver: Any, page: Path, width: int, height: int = 900) -> None:
    """The page in a viewport exactly ``width`` CSS pixels wide (the window's frame added)."""
    driver.set_window_size(width, height)
    driver.get(page.as_uri())
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        driver.set_window_size(width + (width - inner), height)
    assert driver.execute_script("return window.innerWidth") == width


def _axe(driver: Any, script: str) -> dict[str, Any]:
    driver.execute_script(script)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(done, error => done({error: String(error)}));",
        AXE_TAGS,
    )


def _described(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("width", [1366, 375])
def test_axe_finds_no_violation_of_wcag_2_1_aa(browser: Any, axe_script: str, demo_page: Path, width: int) -> None:
    _open(browser, demo_page, width)
    results = _axe(browser, axe_script)
    assert "error" not in results, results.get("error")
    assert results["testEngine"]["version"].startswith("4."), results["testEngine"]
    assert results["violations"] == [], _described(results["violations"])
    # The rules really ran and found what they check (a page axe could not read would pass vacuously).
    assert {"color-contrast", "html-has-lang", "th-has-data-cells", "heading-order", "td-headers-attr"} <= {
        rule["id"] for rule in results["passes"]
    }


def test_the_hostile_page_passes_axe_too(browser: Any, axe_script: str, hostile_page: Path) -> None:
    _open(browser, hostile_page, 1366)
    results = _axe(browser, axe_script)
    assert results["violations"] == [], _described(results["violations"])


@pytest.mark.parametrize("width", [320, 375, 1366])
def test_the_body_never_scrolls_sideways(browser: Any, demo_page: Path, hostile_page: Path, width: int) -> None:
    """320 CSS px is a 1280 px wide screen at 400 % zoom (WCAG 1.4.10 Reflow)."""
    for page in (demo_page, hostile_page):
        _open(browser, page, width)
        scroll_width, inner_width = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll_width <= inner_width, (page.parent.parent.name, width, scroll_width)


def test_on_a_laptop_screen_the_tables_fit_their_boxes(browser: Any, demo_page: Path) -> None:
    """At 1366 px every table is whole in view: none needs scrolling in its box."""
    _open(browser, demo_page, 1366)
    overflowing = browser.execute_script(
        "return [...document.querySelectorAll('.table-box')].filter(b => b.scrollWidth > b.clientWidth)"
        ".map(b => b.querySelector('caption').textContent)"
    )
    assert overflowing == []


def test_at_320_pixels_a_measure_is_read_top_to_bottom(browser: Any, demo_page: Path) -> None:
    """The measure tables reflow: each cell is a line of its own, labelled with its column."""
    _open(browser, demo_page, 320)
    row = browser.execute_script("""
        const row = document.querySelector('table.reflow tbody tr');
        const cells = [...row.children];
        return {display: getComputedStyle(row).display,
                lefts: cells.map(c => Math.round(c.getBoundingClientRect().left)),
                label: getComputedStyle(cells[1], '::before').content};
    """)
    assert row["display"] == "block"
    assert len(set(row["lefts"])) == 1, row  # one above the other, not side by side
    assert row["label"] == '"Ansvarig: "'


def test_hostile_text_shows_as_text_and_runs_nothing(browser: Any, hostile_page: Path) -> None:
    _open(browser, hostile_page, 1366)
    state = browser.execute_script("""
        return {pwned: window.__pwned === undefined ? null : window.__pwned,
                scripts: document.scripts.length,
                images: document.images.length,
                handlers: [...document.querySelectorAll('*')].filter(
                    e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
                text: document.body.innerText,
                title: document.title};
    """)
    assert state["pwned"] is None
    assert (state["scripts"], state["images"], state["handlers"]) == (0, 0, 0)
    for text in HOSTILE:
        # Each field shows the hostile text literally: title, municipality, case number, party, signatory,
        # promise, measure, unit, comment, next steps, the follow-up text.
        assert state["text"].count(text) >= 10, text
    assert "49" not in state["text"].replace("2024", "")  # {{ 7 * 7 }} was never evaluated
    assert HOSTILE[0] in state["title"]


def test_the_page_loads_nothing_and_has_no_script(browser: Any, demo_page: Path) -> None:
    _open(browser, demo_page, 1366)
    loaded = browser.execute_script(
        "return [document.scripts.length, performance.getEntriesByType('resource').map(e => e.name),"
        " document.styleSheets.length, document.documentElement.lang]"
    )
    assert loaded == [0, [], 1, "sv"]


@pytest.mark.parametrize("width", [1366, 375])
def test_screenshots_of_the_page(browser: Any, demo_page: Path, tmp_path: Path, width: int) -> None:
    """The whole page as a person sees it; kept in ``SCREENSHOT_DIR`` when set (docs/screenshots)."""
    _open(browser, demo_page, width)
    height, inner = browser.execute_script("return [document.documentElement.scrollHeight, window.innerHeight]")
    size = browser.get_window_size()
    browser.set_window_size(size["width"], size["height"] - inner + height)
    png = browser.get_screenshot_as_png()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    folders = [tmp_path, *([Path(os.environ["SCREENSHOT_DIR"])] if os.environ.get("SCREENSHOT_DIR") else [])]
    for folder in folders:
        (folder / f"publication-{width}.png").write_bytes(png)
