"""The portal as people see it: narrow screens, contrast in both colour schemes, landmarks."""
import re
import shutil

import pytest
from selenium.webdriver.common.by import By

from browser import chromium
from conftest import ROOT, onedoor

PAGES = ["index.html", "a-z.html", "portfolio.html", "services/email.html", "categories/accounts-and-access.html",
         "teams/identity-and-access.html", "support-models/service-desk-business-hours.html", "performance.html",
         "notices.html", "notices/email-outage-2026-10-14.html", "services/computers-and-accessories.html"]


def luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


def schemes(css):
    """The colour variables of the light scheme and of the dark one (which overrides some)."""
    light = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css.split("@media (prefers-color-scheme: dark)")[0]))
    dark_block = css.split("@media (prefers-color-scheme: dark)")[1].split("}\n}")[0]
    dark = {**light, **dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", dark_block))}
    return {"light": light, "dark": dark}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_has_at_least_4_5_to_1_contrast(site, scheme):
    colours = schemes((site / "assets" / "onedoor.css").read_text(encoding="utf-8"))[scheme]
    pairs = [("text", "background"), ("muted", "background"), ("text", "panel"), ("muted", "panel"),
             ("link", "background"), ("link", "panel"), ("link-visited", "background"), ("brand-text", "brand"),
             ("button-text", "button"), ("focus-text", "focus"), ("pipeline", "background"),
             ("retired", "background"), ("retired", "panel"), ("override", "background")]
    for foreground, background in pairs:
        ratio = contrast(colours[foreground], colours[background])
        assert ratio >= 4.5, f"{foreground} on {background}: {ratio:.2f}"


@pytest.fixture(scope="module")
def narrow():
    with chromium(width=320, height=800) as driver:
        yield driver


@pytest.mark.parametrize("page", PAGES)
def test_usable_at_320_pixels_wide(narrow, site, page):
    narrow.get((site / page).as_uri())
    width = narrow.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320, f"{page} scrolls sideways: {width}px"


@pytest.mark.parametrize("page", PAGES)
def test_landmarks_skip_link_and_one_heading(narrow, site, page):
    narrow.get((site / page).as_uri())
    assert len(narrow.find_elements(By.TAG_NAME, "h1")) == 1
    assert len(narrow.find_elements(By.TAG_NAME, "main")) == 1
    assert narrow.find_elements(By.CSS_SELECTOR, "body > header")
    assert narrow.find_elements(By.CSS_SELECTOR, "body > footer")
    assert narrow.find_elements(By.CSS_SELECTOR, "nav[aria-label]")
    skip = narrow.find_element(By.CSS_SELECTOR, "a.skip-link")
    assert skip.get_attribute("href").endswith("#main")
    for control in narrow.find_elements(By.CSS_SELECTOR, "input, select"):
        assert narrow.find_elements(By.CSS_SELECTOR, f"label[for='{control.get_attribute('id')}']")
    for table in narrow.find_elements(By.TAG_NAME, "table"):
        assert table.find_elements(By.CSS_SELECTOR, "thead th[scope=col]")


WORD_BREAKS = """
const broken = [];
for (const cell of document.querySelectorAll('th, td')) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
}
return broken;
"""


@pytest.mark.parametrize("page", [page for page in PAGES if "services/" in page or "support-models/" in page])
def test_words_in_tables_stay_whole_at_320_pixels_wide(narrow, site, page):
    narrow.get((site / page).as_uri())
    assert narrow.find_elements(By.TAG_NAME, "table"), f"{page} has no table to look at"
    assert narrow.execute_script(WORD_BREAKS) == [], f"{page} breaks words across lines in a table"


LONG = "Informationstechnologiedienstleistungskatalogverwaltungssystemportal"


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory):
    """The example catalogue with long compound words (as German has) in the title, the organisation, a
    service's name, summary and description, a team's and a category's name."""
    folder = tmp_path_factory.mktemp("long") / "catalogue"
    shutil.copytree(ROOT / "catalogue", folder)
    for path, old, new in [
        ("catalogue.yaml", r"^title: .*$", f"title: {LONG}"),
        ("catalogue.yaml", r"^organisation: .*$", f"organisation: Landes{LONG}"),
        ("services/communications-and-collaboration/email.md", r"^name: Email$", f"name: E{LONG}"),
        ("services/communications-and-collaboration/email.md", r"^summary: .*$", f"summary: {LONG} {LONG}."),
        ("services/communications-and-collaboration/email.md", r"\A(---\n(?:.*\n)*?---\n)", f"\\1\n{LONG * 2}\n"),
        ("teams.yaml", r"name: Collaboration Services", f"name: Team{LONG}"),
        ("categories.yaml", r"name: Communications and Collaboration", f"name: Kategorie{LONG}"),
    ]:
        file = folder / path
        text, count = re.subn(old, new, file.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
        assert count == 1, f"{path}: {old}"
        file.write_text(text, encoding="utf-8")
    output = folder.parent / "site"
    result = onedoor("build", str(folder), "--output", str(output))
    assert result.returncode == 0, result.stderr + result.stdout
    return output


@pytest.mark.parametrize("page", ["index.html", "a-z.html", "services/email.html", "teams/collaboration-services.html",
                                  "categories/communications-and-collaboration.html"])
def test_long_words_never_push_a_page_sideways(narrow, long_words_site, page):
    narrow.get((long_words_site / page).as_uri())
    assert LONG in narrow.page_source
    width = narrow.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320, f"{page} scrolls sideways: {width}px"
