"""French typography in the visible text of every page, in Chromium: narrow no-break space before ; ! ? and a
no-break space before :, « » with no-break spaces inside, typographic apostrophes — code, URLs and times excepted."""

from __future__ import annotations

import re

import sitekit


# The visible text, without code, preformatted text, or the values of form fields.
VISIBLE_TEXT = """
const clone = document.body.cloneNode(true);
for (const hidden of clone.querySelectorAll('code, pre, kbd, samp, script, style, svg title, svg desc')) hidden.remove();
return clone.innerText;
"""

URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+|\S+@\S+\.\S+", re.I)
RULES = [
    # Before ; ! ? a narrow no-break space (U+202F), never a plain or no-break space, never nothing.
    (re.compile(r"[ \u00a0][;!?]"), "an ordinary or no-break space before ; ! ? (U+202F wanted)"),
    (re.compile(r"[^\s\u202f\u00a0(\[«;!?.…][;!?](?=\s|$)"), "no space before ; ! ? (U+202F wanted)"),
    # Before : a no-break space (U+202F or U+00A0), unless the colon is inside a number or a time (14:30).
    (re.compile(r" :"), "an ordinary space before : (U+202F wanted)"),
    (re.compile(r"[^\s\u202f\u00a0\d]:(?=\s|$)"), "no space before : (U+202F wanted)"),
    (re.compile(r"'"), "a straight apostrophe (’ wanted)"),
    (re.compile(r"«(?![\u202f\u00a0])|(?<![\u202f\u00a0])»"), "« » without a no-break space inside"),
    (re.compile(r'"'), "a straight double quote (« » wanted)"),
]


def typography_faults(text: str) -> list[str]:
    faults = []
    for line in text.splitlines():
        line = URL.sub("URL", line)
        for pattern, problem in RULES:
            for match in pattern.finditer(line):
                start = max(0, match.start() - 30)
                faults.append(f"{problem}: …{line[start:match.end() + 30]}…")
    return faults


def test_the_checker_finds_what_it_should():
    assert typography_faults("Population : 12") and typography_faults("Population: 12")
    assert typography_faults("Carte d'identité") and typography_faults("« en cours»")
    assert typography_faults("Vraiment ?") and typography_faults("Vraiment?")
    assert typography_faults("Population\u202f: 12 ; voir")
    assert not typography_faults("Population\u202f: 12\u202f; voir https://example.org/a:b?c=1 à 14:30, «\u202fen cours\u202f»\u202f!")


def test_visible_text_follows_french_spacing_rules(site, server, driver):
    failures, pages = [], 0
    for page in site.pages():
        path = site.url_path(page)
        driver.get(server.url(path))
        faults = typography_faults(driver.execute_script(VISIBLE_TEXT))
        pages += 1
        if faults:
            failures.append(f"== {path} ({len(faults)})\n    " + "\n    ".join(sorted(set(faults))[:8]))
    sitekit.SUMMARY.setdefault("typography", []).append(f"{site.name}: {pages} pages read, {len(failures)} with faults")
    assert not failures, "\n".join(failures)
