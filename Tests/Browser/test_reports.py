"""The annual activity reports (#17): the second example site (examples/cpts-blaisois/, two reports) and the
minimal fixture site's reports must pass the Nu HTML Checker, axe-core and the link check, reflow at 320 px, and
print as A4 with a cover, a running header, page numbers and no empty last page; `build --pdf` and `pdf` write
PDFs that say the same."""

from __future__ import annotations

import io
import pathlib
import re
import subprocess

import pytest
from pypdf import PdfReader

import sitekit

A4_POINTS = (595.28, 841.89)
BLAISOIS = sitekit.REPO / "examples/cpts-blaisois/content"


@pytest.fixture(scope="module")
def reports_site(workdir) -> sitekit.Site:
    """The second example site, built with `--pdf`."""
    output = workdir / "blaisois"
    result = sitekit.run_cpts_site("build", "--pdf", "--content", str(BLAISOIS), "--themes", str(sitekit.REPO / "themes"),
                                   "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    site = sitekit.build_site("blaisois-html", BLAISOIS, workdir / "blaisois-html")
    return sitekit.Site("blaisois", BLAISOIS, output, site.base_path)


@pytest.fixture(scope="module")
def reports_server(reports_site):
    server = sitekit.SiteServer(reports_site)
    yield server
    server.close()


def report_pages(site: sitekit.Site) -> list[pathlib.Path]:
    return sorted(site.output.glob("cpts/*/rapport-annee-*/index.html"))


def pdf_text(pdf: bytes) -> list[str]:
    """The text of each page, as `pdftotext -layout` (poppler-utils) reads it."""
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8").split("\f")[:-1]


# What opens a table in a printed report: its caption, then its header row (which may wrap onto a second line).
CAPTIONS = ("Financement de l’année", "Versements de l’année", "Dépenses de l’année par poste", "Indicateurs de la mission",
            "Membres par profession", "Réunions et gouvernance", "Pièces justificatives par indicateur")
HEADERS = ("Ligne ", "Date ", "Poste ", "Indicateur ", "Profession ")
HEADER_WRAPS = {"précédentes", "acquis"}


def body_lines(text: str) -> list[str]:
    """A printed page's lines without the running header and the page number."""
    return [line for line in text.splitlines()
            if line.strip() and not re.fullmatch(r"\s*Page \d+ sur \d+\s*", line) and "rapport d’activité, année" not in line]


def opens_a_table(line: str) -> bool:
    words = line.strip()
    return words.startswith(CAPTIONS) or words.startswith(HEADERS) or set(words.split()) <= HEADER_WRAPS


def check_tables_keep_their_rows(pages: list[str]) -> None:
    """No page ends on a table's caption or header with its rows on the next page, and no page opens on a table's
    last row ("Total") cut from the rest."""
    for number, text in enumerate(pages, 1):
        lines = body_lines(text)
        if number < len(pages):
            assert not opens_a_table(lines[-1]), f"page {number} ends on a table's top, its rows on the next page:\n{text}"
        if number > 1:
            assert not re.match(r"\s*Total\b", lines[0]), f"page {number} opens on a total cut from its table:\n{text}"


def base_fonts(pdf: bytes, page: int) -> dict[str, str]:
    """The font family of each run of text of a page: `DejaVuSans` for `AAAAAA+DejaVuSans-Bold`."""
    fonts: dict[str, str] = {}

    def visit(text, _cm, _tm, font, _size):
        if font and text.strip():
            fonts[text.strip()] = str(font.get("/BaseFont", "")).split("+")[-1].split("-")[0].split(",")[0]

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return fonts


def check_running_header_font(pdf: bytes, cpts_name: str) -> None:
    """The running header is set in the body's font, not in the browser's default serif."""
    fonts = base_fonts(pdf, 1)
    header = [family for text, family in fonts.items() if text.startswith(f"{cpts_name} — rapport d’activité")]
    body = {family for text, family in fonts.items() if text.startswith("Chiffres clés") or text.startswith("Chiﬀres clés")}
    assert header and body, fonts
    assert set(header) <= body, f"running header in {header}, body in {body}"
    assert not any("Serif" in family or "Times" in family for family in header), header


def check_printed_report(pdf: bytes, cpts_name: str) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    pages = pdf_text(pdf)
    assert len(pages) == len(reader.pages) >= 3, f"{len(reader.pages)} pages"
    for number, page in enumerate(reader.pages, 1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(a - b) < 1.5 for a, b in zip(size, A4_POINTS)), f"page {number} is {size} pt, not A4"
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert f"Page {number} sur {total}" in text, f"page {number} has no page number:\n{text[:400]}"
        body = [line for line in text.splitlines()
                if line.strip() and not re.fullmatch(r"\s*Page \d+ sur \d+\s*", line) and "rapport d’activité, année" not in line]
        assert len(body) >= 3, f"page {number} of {total} is (nearly) empty:\n{text}"
        if number > 1:
            assert f"{cpts_name} — rapport d’activité" in text, f"page {number} lacks the running header"
    cover = pages[0]
    assert cpts_name in cover and "Rapport d’activité annuel".upper() in cover.upper()
    assert "Chiffres clés" not in cover, "the cover shares its page with the report"
    check_tables_keep_their_rows(pages)
    check_running_header_font(pdf, cpts_name)
    assert re.search(r"Établi par\s+" + re.escape(cpts_name), cover), "the cover names the CPTS that writes the report"
    title = reader.metadata.title if reader.metadata else ""
    assert re.fullmatch(r"Rapport d’activité \d{4}(-\d{4})? — " + re.escape(cpts_name) + " — .+", title or ""), title


def test_the_second_example_has_reports_for_two_years_linked_from_the_cpts_page(reports_site):
    pages = report_pages(reports_site)
    assert [p.parent.name for p in pages] == ["rapport-annee-1", "rapport-annee-2"]
    cpts_page = (reports_site.output / "cpts/blaisois/index.html").read_text(encoding="utf-8")
    for page in pages:
        assert f'href="../../cpts/blaisois/{page.parent.name}/"' in cpts_page
        html = page.read_text(encoding="utf-8")
        assert f'href="{page.parent.name}.pdf"' in html, "the page links its PDF"
        assert (page.parent / f"{page.parent.name}.pdf").read_bytes().startswith(b"%PDF")
        assert "illustratif" in html


def test_report_pages_are_valid_html(reports_site, minimal_site):
    pages = report_pages(reports_site) + report_pages(minimal_site)
    assert len(pages) == 4
    css = sorted(reports_site.output.glob("assets/*.css")) + sorted(reports_site.output.glob("cpts/*/rapport-annee-*/print.css"))
    errors = [m for m in sitekit.validate_html(pages + css, reports_site.output.parent) if m.kind == "error"]
    assert not errors, "\n".join(map(str, errors))


def test_the_reports_site_has_no_broken_link(reports_site):
    result = sitekit.check_links(reports_site)
    assert result.returncode == 0, result.stdout + result.stderr


def test_report_pages_pass_axe_and_reflow_at_320_px(reports_site, reports_server, driver):
    for page in report_pages(reports_site):
        path = reports_site.url_path(page)
        errors = sitekit.open_page(driver, reports_server.url(path))
        assert errors == [], errors
        violations = sitekit.run_axe(driver)["violations"]
        assert violations == [], sitekit.describe_violations(violations)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True})
        try:
            widths = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        assert widths[0] <= widths[1], f"{path}: the document is {widths[0]} px wide at a 320 px viewport"


def test_a_report_prints_as_a4_with_cover_running_header_and_page_numbers(reports_site, reports_server, driver):
    for page in report_pages(reports_site):
        sitekit.open_page(driver, reports_server.url(reports_site.url_path(page)))
        pdf = sitekit.print_to_pdf(driver)
        target = sitekit.SCREENSHOTS / "blaisois" / f"{page.parent.name}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        check_printed_report(pdf, "CPTS du Blaisois")


def test_the_pdfs_of_build_and_of_the_pdf_command_are_the_printed_report(reports_site, workdir):
    for page in report_pages(reports_site):
        check_printed_report((page.parent / f"{page.parent.name}.pdf").read_bytes(), "CPTS du Blaisois")
    target = workdir / "rapport.pdf"
    result = sitekit.run_cpts_site("pdf", "blaisois", "--year", "2", "--content", str(BLAISOIS),
                                   "--themes", str(sitekit.REPO / "themes"), "--output", str(target))
    assert result.returncode == 0, result.stderr
    check_printed_report(target.read_bytes(), "CPTS du Blaisois")
    assert "Année 2 du contrat" in pdf_text(target.read_bytes())[0]


def test_the_pdf_command_says_in_french_when_chromium_is_missing(workdir):
    result = subprocess.run([str(sitekit.BINARY), "pdf", "blaisois", "--year", "1", "--content", str(BLAISOIS)],
                            capture_output=True, text=True, env={"PATH": str(workdir / "nothing-here")}, timeout=60)
    assert result.returncode == 1
    assert "Chromium est introuvable" in result.stderr
