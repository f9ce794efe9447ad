"""Shared fixtures: the two sites built once per run, a server for each, one headless Chromium."""

from __future__ import annotations

import pathlib
import shutil
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import sitekit  # noqa: E402

# The example site (content/, with its map when `make geo` fetched the shapes) and the fixture site of the tests.
SITES = {
    "example": sitekit.REPO / "content",
    "minimal": sitekit.REPO / "Tests/Fixtures/sites/minimal/content",
}
# The second example (a CPTS with its annual reports), for the checks that must see every page type of every example.
MORE_SITES = {
    "blaisois": sitekit.REPO / "examples/cpts-blaisois/content",
}

# The national example: its invented regions and the main example's data/site.json, copied as regions/24.json at
# build time (as `make site` does). Checked by test_national.py (vnu, axe, reflow, typography) and the reader's check.
NATIONAL_EXAMPLE = sitekit.REPO / "examples/observatoire-national/content"


def national_content(folder: pathlib.Path, example_site_json: pathlib.Path) -> pathlib.Path:
    """A copy of the national example's content folder in `folder`, with the freshly built example's site.json."""
    content = folder / "content"
    shutil.copytree(NATIONAL_EXAMPLE, content, ignore=shutil.ignore_patterns("24.json"))
    shutil.copyfile(example_site_json, content / "regions/24.json")
    return content


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> pathlib.Path:
    return tmp_path_factory.mktemp("sites")


@pytest.fixture(scope="session")
def built_sites(workdir) -> dict[str, sitekit.Site]:
    return {name: sitekit.build_site(name, content, workdir / name) for name, content in SITES.items()}


@pytest.fixture(scope="session", params=sorted(SITES))
def site(request, built_sites) -> sitekit.Site:
    """Each real site in turn."""
    return built_sites[request.param]


@pytest.fixture(scope="session")
def minimal_site(built_sites) -> sitekit.Site:
    return built_sites["minimal"]


@pytest.fixture(scope="session")
def more_sites(workdir) -> dict[str, sitekit.Site]:
    return {name: sitekit.build_site(name, content, workdir / f"{name}-site") for name, content in MORE_SITES.items()}


@pytest.fixture(scope="session", params=sorted({**SITES, **MORE_SITES}))
def every_site(request) -> sitekit.Site:
    """Each real site in turn, the second example included (built only when a test asks for it)."""
    sites = request.getfixturevalue("more_sites" if request.param in MORE_SITES else "built_sites")
    return sites[request.param]


@pytest.fixture(scope="session")
def every_server(every_site):
    server = sitekit.SiteServer(every_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def servers(built_sites):
    started = {name: sitekit.SiteServer(site) for name, site in built_sites.items()}
    yield started
    for server in started.values():
        server.close()


@pytest.fixture(scope="session")
def server(site, servers) -> sitekit.SiteServer:
    return servers[site.name]


@pytest.fixture(scope="session")
def national_site(workdir, built_sites) -> sitekit.Site:
    content = national_content(workdir / "national-content", built_sites["example"].output / "data/site.json")
    return sitekit.build_site("national", content, workdir / "national")


@pytest.fixture(scope="session")
def national_server(national_site):
    server = sitekit.SiteServer(national_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def driver():
    browser = sitekit.start_chromium()
    yield browser
    browser.quit()


def pytest_report_header(config):
    import selenium

    return [f"cpts-site: {sitekit.BINARY}", f"chromium: {sitekit.CHROMIUM}, chromedriver: {sitekit.CHROMEDRIVER}",
            f"selenium {selenium.__version__}, vnu.jar: {sitekit.vnu_jar()}", f"screenshots: {sitekit.SCREENSHOTS}"]


def pytest_terminal_summary(terminalreporter):
    """What was checked, in numbers."""
    if not sitekit.SUMMARY:
        return
    terminalreporter.section("what the browser suite checked")
    for topic, lines in sitekit.SUMMARY.items():
        for line in lines:
            terminalreporter.write_line(f"{topic}: {line}")
