"""The reader's check (#24): reads a built page, or the text of a printed report, the way its French reader does,
and reports what such a reader stumbles on. Pages are static HTML, so no browser is needed: the standard library's
`html.parser` reads them.

What is read: the visible text of the page (`<script>`, `<style>`, `<template>`, `<code>`, `<pre>`, `<kbd>`, `<samp>`
and anything marked in another language than French left out), plus the page's `<title>` (the tab and the PDF's
title) and the `title`, `alt`, `aria-label` and `placeholder` attributes, which a screen reader reads and a tooltip
shows. URLs, e-mail addresses and domain names are left out of the text rules.

The rules, each a function returning `Finding`s:

- `repeated-heading`: a table caption, or an `h1`/`h2` heading, twice on one page (in a PDF: a line of the
  printed report that is one of its page's headings or captions, printed twice);
- `empty-figure`: a table cell (`td`) or a definition (`dd`) with nothing in it, a term (`dt`) with no definition,
  a label ending in a colon with nothing after it;
- `internal-id`: an id, a YAML key or a content file shown to the reader: the hyphenated or numbered ids of the
  domain (mission ids, profession ids, enum raw values, schedule ids, indicator ids…, read from the sources and
  the content, see `DomainVocabulary`), a content key followed by a colon, a `.md`/`.yaml` file name;
- `english`: a common English word that is not a French word (`ENGLISH_WORDS`);
- `plural`: a noun against its number: `0 patients`, `+1 réunions` (French: below 2, the singular), `3 réunion`;
- `apostrophe`: a straight apostrophe `'` (French typography: ’);
- `percent-points`: the change between two percentages written in percent (`33,2 % → 34,6 %`, `+1,4 %`) where
  it is a difference of points (`+1,4 point`).
"""

from __future__ import annotations

import html.parser
import pathlib
import re
import subprocess
from dataclasses import dataclass, field

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]

RULES = ["repeated-heading", "empty-figure", "internal-id", "english", "plural", "apostrophe", "percent-points"]


@dataclass(frozen=True)
class Finding:
    rule: str
    page: str  # the page, as `site/path` (`blaisois/cpts/blaisois/rapport-annee-1/index.html`)
    text: str  # what the reader reads, a short excerpt

    def __str__(self) -> str:
        return f"{self.rule} | {self.page} | {self.text}"


# MARK: - Reading a page


SKIPPED = {"script", "style", "template", "code", "pre", "kbd", "samp", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text is one block for the text rules: a pattern never spans two of them.
BLOCKS = {"p", "li", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "section",
          "article", "header", "footer", "main", "nav", "aside", "ul", "ol", "dl", "table", "thead", "tbody", "tr",
          "figure", "figcaption", "blockquote", "form", "label", "button", "option", "select", "legend", "fieldset",
          "summary", "details", "title", "body", "html", "head", "text", "desc", "svg", "g", "tspan"}
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
# What shows something in a cell without text: a picture, a chart, a control.
PICTURES = {"img", "svg", "input", "meter", "progress", "canvas", "picture", "object"}


@dataclass
class Element:
    tag: str
    attributes: dict
    parent: "Element | None" = None
    children: list = field(default_factory=list)  # Element or str

    def find_all(self, *tags: str):
        for child in self.children:
            if isinstance(child, Element):
                if child.tag in tags:
                    yield child
                yield from child.find_all(*tags)

    def text(self) -> str:
        """The visible text inside, spaces collapsed."""
        parts: list[str] = []
        _collect_text(self, parts)
        return collapse("".join(parts))

    def has_picture(self) -> bool:
        return self.tag in PICTURES or any(True for _ in self.find_all(*PICTURES))


def collapse(text: str) -> str:
    """ASCII white space collapsed, as a browser does; no-break spaces (U+00A0, U+202F) are kept: they are text."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(" ")


def _collect_text(element: Element, parts: list[str]) -> None:
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            parts.append(" ")
        elif child.tag not in SKIPPED and not _other_language(child):
            if child.tag in BLOCKS:
                parts.append(" ")
            _collect_text(child, parts)
            if child.tag in BLOCKS:
                parts.append(" ")


def _other_language(element: Element) -> bool:
    language = element.attributes.get("lang")
    return language is not None and not language.lower().startswith("fr")


class _TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@dataclass
class Block:
    """A piece of text the reader reads at once: a paragraph, a cell, a heading, an attribute's value."""

    text: str
    tag: str  # the block element, or `@title` for an attribute, or `line` for a printed line


def page_blocks(root: Element) -> list[Block]:
    """The visible text of a page, block by block, in French only, with the attributes a reader reads."""
    blocks: list[Block] = []

    def walk(element: Element, parts: list[str]) -> None:
        for child in element.children:
            if isinstance(child, str):
                parts.append(child)
                continue
            if child.tag in SKIPPED or _other_language(child):
                continue
            for name in READ_ATTRIBUTES:
                if child.attributes.get(name, "").strip():
                    blocks.append(Block(collapse(child.attributes[name]), "@" + name))
            if child.tag == "br":
                parts.append(" ")
            elif child.tag in BLOCKS:
                inner: list[str] = []
                walk(child, inner)
                flush(inner, child.tag)
            else:
                walk(child, parts)

    def flush(parts: list[str], tag: str) -> None:
        text = collapse("".join(parts))
        if text:
            blocks.append(Block(text, tag))

    top: list[str] = []
    walk(root, top)
    flush(top, "#document")
    return blocks


def _french(root: Element) -> bool:
    for html_element in root.find_all("html"):
        return html_element.attributes.get("lang", "fr").lower().startswith("fr")
    return True


# MARK: - The domain's vocabulary: what a reader must never see


@dataclass
class DomainVocabulary:
    """Ids and keys, read from the sources (the readers' keys, the label tables' ids, the enums' raw values, the
    built-in schedules) and from the content of the site checked (its YAML keys and the ids it defines)."""

    ids: set[str]  # hyphenated or numbered ids: never shown as such
    keys: set[str]  # YAML keys: never shown followed by a colon

    @staticmethod
    def from_sources(repo: pathlib.Path = REPO) -> "DomainVocabulary":
        ids: set[str] = set()
        keys: set[str] = set()
        for reader in (repo / "Sources/CPTSContent").glob("*Reader.swift"):
            for listing in re.findall(r"static let \w*[kK]eys = \[(.*?)\]", reader.read_text(encoding="utf-8"), re.S):
                keys.update(re.findall(r'"([A-Za-z][A-Za-z0-9]*)"', listing))
        labels = (repo / "Sources/CPTSDomain/Labels/DomainLabels.swift").read_text(encoding="utf-8")
        ids.update(re.findall(r'^\s*\("([a-z0-9-]+)",\s*"', labels, re.M))
        for swift in (repo / "Sources/CPTSDomain").rglob("*.swift"):
            ids.update(re.findall(r'^\s*case \w+ = "([a-z0-9-]+)"', swift.read_text(encoding="utf-8"), re.M))
        for schedule in (repo / "Sources/CPTSContent/Schedules").glob("*.yaml"):
            ids.update(re.findall(r"^id:\s*([a-z0-9-]+)", schedule.read_text(encoding="utf-8"), re.M))
        return DomainVocabulary({i for i in ids if _looks_like_an_id(i)}, keys)

    def adding_content(self, content: pathlib.Path) -> "DomainVocabulary":
        """The ids and keys the content of a site defines (its indicators, schedules, front matter keys)."""
        ids, keys = set(self.ids), set(self.keys)
        for path in sorted(content.rglob("*.yaml")) + sorted(content.rglob("*.md")):
            if "geo" in path.relative_to(content).parts:
                continue
            for document in _yaml_documents(path):
                _walk_yaml(document, ids, keys)
        return DomainVocabulary({i for i in ids if _looks_like_an_id(i)}, keys)


# Ids that are French words as written (a profession's singular): a page may say them.
FRENCH_AS_WRITTEN = frozenset({"sage-femme", "chirurgien-dentiste"})


def _looks_like_an_id(value: str) -> bool:
    """`crises-sanitaires`, `aci-2019`: hyphenated or numbered lower-case words, which no French text writes so.
    A single word (`parcours`, `diagnostic`) may be French: the English rule sees those that are not."""
    return (bool(re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+", value)) and len(value) >= 5
            and value not in FRENCH_AS_WRITTEN)


def _yaml_documents(path: pathlib.Path) -> list:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".md":
        match = re.match(r"---\n(.*?)\n---", text, re.S)
        if not match:
            return []
        text = match.group(1)
    try:
        return [yaml.safe_load(text)]
    except yaml.YAMLError:
        return []


def _walk_yaml(node, ids: set[str], keys: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                keys.add(key)
                if key in ("id", "indicator", "mission", "schedule", "stage", "kind", "status", "legalForm"):
                    if isinstance(value, str):
                        ids.add(value)
            _walk_yaml(value, ids, keys)
    elif isinstance(node, list):
        for item in node:
            _walk_yaml(item, ids, keys)


# MARK: - Words


# Common English words that are not French words (nor French abbreviations), lower case. Words that are both
# (`page`, `date`, `total`, `menu`, `message`, `action`, `mission`, `population`, `or`, `on`, `sort`, `pour`…) are
# not here.
ENGLISH_WORDS = frozenset("""
the and with from this that these those which when where what who whose will would should could have has had
been being were was is isn't don't doesn't can't won't it its it's they them their there then than
you your our we my about after before between into only over under such some each every how why here now
just also very many much most same both either neither because while during without within through
of for to by at be not yes any all other others more less new old next previous back home search loading
see show hide read open close click download upload view edit save cancel submit
error errors warning warnings failed success done pending upcoming ended planned published forecast estimated
contested unknown none null undefined true false nan infinity
funding schedule schedules payment payments staff spending fees premises equipment training board status
indicator indicators value values target threshold year years month months day days week weeks contract
contracts region department departments health healthcare project projects step steps coordinator attendance
proofs baseline deployed summary overview details amount amounts earned paid fixed advance raise
prevention access quality crisis pathway pathways members member
""".split())

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ’'-]+")
# URLs, e-mail addresses, domain names, and the names of the files a reader downloads (`cpts.csv`, `rapport.pdf`).
URLISH = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+|\S+@\S+\.\S+|[\w.-]+\.(?:csv|json|xml|pdf|geojson)\b|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|org|com|net|eu|gouv)\b(?:/\S*)?",
                    re.I)


def _without_urls(text: str) -> str:
    return URLISH.sub(" ", text)


# Countable nouns the site writes after a number: singular → plural.
NOUNS = {
    "patient": "patients", "réunion": "réunions", "action": "actions", "membre": "membres", "habitant": "habitants",
    "commune": "communes", "professionnel": "professionnels", "participant": "participants", "présent": "présents",
    "indicateur": "indicateurs", "mission": "missions", "versement": "versements", "paiement": "paiements",
    "année": "années", "jour": "jours", "semaine": "semaines", "page": "pages", "avertissement": "avertissements",
    "erreur": "erreurs", "problème": "problèmes", "point": "points", "territoire": "territoires",
    "département": "départements", "étape": "étapes", "salarié": "salariés", "poste": "postes",
    "revue": "revues", "atelier": "ateliers", "kit": "kits", "créneau": "créneaux", "structure": "structures",
    "médecin": "médecins", "pharmacien": "pharmaciens", "infirmier": "infirmiers", "livrable": "livrables",
    "pièce": "pièces", "résultat": "résultats", "document": "documents", "fichier": "fichiers",
    "palier": "paliers", "établissement": "établissements", "contrat": "contrats", "ligne": "lignes",
    "chiffre": "chiffres", "donnée": "données", "heure": "heures", "équipe": "équipes", "maison": "maisons",
    "centre": "centres", "cabinet": "cabinets", "officine": "officines", "séance": "séances", "consultation":
    "consultations", "orientation": "orientations", "inclusion": "inclusions", "signature": "signatures",
    # Participles and adjectives the site writes right after a number (`dont 1 constituée`).
    "constituée": "constituées", "réalisée": "réalisées", "tenue": "tenues", "atteint": "atteints",
    "signé": "signés", "signée": "signées", "versé": "versés", "prévue": "prévues", "reporté": "reportés",
}
PLURALS = {plural: singular for singular, plural in NOUNS.items()}
# A number, its groups of thousands apart by a narrow no-break space, a no-break space or (in content) a space.
NUMBER = re.compile(r"(?<![\d,.\u202f\u00a0/])(?<!\d )([+\-−]?)(\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?![\d])|\d+)(?:,(\d+))?"
                    r"[ \u00a0\u202f]+([A-Za-zÀ-ÖØ-öø-ÿ]+)\b")
PERCENT = re.compile(r"(?<![\d,])([+\-−±]?)\s?(\d+(?:,\d+)?)[ \u00a0\u202f]?%")


def _number(whole: str, decimals: str | None) -> float:
    return float(re.sub(r"[ \u202f\u00a0]", "", whole) + ("." + decimals if decimals else ""))


# MARK: - The rules on text


# The validation report (`validation/`, on unless site.yaml says `validationPage: false`) is written for the site's
# editors in the words of `cpts-site check`: it names the files, keys, ids and values to write, as they are to be
# written (`la mission « acces-soins »`, `site.yaml indique allowRawHTML: true`). The id and English rules do not
# read it; every other rule does.
EDITORS_PAGES = ("validation/index.html",)


def for_editors(page: str) -> bool:
    return page.endswith(EDITORS_PAGES)


def check_block_text(text: str, page: str, vocabulary: DomainVocabulary, tag: str = "p") -> list[Finding]:
    """Every text rule on one block of French text."""
    findings: list[Finding] = []
    clean = _without_urls(text)
    if not for_editors(page):
        findings += _internal_ids(text, page, vocabulary)
        findings += _english(clean, page)
    findings += _plurals(clean, page)
    if "'" in clean:
        findings.append(Finding("apostrophe", page, _excerpt(clean, clean.index("'"))))
    findings += _percent_points_in_text(clean, page)
    findings += _dangling_label(clean, page, tag)
    return findings


def _excerpt(text: str, at: int, width: int = 40) -> str:
    start = max(0, at - width)
    return ("…" if start else "") + text[start:at + width].strip() + ("…" if at + width < len(text) else "")


def _internal_ids(text: str, page: str, vocabulary: DomainVocabulary) -> list[Finding]:
    found = []
    for id in sorted(vocabulary.ids):
        for match in re.finditer(rf"(?<![\w/.#-]){re.escape(id)}(?![\w-])", text, re.I):
            if not _in_url(text, match.start()):
                found.append(Finding("internal-id", page, f"« {id} » in: {_excerpt(text, match.start())}"))
                break
    for match in re.finditer(r"(?<![\w/-])([A-Za-z][\w-]*)[ \u00a0\u202f]?:(?=[\s\d\"«]|$)", text):
        key = match.group(1)
        at_start = text[:match.start()].strip(" -–—•·(«\"") == ""
        camel = any(c.isupper() for c in key[1:]) or any(c.isdigit() for c in key)
        if key in vocabulary.keys and (camel or at_start or text[match.end(1)] == ":"):
            found.append(Finding("internal-id", page, f"key « {key}: » in: {_excerpt(text, match.start())}"))
    for match in re.finditer(r"(?<![\w/-])[\w./-]*\w\.(?:md|ya?ml)\b", text, re.I):
        if not _in_url(text, match.start()):
            found.append(Finding("internal-id", page, f"file « {match.group(0)} » in: {_excerpt(text, match.start())}"))
    return found


def _in_url(text: str, at: int) -> bool:
    return any(m.start() <= at < m.end() for m in URLISH.finditer(text))


def _english(text: str, page: str) -> list[Finding]:
    found = []
    for match in WORD.finditer(text):
        word = match.group(0).replace("’", "'").strip("'-").lower()
        if word in ENGLISH_WORDS:
            found.append(Finding("english", page, f"« {match.group(0)} » in: {_excerpt(text, match.start())}"))
    return found


def _plurals(text: str, page: str) -> list[Finding]:
    found = []
    for match in NUMBER.finditer(text):
        value = abs(_number(match.group(2), match.group(3)))
        noun = match.group(4).lower()
        if value < 2 and noun in PLURALS:
            found.append(Finding("plural", page, f"{match.group(0).strip()} (the singular: {PLURALS[noun]})"))
        elif value >= 2 and noun in NOUNS and NOUNS[noun] != noun and not match.group(3):
            found.append(Finding("plural", page, f"{match.group(0).strip()} (the plural: {NOUNS[noun]})"))
    return found


def _percent_points_in_text(text: str, page: str) -> list[Finding]:
    return _percent_points(PERCENT.findall(text), page, text)


def _percent_points(percents: list[tuple[str, str]], page: str, context: str) -> list[Finding]:
    """A signed percentage equal to the difference of two unsigned ones read with it is a change in points."""
    levels = [float(v.replace(",", ".")) for sign, v in percents if not sign]
    changes = [(sign, v) for sign, v in percents if sign]
    found = []
    for sign, value in changes:
        change = float(value.replace(",", "."))
        tolerance = 0.051 if "," in value else 0.51
        for i, a in enumerate(levels):
            for b in levels[i + 1:]:
                if a != b and abs(abs(b - a) - change) <= tolerance:
                    found.append(Finding("percent-points", page,
                                         f"{sign}{value} % for {a:g} % → {b:g} % (a change of points) in: {context[:120]}"))
                    break
            else:
                continue
            break
    return found


def _dangling_label(text: str, page: str, tag: str) -> list[Finding]:
    """`Total de l’année :` with nothing after it, or `Part fixe : .`."""
    if re.search(r":[ \u00a0\u202f]*[.,;)](?!\d)", text) or (
            tag in ("td", "th", "dd", "caption", "h1", "h2", "h3", "h4", "title", "@title", "@aria-label")
            and re.search(r"[\u00a0\u202f ]:$", text)):
        return [Finding("empty-figure", page, f"a label with no value: {text[-80:]}")]
    return []


# MARK: - The rules on a page's structure


def _repeated_headings(root: Element, page: str) -> list[Finding]:
    found = []
    for tags, what in ((("h1", "h2"), "heading"), (("caption",), "caption")):
        seen: dict[str, int] = {}
        for element in root.find_all(*tags):
            text = element.text()
            if text:
                seen[text] = seen.get(text, 0) + 1
        found += [Finding("repeated-heading", page, f"{what} « {text} » ×{count}") for text, count in seen.items()
                  if count > 1]
    return found


def _empty_figures(root: Element, page: str) -> list[Finding]:
    found = []
    for table in root.find_all("table"):
        caption = next((c.text() for c in table.find_all("caption")), "")
        headers = [th.text() for th in table.find_all("th") if th.parent is not None and th.parent.parent is not None
                   and th.parent.parent.tag == "thead"]
        for row in table.find_all("tr"):
            cells = [c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")]
            for column, cell in enumerate(cells):
                if cell.tag == "td" and not cell.text() and not cell.has_picture():
                    label = next((c.text() for c in cells if c.tag == "th"), "")
                    header = headers[column] if column < len(headers) else f"column {column + 1}"
                    found.append(Finding("empty-figure", page, f"empty cell « {header} » of « {label} » ({caption})"))
    for definitions in root.find_all("dl"):
        items = [c for c in definitions.children if isinstance(c, Element) and c.tag in ("dt", "dd", "div")]
        items = [g for c in items for g in ([c] if c.tag != "div" else
                                            [x for x in c.children if isinstance(x, Element) and x.tag in ("dt", "dd")])]
        for index, item in enumerate(items):
            alone = item.tag == "dt" and (index + 1 == len(items) or items[index + 1].tag != "dd")
            if alone or (item.tag == "dd" and not item.text() and not item.has_picture()):
                term = item.text() if item.tag == "dt" else (items[index - 1].text() if index else "")
                found.append(Finding("empty-figure", page, f"« {term} » with no value"))
    return found


def _table_rows_points(root: Element, page: str) -> list[Finding]:
    found = []
    for row in root.find_all("tr"):
        texts = [c.text() for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")]
        percents = [p for text in texts for p in PERCENT.findall(_without_urls(text))]
        found += _percent_points(percents, page, " | ".join(texts))
    return found


def check_html(text: str, page: str, vocabulary: DomainVocabulary) -> list[Finding]:
    """Every rule on one HTML page."""
    root = parse_html(text)
    if not _french(root):
        return []
    findings = _repeated_headings(root, page) + _empty_figures(root, page) + _table_rows_points(root, page)
    for block in page_blocks(root):
        findings += check_block_text(block.text, page, vocabulary, block.tag)
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))


# MARK: - Printed reports


def pdf_lines(pdf: pathlib.Path) -> list[str]:
    """The printed text, line by line as `pdftotext -layout` lays it out (poppler-utils)."""
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8").splitlines()


def check_pdf_text(lines: list[str], page: str, vocabulary: DomainVocabulary, source_html: str | None = None) -> list[Finding]:
    """The text rules on each cell of each printed line (cells are apart by two spaces or more), the points rule on
    each line, and, given the page printed, its headings and captions printed once each."""
    findings: list[Finding] = []
    for line in lines:
        cells = [c.strip(" ") for c in re.split(r"[ \t]{2,}", line) if c.strip()]
        for cell in cells:
            findings += check_block_text(collapse(cell), page, vocabulary, "line")
        findings += _percent_points(PERCENT.findall(_without_urls(line)), page, " | ".join(cells))
    if source_html is not None:
        root = parse_html(source_html)
        # pdftotext writes no-break spaces as spaces.
        def spaces(text: str) -> str:
            return re.sub(r"[ \u00a0\u202f]+", " ", collapse(text))
        printed = [spaces(line) for line in lines]
        blocks = page_blocks(root)
        for element in root.find_all("h1", "h2", "caption"):
            text = element.text()
            # A heading that is also the text, or the end of the text, of a cell or a paragraph (a mission's name in
            # the payments' table) may be printed on a line of its own more than once.
            elsewhere = any(text in block.text for block in blocks if block.tag not in ("h1", "h2", "caption"))
            count = printed.count(spaces(text))
            if text and count > 1 and not elsewhere:
                findings.append(Finding("repeated-heading", page, f"« {text} » printed ×{count}"))
    return _unique(findings)


# MARK: - Known findings


@dataclass(frozen=True)
class KnownFinding:
    """A line of the known-findings file: `rule | page (glob) | text (a part of the finding's text)  # why`."""

    rule: str
    page: str
    text: str
    line: int

    def matches(self, finding: Finding) -> bool:
        """Same rule, a page the glob matches, and the text inside the finding's (any space matching any space)."""
        def spaces(text: str) -> str:
            return re.sub(r"[ \u00a0\u202f]+", " ", text)
        return (finding.rule == self.rule and pathlib.PurePosixPath(finding.page).match(self.page)
                and spaces(self.text) in spaces(finding.text))


def read_known_findings(path: pathlib.Path) -> list[KnownFinding]:
    known = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("  #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ", 2)]
        if len(parts) != 3 or parts[0] not in RULES:
            raise ValueError(f"{path}:{number}: not `rule | page | text` with a rule of {RULES}: {line}")
        known.append(KnownFinding(parts[0], parts[1], parts[2], number))
    return known


def split_known(findings: list[Finding], known: list[KnownFinding]) -> tuple[list[Finding], list[KnownFinding]]:
    """The findings no known line explains, and the known lines that explain no finding any more."""
    unexplained = [f for f in findings if not any(k.matches(f) for k in known)]
    stale = [k for k in known if not any(k.matches(f) for f in findings)]
    return unexplained, stale
