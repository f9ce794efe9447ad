"""The national example (examples/observatoire-national, built from the main example's data/site.json and two
invented regions) passes the checks every regional site passes: the Nu HTML Checker, axe-core (WCAG 2.1 A/AA), no
console error, reflow at phone widths, every figure inside the viewport, French spacing. The reader's check reads it
too (test_reader_check.py)."""

import pytest

import sitekit
import test_accessibility as accessibility
import test_french_typography as typography
import test_html_validity as validity
import test_reflow as reflow


def test_the_national_example_has_its_dashboard_and_a_page_per_region(national_site):
    pages = [national_site.url_path(page) for page in national_site.pages()]
    assert pages == ["", "regions/24/", "regions/52/", "regions/53/"], pages


def test_every_national_page_and_stylesheet_is_valid(national_site):
    validity.test_every_page_and_stylesheet_is_valid(national_site)


def test_no_wcag_21_aa_violation_on_any_national_page(national_site, national_server, driver):
    accessibility.test_no_wcag_21_aa_violation_on_any_page(national_site, national_server, driver)


def test_no_national_page_logs_a_console_error(national_site, national_server, driver):
    accessibility.test_no_page_logs_a_console_error(national_site, national_server, driver)


@pytest.mark.parametrize("width", reflow.WIDTHS)
def test_no_national_page_scrolls_sideways(national_site, national_server, driver, width):
    reflow.test_no_page_scrolls_sideways_and_chart_text_stays_readable(national_site, national_server, driver, width)


def test_national_tables_stay_in_a_focusable_labelled_box_that_no_longer_needs_to_scroll(national_site, national_server,
                                                                                          driver):
    """As on a CPTS page (test_reflow.py), on every national page: each table in a focusable, named box that no
    longer scrolls at 320 px."""
    sitekit.set_width(driver, 320)
    try:
        boxes = []
        for page in national_site.pages():
            driver.get(national_server.url(national_site.url_path(page)))
            boxes += driver.execute_script("""
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


def test_every_national_figure_lies_inside_the_viewport(national_site, national_server, driver):
    reflow.test_every_figure_lies_inside_the_viewport(national_site, national_server, driver)


def test_national_stacked_tables_pass_axe_at_phone_width(national_site, national_server, driver):
    """As test_reflow.py does for a regional site's pages with the most tables: the dashboard and a region's page."""
    failures = []
    try:
        for path in ["", "regions/24/"]:
            sitekit.clear_width(driver)
            sitekit.open_page(driver, national_server.url(path))
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


def test_national_text_follows_french_spacing_rules(national_site, national_server, driver):
    typography.test_visible_text_follows_french_spacing_rules(national_site, national_server, driver)


def test_every_national_page_shows_the_illustrative_notice(national_site):
    for page in national_site.pages():
        assert "Site d’exemple\u202f: les chiffres des Pays de la Loire et de la Bretagne sont inventés" in \
            page.read_text(encoding="utf-8"), page
