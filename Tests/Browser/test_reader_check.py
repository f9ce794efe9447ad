"""The reader's check (#24, `readercheck.py`) on hand-made pages, one bad page per rule and a good page, then on
every page of every site (the example, the Blaisois example, the golden sites, the fixture sites and a site made
with `new site` and `new cpts`) and on the text of every report PDF.

What it finds today and others are fixing is listed in `reader-known-findings.txt`: a finding on that list is
expected, a finding off it fails, and a line of the list that no longer matches any finding fails too (the fix was
merged: remove the line).
"""

from __future__ import annotations

import collections
import datetime
import pathlib
import re

import pytest

import conftest
import readercheck
import sitekit

KNOWN_FINDINGS = sitekit.BROWSER_TESTS / "reader-known-findings.txt"
VOCABULARY = readercheck.DomainVocabulary.from_sources()
PAGE = "essai/index.html"


def page(body: str, title: str = "Essai — Observatoire", lang: str = "fr") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            f'<style>.x::before {{ content: "don\'t" }}</style></head><body><main>{body}</main>'
            '<script>const label = "the value isn\'t aci-2019";</script></body></html>')


def findings(html: str, rule: str | None = None) -> list[readercheck.Finding]:
    found = readercheck.check_html(html, PAGE, VOCABULARY)
    return [f for f in found if rule is None or f.rule == rule]


GOOD_PAGE = page("""
<h1>CPTS du Blaisois</h1>
<h2>Chiffres clés de l’année</h2>
<p>1 réunion tenue, 0 patient perdu, 2 actions réalisées, 1,5 point de plus, 45&#x202F;000 habitants.</p>
<p>Le taux passe de 33,2&#x202F;% à 34,6&#x202F;% (+1,4 point)&#x202F;; il progresse de 4,2&#x202F;% en valeur relative.</p>
<p>Voir <a href="https://example.org/aci-2019/indicators.yaml">le barème ACI 2019</a>, data.gouv.fr et cpts.csv.</p>
<p>La population&#x202F;: 45&#x202F;000 habitants. Les actions sont les suivantes&#x202F;:</p>
<ul><li>Parcours pluriprofessionnels</li></ul>
<p lang="en">The report is available in English.</p>
<p>Le code <code>population: 45000</code> dans <code>content/cpts/blaisois.md</code>.</p>
<img src="carte.svg" alt="Carte des CPTS de la région">
<h2>Financement</h2>
<table><caption>Financement de l’année 1</caption>
<thead><tr><th scope="col">Ligne</th><th scope="col">Montant</th><th scope="col">Tendance</th></tr></thead>
<tbody><tr><th scope="row">Total de l’année</th><td>74&#x202F;500&#x202F;€</td><td><svg role="img"><title>En hausse</title></svg></td></tr>
<tr><th scope="row">Taux</th><td>33,2&#x202F;%</td><td>34,6&#x202F;% (+1,4 point)</td></tr></tbody></table>
<table><caption>Versements de l’année 1</caption><tbody><tr><th scope="row">Solde</th><td>—</td><td>à venir</td></tr></tbody></table>
<dl><dt>Données au</dt><dd>31/12/2021</dd></dl>
""")


def test_a_good_page_reads_clean():
    assert findings(GOOD_PAGE) == []


def test_a_repeated_caption_or_heading_fails():
    table = '<table><caption>Dépenses de l’année par poste</caption><tbody><tr><td>1</td></tr></tbody></table>'
    assert findings(page(table * 2), "repeated-heading")
    assert findings(page("<h1>Projet de santé</h1><h2>Projet de santé</h2>"), "repeated-heading")
    assert not findings(page("<h3>Actions</h3><h3>Actions</h3>"), "repeated-heading"), "h3 may repeat"


def test_an_empty_figure_or_a_label_with_no_value_fails():
    empty_cell = '<table><tbody><tr><th scope="row">Total de l’année</th><td class="num"> </td></tr></tbody></table>'
    assert findings(page(empty_cell), "empty-figure")
    assert findings(page("<dl><dt>Publié par</dt><dd></dd></dl>"), "empty-figure")
    assert findings(page("<dl><dt>Publié par</dt></dl>"), "empty-figure")
    assert findings(page("<p>Part fixe de l’année&#x202F;: . Part variable&#x202F;: 0&#x202F;€.</p>"), "empty-figure")
    assert findings(page('<table><tbody><tr><td>Total de l’année&#x202F;:</td></tr></tbody></table>'), "empty-figure")


def test_an_internal_id_a_yaml_key_or_a_content_file_shown_fails():
    for text in ["Montants annuels (barème aci-2019)", "Barème aci-avenant-2", "Mission crises-sanitaires",
                 "population&#x202F;: manquante", "population: 45000", "Voir content/cpts/blaisois.md",
                 "Modifiez site.yaml", "Statut&#x202F;: in-progress", "legalForm&#x202F;: association-1901"]:
        assert findings(page(f"<p>{text}</p>"), "internal-id"), text
    assert findings(page('<img src="a.png" alt="Carte acces-soins">'), "internal-id"), "alt is read"


def test_the_ids_are_read_from_the_domain_and_the_content():
    for id in ["aci-2019", "aci-avenant-2", "crises-sanitaires", "acces-soins", "in-progress", "letter-of-intent",
               "medecin-generaliste", "part-75-ans-et-plus", "general-assembly", "to-verify"]:
        assert id in VOCABULARY.ids, id
    for key in ["population", "legalForm", "asOf", "communes", "attendance", "steps"]:
        assert key in VOCABULARY.keys, key
    content = VOCABULARY.adding_content(sitekit.REPO / "examples/cpts-blaisois/content")
    assert {"ald-sans-medecin-traitant", "creneaux-snp"} <= content.ids, "the content's indicator ids"


def test_english_words_on_a_french_page_fail():
    assert findings(page("<p>Année 1 — status: done</p>"), "english")
    assert findings(page("<p>Total of the year</p>"), "english")
    assert findings(page('<a href="#" title="Download the report">PDF</a>'), "english"), "title is read"
    assert not findings(page('<p lang="en">Total of the year</p><p><code>true</code></p>'), "english")


def test_a_plural_against_its_number_fails():
    for text in ["0 patients", "+1 réunions", "1 actions", "1,4 points", "−1 membres", "3 réunion"]:
        assert findings(page(f"<p>Évolution&#x202F;: {text}</p>"), "plural"), text
    assert findings(page('<p><span class="figure">1</span> Réunions tenues</p>'), "plural")
    assert not findings(page("<p>10 patients, 21 réunions, 45&#x202F;001 habitants, 0 patient, 1 mois</p>"), "plural")


def test_a_straight_apostrophe_in_french_text_fails():
    assert findings(page("<p>Rapport d'activité</p>"), "apostrophe")
    assert findings(page("<p>Rapport</p>", title="Rapport d'activité 1"), "apostrophe"), "the tab's title is read"
    assert not findings(page("<p>Rapport d’activité <code>l'id</code></p>"), "apostrophe")


def test_a_change_between_percentages_written_in_percent_fails():
    row = ('<table><tbody><tr><th scope="row">Dépistage</th><td>33,2&#x202F;%</td><td>34,6&#x202F;%</td>'
           '<td>+1,4&#x202F;%</td></tr></tbody></table>')
    assert findings(page(row), "percent-points")
    assert findings(page("<p>De 33,2&#x202F;% à 34,6&#x202F;% (+1,4&#x202F;%).</p>"), "percent-points")
    assert not findings(page("<p>De 33,2&#x202F;% à 34,6&#x202F;% (+4,2&#x202F;%).</p>"), "percent-points")


def test_the_printed_text_is_read_cell_by_cell_with_its_headings_once():
    # The page writes no-break spaces (U+202F) where pdftotext prints spaces.
    html = page("<h2>Chiffres clés de l’année</h2><table><caption>Dépenses (76&#x202F;900&#x202F;€ au total)</caption>"
                "</table>")
    lines = ["  Chiffres clés de l’année", "Dépenses (76 900 € au total)", "Personnel      38 000 €",
             "  Dépenses (76 900 € au total)", "Dépistage   33,2 %   34,6 %    +1,4 %", "Rapport d'activité 1",
             "Réunions tenues      1 réunions"]
    found = readercheck.check_pdf_text(lines, "essai/rapport.pdf", VOCABULARY, html)
    assert {f.rule for f in found} == {"repeated-heading", "percent-points", "apostrophe", "plural"}, found
    assert readercheck.check_pdf_text(lines[:3], "essai/rapport.pdf", VOCABULARY, html) == []


def test_the_known_findings_file_is_read_and_matched():
    known = readercheck.read_known_findings(KNOWN_FINDINGS)
    finding = readercheck.Finding("apostrophe", "minimal/cpts/a/rapport-annee-1/index.html", "Rapport d'activité 1")
    line = readercheck.KnownFinding("apostrophe", "*/cpts/*/rapport-annee-*/index.html", "Rapport d'activité", 1)
    assert readercheck.split_known([finding], [line]) == ([], [])
    assert readercheck.split_known([finding], []) == ([finding], [])
    assert readercheck.split_known([], [line]) == ([], [line])
    assert all(k.rule in readercheck.RULES for k in known)


# MARK: - Every site


GOLDEN = sitekit.REPO / "Tests/Fixtures/golden"
FIXTURE_SITES = sitekit.REPO / "Tests/Fixtures/sites"


@pytest.fixture(scope="session")
def generated_content(workdir) -> pathlib.Path:
    return make_generated_site(workdir / "generated")


def make_generated_site(parent: pathlib.Path) -> pathlib.Path:
    """What a coordinator starting out makes: `new site`, two `new cpts`, each CPTS then signed and given a report
    for each of its contract years begun (site dated 30/06/2024: one signed 30/09/2021, one 15/03/2022, three
    reports each, the third year in progress)."""
    parent.mkdir()
    made = sitekit.run_cpts_site("new", "site", "region", cwd=parent)
    assert made.returncode == 0, made.stdout + made.stderr
    site = parent / "region"
    for slug in ["val-de-loire", "sologne"]:
        created = sitekit.run_cpts_site("new", "cpts", slug, cwd=site)
        assert created.returncode == 0, created.stdout + created.stderr
    content = site / "content"
    settings = content / "site.yaml"
    settings.write_text(re.sub(r"(?m)^asOf: \S+", "asOf: 2024-06-30", settings.read_text(encoding="utf-8")),
                        encoding="utf-8")
    for slug, signed in [("val-de-loire", datetime.date(2021, 9, 30)), ("sologne", datetime.date(2022, 3, 15))]:
        _sign(content / "cpts" / f"{slug}.md", signed)
        for year in range(1, 4):
            _write_report(content / "reports" / slug / f"{year}.md", year, signed.replace(year=signed.year + year - 1))
    return content


def _sign(path: pathlib.Path, signed: datetime.date) -> None:
    """The CPTS reaches the contract: its stage, dates, members and socle missions, as the comments of `new cpts`
    say to write them."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^stage: letter-of-intent", "stage: aci-signed", text)
    text = re.sub(r"(?m)^  letter-of-intent: \S+", "  letter-of-intent: 2020-01-15", text)
    for stage, day in [("pre-project", "2020-06-02"), ("diagnostic", "2020-11-20"), ("health-project", "2021-04-08"),
                       ("aci-signed", signed.isoformat())]:
        text = re.sub(rf"(?m)^#  {stage}: AAAA-MM-JJ", f"  {stage}: {day}", text)
    text = text.replace("# members:", "members:").replace("#   medecin-generaliste: 10", "  medecin-generaliste: 10")
    text = text.replace("#   pharmacien: 4", "  pharmacien: 4").replace("#   infirmier: 12", "  infirmier: 12")
    start = (signed + datetime.timedelta(days=20)).isoformat()
    missions = "missions:\n" + "".join(
        f"  - id: {mission}\n    start: {start}\n    actions: [\"{action}\"]\n" for mission, action in [
            ("acces-soins", "Cellule d’orientation des patients sans médecin traitant"),
            ("parcours", "Parcours insuffisance cardiaque"), ("prevention", "Dépistage du cancer colorectal"),
            ("crises-sanitaires", "Plan de réponse aux crises sanitaires")])
    front, separator, body = text.partition("\n---\n")
    path.write_text(front + "\n" + missions + "---\n" + body, encoding="utf-8")


def _write_report(path: pathlib.Path, year: int, start: datetime.date) -> None:
    """A report as the format documents it, dated inside its contract year (from `start`)."""
    def day(days: int) -> str:
        return (start + datetime.timedelta(days=days)).isoformat()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""---
team:
  coordinator: 0.5
spending:
  staff: {20000 + 1000 * year}
  fees: 8000
  communication: 1500
members:
  medecin-generaliste: {10 + year}
  pharmacien: 4
  infirmier: {12 + 2 * year}
actions:
  - mission: acces-soins
    title: Cellule d’orientation des patients sans médecin traitant
    status: {"done" if year > 1 else "in-progress"}
    start: {day(30)}
    participants: {year}
    results: ["Des patients orientés vers un médecin traitant"]
  - mission: prevention
    title: Dépistage du cancer colorectal en pharmacie
    status: planned
    start: {day(200)}
meetings:
  - {{ date: {day(40)}, kind: board, attendance: 9, title: Conseil d’administration }}
  - {{ date: {day(100)}, kind: general-assembly, attendance: 41, title: Assemblée générale }}
---
# Bilan

L’année {year} du contrat de la CPTS.
""", encoding="utf-8")


def _build(name: str, content: pathlib.Path, output: pathlib.Path, pdf: bool) -> pathlib.Path:
    arguments = ["build", *(["--pdf"] if pdf else []), "--content", str(content), "--themes",
                 str(sitekit.REPO / "themes"), "--output", str(output)]
    result = sitekit.run_cpts_site(*arguments)
    assert result.returncode == 0, f"building {name}:\n{result.stdout}{result.stderr}"
    return output


@pytest.fixture(scope="session")
def reader_sites(workdir, generated_content) -> dict[str, tuple[pathlib.Path, pathlib.Path]]:
    """Every site read, by name: (its published folder, its content). Sites with reports are built with `--pdf`."""
    sites = {
        "example": (_build("example", sitekit.REPO / "content", workdir / "reader-example", pdf=False),
                    sitekit.REPO / "content"),
        "blaisois": (_build("blaisois", sitekit.REPO / "examples/cpts-blaisois/content", workdir / "reader-blaisois",
                            pdf=True), sitekit.REPO / "examples/cpts-blaisois/content"),
        "generated": (_build("generated", generated_content, workdir / "reader-generated", pdf=True), generated_content),
    }
    national = conftest.national_content(workdir / "reader-national-content", sites["example"][0] / "data/site.json")
    sites["national"] = (_build("national", national, workdir / "reader-national", pdf=False), national)
    for fixture in sorted(p for p in FIXTURE_SITES.iterdir() if (p / "content/site.yaml").exists()):
        content = fixture / "content"
        sites[f"fixture-{fixture.name}"] = (_build(fixture.name, content, workdir / f"reader-fixture-{fixture.name}",
                                                   pdf=(content / "reports").is_dir()), content)
    for golden in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
        sites[f"golden-{golden.name}"] = (golden, FIXTURE_SITES / golden.name / "content")
    return sites


def read_site(name: str, output: pathlib.Path, content: pathlib.Path) -> tuple[list[readercheck.Finding], int, int]:
    """Every finding of a site's pages and printed reports; with the number of pages and of PDFs read."""
    vocabulary = VOCABULARY.adding_content(content) if content.is_dir() else VOCABULARY
    found: list[readercheck.Finding] = []
    pages = sorted(output.rglob("*.html"))
    for html in pages:
        found += readercheck.check_html(html.read_text(encoding="utf-8"), f"{name}/{html.relative_to(output).as_posix()}",
                                        vocabulary)
    pdfs = sorted(output.rglob("*.pdf"))
    for pdf in pdfs:
        source = pdf.parent / "index.html"
        found += readercheck.check_pdf_text(readercheck.pdf_lines(pdf), f"{name}/{pdf.relative_to(output).as_posix()}",
                                            vocabulary, source.read_text(encoding="utf-8") if source.exists() else None)
    return found, len(pages), len(pdfs)


@pytest.fixture(scope="session")
def all_findings(reader_sites) -> dict[str, list[readercheck.Finding]]:
    by_site = {}
    for name, (output, content) in reader_sites.items():
        found, pages, pdfs = read_site(name, output, content)
        by_site[name] = found
        counts = collections.Counter(f.rule for f in found)
        sitekit.SUMMARY.setdefault("reader's check", []).append(
            f"{name}: {pages} pages, {pdfs} PDFs read; {len(found)} findings "
            + (", ".join(f"{rule} {counts[rule]}" for rule in readercheck.RULES if counts[rule]) or "—"))
    return by_site


SITE_NAMES = ["example", "blaisois", "generated", "national", "fixture-minimal", "fixture-warnings", "golden-minimal",
              "golden-warnings"]


def test_every_site_named_here_is_read(reader_sites):
    assert sorted(reader_sites) == sorted(SITE_NAMES)


@pytest.mark.parametrize("name", SITE_NAMES)
def test_every_page_and_printed_report_reads_clean(name, all_findings):
    known = readercheck.read_known_findings(KNOWN_FINDINGS)
    unexplained, _ = readercheck.split_known(all_findings[name], known)
    assert not unexplained, f"{len(unexplained)} findings on {name}:\n" + "\n".join(map(str, unexplained))


def test_every_known_finding_is_still_found(all_findings):
    """A line of reader-known-findings.txt that matches nothing any more: its fix was merged, remove the line."""
    known = readercheck.read_known_findings(KNOWN_FINDINGS)
    _, stale = readercheck.split_known([f for found in all_findings.values() for f in found], known)
    assert not stale, "fixed, remove from reader-known-findings.txt:\n" + "\n".join(
        f"line {k.line}: {k.rule} | {k.page} | {k.text}" for k in stale)
