"""Every internal link, anchor and asset of the generated sites resolves, and nothing comes from elsewhere."""

import re

import sitekit

# A tag that makes the browser fetch something by itself: a script, a stylesheet or icon, an image, a frame…
FETCHING_TAG = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|track|link\b[^>]*\brel=\"?(?:stylesheet|icon|preload|modulepreload))"
    r"\b[^>]*?\s(?:src|href|srcset)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE)


def test_every_internal_link_anchor_and_asset_resolves(site):
    result = sitekit.check_links(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tous mènent quelque part" in result.stdout, result.stdout
    sitekit.SUMMARY.setdefault("links", []).append(f"{site.name}: {result.stdout.strip()}")


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for page in site.pages():
        for match in FETCHING_TAG.finditer(page.read_text(encoding="utf-8")):
            offenders.append(f"{page.relative_to(site.output)}: {match.group(0)[:120]}")
    assert not offenders, "no CDN: every script, stylesheet, font and image ships with the site\n" + "\n".join(offenders)
