"""Proofs that the checks bite: each deliberately broken site must fail the very check the real sites pass.

- an HTML error (a copy of the built minimal site, altered): the Nu HTML Checker reports it;
- an accessibility violation (a fixture theme, Tests/Browser/fixtures/themes/inaccessible/, whose 404 page has a
  field without a label and an empty link — valid HTML all the same): axe-core reports it;
- a broken link and a missing anchor (a copy of the output, altered): `cpts-site check --links` exits 1 naming the
  page, the line and the target;
- a console error (a missing script): the console check reports it;
- figures out of sight (a copy of the output, altered): a funding table no longer stacked at phone width, whose
  totals hide in its box scrolling sideways, a state "à venir" broken over two lines, and a curve whose drawing
  cuts its axis labels: the figure check of test_reflow.py reports each.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
import yaml

import sitekit

FIXTURE_THEMES = sitekit.BROWSER_TESTS / "fixtures" / "themes"


def alter(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}: the fixture no longer matches the generated page"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_an_html_error_fails_the_html_check(minimal_site, tmp_path):
    broken = sitekit.copy_site(minimal_site, tmp_path / "html-error")
    page = broken.output / "cpts/vierzon/index.html"
    # A duplicate id and a block inside a paragraph: two errors a theme author could make.
    alter(page, "<h1>", '<h1 id="contenu">')
    alter(page, "</main>", "<p>Texte <div>bloc</div></p>\n</main>")
    messages = sitekit.validate_html(broken.pages(), broken.output)
    errors = [m for m in messages if m.kind == "error"]
    assert {m.file for m in errors} == {"cpts/vierzon/index.html"}, "\n".join(map(str, errors))
    text = "\n".join(map(str, errors))
    assert re.search(r"Duplicate ID .contenu.", text), text
    assert re.search(r"No .p. element in scope but a .p. end tag seen", text), text


def test_an_accessibility_violation_fails_the_axe_check(tmp_path, driver):
    content = tmp_path / "content"
    shutil.copytree(minimal_site_content(), content)
    settings = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    settings["theme"] = "inaccessible"
    (content / "site.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    # The fixture theme holds only its 404 template; the rest comes from the repository's default theme.
    os.environ["CPTS_SITE_THEMES"] = str(sitekit.REPO / "themes")
    try:
        site = sitekit.build_site("inaccessible", content, tmp_path / "public", themes=FIXTURE_THEMES)
    finally:
        del os.environ["CPTS_SITE_THEMES"]
    # Valid HTML: only axe can tell.
    assert [m for m in sitekit.validate_html([site.output / "404.html"], site.output) if m.kind == "error"] == []
    server = sitekit.SiteServer(site)
    try:
        sitekit.open_page(driver, server.url("404.html"))
        violations = sitekit.run_axe(driver)["violations"]
        assert {"label", "link-name"} <= {v["id"] for v in violations}, sitekit.describe_violations(violations)
        # The other pages, from the default theme, stay clean.
        sitekit.open_page(driver, server.url("methodologie/"))
        assert sitekit.run_axe(driver)["violations"] == []
    finally:
        server.close()


def test_a_broken_link_and_a_missing_anchor_fail_the_link_check(minimal_site, tmp_path):
    broken = sitekit.copy_site(minimal_site, tmp_path / "public")
    page = broken.output / "cpts/vierzon/index.html"
    alter(page, 'href="../../departements/18/"', 'href="../../departements/99/"')
    alter(page, '<a class="skip" href="#contenu">', '<a class="skip" href="#contenu-principal">')
    result = sitekit.check_links(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    shown = str(broken.output)
    assert re.search(re.escape(shown) + r"/cpts/vierzon/index\.html:\d+:\d+: error: le lien vers «\u202f\.\./\.\./departements/99/\u202f» "
                     r"de cpts/vierzon/index\.html ne mène nulle part", result.stderr), result.stderr
    assert "l’ancre «\u202f#contenu-principal\u202f» n’existe pas" in result.stderr, result.stderr
    assert result.stderr.rstrip().endswith("2 erreurs, 0 avertissement"), result.stderr
    # The untouched original passes.
    assert sitekit.check_links(minimal_site).returncode == 0


def test_a_missing_script_fails_the_console_check(minimal_site, tmp_path, driver):
    broken = sitekit.copy_site(minimal_site, tmp_path / "public")
    alter(broken.output / "index.html", "</head>", '<script src="assets/absent.js" defer></script>\n</head>')
    server = sitekit.SiteServer(broken)
    try:
        errors = sitekit.open_page(driver, server.url())
        assert any("absent.js" in error for error in errors), errors
        assert sitekit.open_page(driver, server.url("methodologie/")) == []
    finally:
        server.close()


def test_figures_out_of_sight_fail_the_figure_check(minimal_site, tmp_path, driver):
    broken = sitekit.copy_site(minimal_site, tmp_path / "public")
    # The stacked rows taken away: the table is back in its box, wider than a phone.
    alter(broken.output / "cpts/sud-lochois/index.html", '<table class="funding stack stack-wide" ', '<table class="funding" ', count=-1)
    # Short states no longer kept on one line: "à venir" breaks in the narrow last column of the payments at 1280 px.
    stylesheet = next(broken.output.glob("assets/style.*.css"))
    alter(stylesheet, "td.num, td.status-on-time, td.status-late, td.status-upcoming { white-space: nowrap; }", "")
    # The phone's curve drawn from x = 24: the labels of its vertical axis (at its left) are cut by its edge.
    home = broken.output / "index.html"
    narrow = re.search(r'<svg class="chart line-chart" viewBox="0 0 300 ', home.read_text(encoding="utf-8"))
    assert narrow, "the home page has no phone curve: the fixture no longer matches the generated page"
    alter(home, narrow.group(0), '<svg class="chart line-chart" viewBox="24 0 300 ')
    server = sitekit.SiteServer(broken)
    try:
        driver.get(server.url("cpts/sud-lochois/"))
        failures = sitekit.figures_out_of_sight(driver, 320)["failures"]
        text = "\n".join(failures)
        # Beyond the screen's edge, or hidden in the box (the first check that fails is the one reported).
        out = r"(lies outside the viewport|is clipped by its ancestor div\.table-scroll)"
        assert re.search(r"<td> «[0-9 ]+ €» " + out, text), text  # (spaces of every kind shown as plain ones)
        assert re.search(r"<caption> «Année 1 du contrat[^»]*» " + out, text), text
        text = "\n".join(sitekit.figures_out_of_sight(driver, 1280)["failures"])
        assert re.search(r"<td> «à venir» wraps over 2 lines", text), text
        assert "table-scroll" not in text and "viewport" not in text, text  # a table at desktop width: it fits
        sitekit.clear_width(driver)
        driver.get(server.url())
        text = "\n".join(sitekit.figures_out_of_sight(driver, 320)["failures"])
        assert re.search(r"<text> «50 %» is clipped by its ancestor svg\.chart\.line-chart", text), text
        assert re.search(r"<text> «100 %» (lies outside the viewport|is clipped by its ancestor svg)", text), text
        # The untouched originals pass.
        original = sitekit.SiteServer(minimal_site)
        try:
            for path in ("cpts/sud-lochois/", ""):
                sitekit.clear_width(driver)
                driver.get(original.url(path))
                assert sitekit.figures_out_of_sight(driver, 320)["failures"] == [], path
        finally:
            original.close()
    finally:
        sitekit.clear_width(driver)
        server.close()


def minimal_site_content():
    return sitekit.REPO / "Tests/Fixtures/sites/minimal/content"
