"""Reflow (WCAG 2.1, 1.4.10, required by the RGAA), on every page of each site, in Chromium: at 320 and 390 CSS px
wide no page scrolls sideways, and the text of every chart is at least 12 px once scaled; at 320, 390, 768 and
1 280 px every figure (each table cell, each caption, each text of a chart) lies inside the viewport, none hidden in a box
that scrolls sideways nor cut by the edge of its drawing (issue #24): a wide table's rows are stacked at phone
width, each cell showing its column's label."""

from __future__ import annotations

import pytest

import sitekit

WIDTHS = [320, 390]
# The phone widths, a tablet (between the theme's two breakpoints, 42 and 64 rem, where only the widest tables are
# stacked) and the widest layout of the theme (its main column stops growing at 64 rem).
FIGURE_WIDTHS = [320, 390, 768, 1280]

# The page's width, what overflows it (outside a box that scrolls on its own), and every SVG text's rendered size:
# its computed font size times the scale its SVG is drawn at.
MEASURE = """
const width = arguments[0];
const overflowing = [];
for (const element of document.body.querySelectorAll('*')) {
  if (element.closest('.table-scroll') && !element.classList.contains('table-scroll')) continue;
  const box = element.getBoundingClientRect();
  if (box.width > 0 && box.right > width + 0.5) overflowing.push(element.tagName.toLowerCase() + (element.className && element.className.baseVal === undefined ? '.' + element.className : '') + ' ' + Math.round(box.right));
}
const small = [];
let texts = 0;
for (const text of document.querySelectorAll('svg text')) {
  if (!text.getClientRects().length) continue;  // a variant hidden at this width
  texts++;
  const matrix = text.getScreenCTM();
  const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
  if (size < 11.95) small.push(`${size.toFixed(1)} px: ${text.textContent}`);
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        overflowing: overflowing.slice(0, 5), small: small.slice(0, 5), texts: texts};
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_and_chart_text_stays_readable(site, server, driver, width):
    failures, pages, texts = [], 0, 0
    sitekit.set_width(driver, width)
    try:
        for page in site.pages():
            path = site.url_path(page)
            driver.get(server.url(path))
            result = driver.execute_script(MEASURE, width)
            pages += 1
            texts += result["texts"]
            # A phone zooms out to show an overflowing page, which widens innerWidth too: compare with the width.
            if result["scrollWidth"] > width or result["innerWidth"] > width:
                failures.append(f"{path}: {result['scrollWidth']} px wide at {width} px; overflowing: {result['overflowing']}")
            if result["small"]:
                failures.append(f"{path}: SVG text under 12 px at {width} px: {result['small']}")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    sitekit.SUMMARY.setdefault("reflow", []).append(
        f"{site.name} at {width} px: {pages} pages, {texts} SVG texts measured, {len(failures)} failure(s)")
    assert pages > 0 and not failures, "\n".join(failures)


def test_tables_stay_in_a_focusable_labelled_box_that_no_longer_needs_to_scroll(site, server, driver):
    """Each table keeps the box axe-core accepts should it scroll (scrollable-region-focusable: focusable and
    named), for a table a theme or a Markdown page makes too wide; the default theme's tables no longer scroll at
    320 px: their rows are stacked."""
    sitekit.set_width(driver, 320)
    try:
        driver.get(server.url(f"cpts/{max(site.data['cpts'], key=lambda c: c['population'])['slug']}/"))
        boxes = driver.execute_script("""
            return [...document.querySelectorAll('table')].map(t => {
              const box = t.closest('.table-scroll');
              return box ? [box.tabIndex, box.getAttribute('role'), box.getAttribute('aria-label'),
                            getComputedStyle(box).overflowX, box.scrollWidth > box.clientWidth] : null; });""")
    finally:
        sitekit.clear_width(driver)
    assert boxes and None not in boxes, boxes
    for tab_index, role, label, overflow, _ in boxes:
        assert (tab_index, role, overflow) == (0, "region", "auto") and label.strip(), boxes
    assert not any(scrolls for *_, scrolls in boxes), boxes


def test_every_figure_lies_inside_the_viewport(every_site, every_server, driver):
    """Each page is loaded once, then laid out at each width in turn."""
    failures, pages, figures = [], 0, 0
    try:
        for page in every_site.pages():
            path = every_site.url_path(page)
            sitekit.clear_width(driver)
            driver.get(every_server.url(path))
            pages += 1
            for width in FIGURE_WIDTHS:
                result = sitekit.figures_out_of_sight(driver, width)
                figures += result["checked"]
                failures += [f"{path} at {width} px: {failure}" for failure in result["failures"]]
    finally:
        sitekit.clear_width(driver)
    sitekit.SUMMARY.setdefault("figures in sight", []).append(
        f"{every_site.name} at {', '.join(map(str, FIGURE_WIDTHS))} px: {pages} pages, {figures} figures measured, "
        f"{len(failures)} out of sight")
    assert pages > 0 and figures > 0 and not failures, f"{len(failures)} figure(s) out of sight:\n" + "\n".join(failures[:40])


def test_stacked_tables_pass_axe_at_phone_width(every_site, every_server, driver):
    """axe-core's WCAG 2.1 A/AA rules on the pages with the most tables, laid out as a phone shows them (rows stacked,
    column headers hidden but read): the rest of the suite runs axe at desktop width."""
    biggest = max(every_site.data["cpts"], key=lambda c: c["population"])["slug"]
    paths = ["", "methodologie/", f"cpts/{biggest}/"] + [every_site.url_path(p) for p in
                                                          sorted(every_site.output.glob("cpts/*/rapport-annee-*/index.html"))[:1]]
    failures = []
    try:
        for path in paths:
            sitekit.clear_width(driver)
            sitekit.open_page(driver, every_server.url(path))
            sitekit.set_width(driver, 320)
            result = sitekit.run_axe(driver)
            assert "error" not in result, f"axe-core failed on {path}: {result.get('error')}"
            stacked = driver.execute_script(
                "return [...document.querySelectorAll('table.stack')].filter(t => getComputedStyle(t).display === 'block').length")
            assert stacked > 0, f"{path}: no stacked table at 320 px: this test checks nothing"
            if result["violations"]:
                failures.append(f"== {path}\n{sitekit.describe_violations(result['violations'])}")
    finally:
        sitekit.clear_width(driver)
    assert not failures, "\n".join(failures)
