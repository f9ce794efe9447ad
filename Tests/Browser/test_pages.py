"""The three kinds of page a visitor lands on — the regional dashboard, a department, a CPTS — in a real browser:
they load cleanly from the site alone, show their key figures, the search box finds a CPTS, printing gives A4 pages
without the navigation; and every page type is photographed at desktop and phone widths for people to look at."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import sitekit
from sitekit import french_integer, french_percent, normalise

A4_POINTS = (595.28, 841.89)


def chosen_department(site) -> dict:
    """The first department (by code) that has CPTS."""
    return min((d for d in site.data["region"]["departments"] if d["cpts"] > 0), key=lambda d: d["code"])


def chosen_cpts(site) -> dict:
    """The most populous CPTS of that department."""
    code = chosen_department(site)["code"]
    return max((c for c in site.data["cpts"] if c["department"] == code), key=lambda c: (c["population"], c["slug"]))


def page_path(site, kind: str) -> str:
    if kind == "home":
        return ""
    if kind == "department":
        return f"departements/{chosen_department(site)['code']}/"
    if kind == "cpts":
        return f"cpts/{chosen_cpts(site)['slug']}/"
    raise ValueError(kind)


def text_of(driver, selector: str) -> str:
    return normalise(driver.find_element(By.CSS_SELECTOR, selector).text)


@pytest.mark.parametrize("kind", ["home", "department", "cpts"])
def test_the_page_loads_cleanly_and_only_from_the_site(site, server, driver, kind):
    errors = sitekit.open_page(driver, server.url(page_path(site, kind)))
    assert errors == [], "console errors:\n" + "\n".join(errors)
    assert driver.execute_script("return document.documentElement.lang") == "fr"
    assert sitekit.same_origin_resources(driver, server.origin) == []
    # The stylesheet applied: the navigation is a flex row, not a bulleted list.
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header nav ul')).display") == "flex"
    # The skip link leads to the main content.
    assert driver.find_element(By.CSS_SELECTOR, "a.skip").get_attribute("href").endswith("#contenu")
    assert driver.find_element(By.ID, "contenu").tag_name == "main"


def test_the_home_page_shows_the_regional_key_figures(site, server, driver):
    sitekit.open_page(driver, server.url())
    region = site.data["region"]
    assert text_of(driver, "h1") == normalise(f"Les CPTS en {region['name']}")
    figures = text_of(driver, ".key-figures")
    for expected in [f"{region['constituted']} / {region['plannedTerritories']}",
                     french_percent(region["coverage"]),
                     f"{french_integer(region['populationCovered'])} habitants sur {french_integer(region['population'])}",
                     f"Contrats ACI signés {region['signed']}"]:
        assert normalise(expected) in figures, f"{expected!r} not in {figures!r}"
    # Every department of the region is listed, with a link to its page.
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=departements] a")}
    for department in region["departments"]:
        assert f"{department['name']} ({department['code']})" in links


def test_a_department_page_shows_its_key_figures(site, server, driver):
    department = chosen_department(site)
    sitekit.open_page(driver, server.url(page_path(site, "department")))
    assert text_of(driver, "h1") == f"{department['name']} ({department['code']})"
    figures = [normalise(e.text) for e in driver.find_elements(By.CSS_SELECTOR, ".key-figures .figure")]
    assert str(department["cpts"]) in figures and normalise(french_percent(department["coverage"])) in figures, figures
    assert normalise(f"{french_integer(department['populationCovered'])} habitants sur "
                     f"{french_integer(department['population'])}") in text_of(driver, ".key-figures")
    listed = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "main table a")]
    members = [c["name"] for c in site.data["cpts"] if c["department"] == department["code"]]
    assert set(members) <= set(listed), (members, listed)


def test_a_cpts_page_shows_its_identity(site, server, driver):
    cpts = chosen_cpts(site)
    department = chosen_department(site)
    sitekit.open_page(driver, server.url(page_path(site, "cpts")))
    assert text_of(driver, "h1") == normalise(cpts["name"])
    identity = text_of(driver, ".identity")
    assert normalise(f"Population couverte {french_integer(cpts['population'])} habitants") in identity, identity
    assert f"Département {department['name']}" in identity, identity


def test_the_search_box_finds_a_cpts_by_name(site, server, driver):
    cpts = chosen_cpts(site)
    sitekit.open_page(driver, server.url())
    box = driver.find_element(By.ID, "recherche-cpts")
    assert driver.find_element(By.CSS_SELECTOR, "label[for=recherche-cpts]").text == "Rechercher une CPTS"
    box.send_keys(cpts["name"], Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/recherche/" in d.current_url
                                    and d.execute_script("return document.readyState") == "complete")
    assert sitekit.console_errors(driver) == []

    def shown_and_expected(query: str):
        items = driver.find_elements(By.CSS_SELECTOR, "#resultats > li")
        shown = [li.find_element(By.TAG_NAME, "a").text for li in items if li.is_displayed()]
        words = sitekit.fold(query).split()
        expected = [li.find_element(By.TAG_NAME, "a").get_attribute("textContent") for li in items
                    if all(word in sitekit.fold(li.get_attribute("data-search")) for word in words)]
        return items, shown, expected

    # The query carried to the search page filters its list (the script reads ?q=).
    items, shown, expected = shown_and_expected(cpts["name"])
    assert driver.find_element(By.ID, "recherche-cpts").get_attribute("value") == cpts["name"]
    assert cpts["name"] in shown and shown == expected and len(shown) < len(items), (shown, expected)
    assert not driver.find_element(By.ID, "aucun-resultat").is_displayed()

    # Typing filters as one types, without accents or capitals mattering.
    box = driver.find_element(By.ID, "recherche-cpts")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("zzz introuvable")
    assert shown_and_expected("zzz introuvable")[1] == []
    assert driver.find_element(By.ID, "aucun-resultat").is_displayed()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(sitekit.fold(cpts["name"]).upper())
    assert cpts["name"] in shown_and_expected(cpts["name"])[1]

    # And the result leads to the CPTS's page.
    driver.find_element(By.LINK_TEXT, cpts["name"]).click()
    WebDriverWait(driver, 10).until(lambda d: f"/cpts/{cpts['slug']}/" in d.current_url)
    assert text_of(driver, "h1") == normalise(cpts["name"])
    assert sitekit.console_errors(driver) == []


@pytest.mark.parametrize("kind", ["home", "department", "cpts"])
def test_printing_gives_a4_pages_without_the_navigation(site, server, driver, kind):
    sitekit.open_page(driver, server.url(page_path(site, kind)))
    sitekit.emulate_print(driver, True)
    try:
        hidden = driver.execute_script("""
            return ['.site-header nav', 'form.search', 'a.skip']
              .map(s => [s, getComputedStyle(document.querySelector(s)).display]);""")
    finally:
        sitekit.emulate_print(driver, False)
    assert all(display == "none" for _, display in hidden), hidden
    heading = text_of(driver, "h1")
    navigation = [normalise(a.get_attribute("textContent")) for a in driver.find_elements(By.CSS_SELECTOR, ".site-header nav a")]
    elsewhere = text_of(driver, "main") + " " + text_of(driver, ".site-footer")

    pdf = sitekit.print_to_pdf(driver)
    target = sitekit.SCREENSHOTS / site.name / f"{kind}-print.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    for number, page in enumerate(reader.pages, 1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(a - b) < 1.5 for a, b in zip(size, A4_POINTS)), f"page {number} is {size} pt, not A4 {A4_POINTS}"
    printed = normalise(" ".join(page.extract_text() or "" for page in reader.pages))
    assert heading.replace(" ", "") in printed.replace(" ", ""), f"{heading!r} not printed"
    assert "Rechercher une CPTS" not in printed
    for label in navigation:
        if label not in elsewhere:
            assert label not in printed, f"the navigation link {label!r} is printed"


# Every page type, with the path that shows it; free pages are added when the site has one.
PAGE_TYPES = {"home": "", "search": "recherche/", "methodology": "methodologie/", "validation": "validation/",
              "not-found": "une-page-qui-n-existe-pas/"}
WIDTHS = {"desktop": (1280, 900, False), "mobile": (390, 844, True), "narrow": (320, 800, True)}


def test_a_screenshot_of_every_page_type_at_desktop_and_phone_widths(site, server, driver):
    kinds = dict(PAGE_TYPES, department=page_path(site, "department"), cpts=page_path(site, "cpts"))
    known = {"", "recherche/", "methodologie/", "validation/"}
    free = sorted(site.url_path(p) for p in site.output.glob("*/index.html")
                  if site.url_path(p) not in known and site.url_path(p).count("/") == 1
                  and site.url_path(p) not in ("cpts/", "departements/"))
    if free:
        kinds["page"] = free[0]
    made = []
    for kind, path in kinds.items():
        for width_name, (width, height, mobile) in WIDTHS.items():
            errors = sitekit.open_page(driver, server.url(path))
            if kind == "not-found":  # the page's own 404 status is expected; nothing else is
                errors = [e for e in errors if "status of 404" not in e or path not in e]
            assert errors == [], f"{kind} ({width_name}): {errors}"
            if kind == "not-found":  # served at any missing URL: its links start from the site's root path
                assert text_of(driver, "h1") == "Page introuvable"
                assert driver.execute_script(
                    "return getComputedStyle(document.querySelector('.site-header nav ul')).display") == "flex"
            target = sitekit.SCREENSHOTS / site.name / f"{kind}-{width_name}.png"
            sitekit.screenshot(driver, target, width, height, mobile)
            data = target.read_bytes()
            assert data.startswith(b"\x89PNG") and len(data) > 5000, target
            made.append(target)
    sitekit.SUMMARY.setdefault("screenshots", []).append(
        f"{site.name}: {len(made)} screenshots in {sitekit.SCREENSHOTS / site.name}")


# "Toutes les CPTS" and the search page are sorted by territory; the search finds a CPTS by its department's
# number and, where geo/communes.csv is given, by the name of a commune it covers.
ARTICLES = ("de la ", "de l’", "de l'", "des ", "du ", "de ", "d’", "d'")


def territory_key(name: str) -> str:
    """The territory's name: without a leading "CPTS" and its article, accents and capitals folded."""
    rest = name.strip()
    if rest.lower().startswith("cpts "):
        rest = rest[5:].lstrip()
    for article in ARTICLES:
        if rest.lower().startswith(article) and len(rest) > len(article):
            rest = rest[len(article):]
            break
    return sitekit.fold(rest).replace("œ", "oe")


def test_every_list_of_cpts_is_sorted_by_territory(site, server, driver):
    for path, selector in [("", "section[aria-labelledby=liste] tbody th a"), ("recherche/", "#resultats > li > a")]:
        driver.get(server.url(path))
        names = [a.get_attribute("textContent") for a in driver.find_elements(By.CSS_SELECTOR, selector)]
        assert len(names) == len(site.data["cpts"]), path
        assert names == sorted(names, key=lambda name: (territory_key(name), name)), path


def shown_results(driver) -> list[str]:
    return [li.find_element(By.TAG_NAME, "a").text for li in driver.find_elements(By.CSS_SELECTOR, "#resultats > li")
            if li.is_displayed()]


def test_the_search_finds_the_cpts_of_a_department_by_its_number(site, server, driver):
    code = chosen_department(site)["code"]
    driver.get(server.url(f"recherche/?q={code}"))
    expected = sorted(c["name"] for c in site.data["cpts"] if c["department"] == code)
    assert expected and sorted(shown_results(driver)) == expected


def communes_by_cpts(site) -> dict[str, list[str]]:
    """Each CPTS's commune names, read from the content itself (geo/communes.csv and the CPTS files)."""
    table = site.content / "geo/communes.csv"
    if not table.exists():
        return {}
    lines = table.read_text(encoding="utf-8").splitlines()
    separator = ";" if ";" in lines[0] else ","
    header = lines[0].split(separator)
    names = {cells[header.index("code")]: cells[header.index("name")] for cells in (line.split(separator) for line in lines[1:])}
    covered = {}
    for cpts in site.data["cpts"]:
        text = (site.content / "cpts" / f"{cpts['slug']}.md").read_text(encoding="utf-8")
        match = re.search(r"^communes:\s*\[(.*?)\]", text, re.M | re.S)
        codes = re.findall(r"[0-9AB]{5}", match.group(1)) if match else []
        covered[cpts["name"]] = [names[code] for code in codes if code in names]
    return covered


def test_the_search_finds_the_cpts_that_covers_a_commune(built_sites, servers, driver):
    site, server = built_sites["example"], servers["example"]
    covered = communes_by_cpts(site)
    everything = [sitekit.fold(name) for names in covered.values() for name in names]
    assert everything, "the example site needs geo/communes.csv (make geo) and CPTS listing their communes"
    # A commune whose name is in no other commune's name and in no CPTS's own words, so that one CPTS answers.
    driver.get(server.url("recherche/"))
    own_words = " ".join(sitekit.fold(li.get_attribute("data-search")) for li in driver.find_elements(By.CSS_SELECTOR, "#resultats > li"))
    commune, cpts = next((name, cpts) for cpts, names in sorted(covered.items()) for name in sorted(names)
                         if len(name) > 5 and sum(sitekit.fold(name) in other for other in everything) == 1
                         and sitekit.fold(name) not in own_words)

    box = driver.find_element(By.ID, "recherche-cpts")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "resultats").get_attribute("data-communes") == "loaded")
    box.send_keys(sitekit.fold(commune).upper())
    assert shown_results(driver) == [cpts], (commune, shown_results(driver))
    note = driver.find_element(By.XPATH, f"//ul[@id='resultats']/li[not(@hidden)]//span[@class='search-communes']").text
    assert note == f"— couvre {commune}", note
    assert not driver.find_element(By.ID, "aucun-resultat").is_displayed()
    assert sitekit.console_errors(driver) == []
