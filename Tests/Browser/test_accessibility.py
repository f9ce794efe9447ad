"""axe-core finds no WCAG 2.1 A/AA violation (the RGAA's level) on any page, and no page logs a console error."""

import sitekit


def test_no_wcag_21_aa_violation_on_any_page(site, server, driver):
    failures, needs_review, checked = [], set(), 0
    for page in site.pages():
        path = site.url_path(page)
        sitekit.open_page(driver, server.url(path))
        result = sitekit.run_axe(driver)
        assert "error" not in result, f"axe-core failed on {path}: {result.get('error')}"
        checked += 1
        if result["violations"]:
            failures.append(f"== {path}\n{sitekit.describe_violations(result['violations'])}")
        needs_review.update(item["id"] for item in result["incomplete"])
    sitekit.SUMMARY.setdefault("axe", []).append(
        f"{site.name}: {checked} pages checked with axe-core {sitekit.axe_version(driver)} "
        f"({', '.join(sitekit.WCAG_21_AA)}), {len(failures)} page(s) with violations"
        + (f"; to review by hand: {', '.join(sorted(needs_review))}" if needs_review else ""))
    assert not failures, "\n".join(failures)


def test_no_page_logs_a_console_error(site, server, driver):
    failures = []
    for page in site.pages():
        path = site.url_path(page)
        errors = sitekit.open_page(driver, server.url(path))
        if errors:
            failures.append(f"{path}: " + "\n    ".join(errors))
    assert not failures, "\n".join(failures)
