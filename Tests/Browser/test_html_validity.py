"""The Nu HTML Checker (vnu.jar) finds no error on any generated page, nor in the stylesheets."""

import sitekit


def test_every_page_and_stylesheet_is_valid(site):
    pages = site.pages()
    stylesheets = sorted(site.output.glob("assets/*.css"))
    assert pages, f"{site.name} has no page"
    messages = sitekit.validate_html(pages + stylesheets, site.output)
    errors = [message for message in messages if message.kind == "error"]
    warnings = [message for message in messages if message.kind == "warning"]
    sitekit.SUMMARY.setdefault("vnu", []).append(
        f"{site.name}: {len(pages)} pages and {len(stylesheets)} stylesheet(s) validated, "
        f"{len(errors)} error(s), {len(warnings)} warning(s)")
    for warning in warnings:
        print(warning)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(map(str, errors))
