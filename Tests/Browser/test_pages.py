"""The three kinds of page a visitor lands on — the regional dashboard, a department, a CPTS — in a real browser:
they load cleanly from the site alone, show their key figures, the search box finds a CPTS, printing gives A4 pages
without the navigation; and every page type is photographed at desktop and phone widths for people to look at."""

from __future__ import annotations

import io

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
