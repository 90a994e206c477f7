"""Notices as people and tools meet them: a portal with an open incident and a planned change, checked
by axe-core at desktop and 320 px, its Atom feed parsed, its catalogue.json validated, and builds at the
same SOURCE_DATE_EPOCH compared byte for byte."""
import filecmp
import json
import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from selenium.webdriver.common.by import By

from browser import chromium
from conftest import ONEDOOR, ROOT
from test_accessibility import assert_accessible_and_fits
from test_search import open_page, search

# 2026-11-23 12:00 UTC: the incident below is open, the planned change starts within 14 days.
NOW = "1795435200"
ATOM = "{http://www.w3.org/2005/Atom}"

OUTAGE = """---
title: Network outage in the data centre
kind: incident
severity: major
services: [networks]
start: 2026-11-23 07:15
reference: MIR200
updates:
  - at: 2026-11-23 07:40
    text: The network team is on site.
---
Most services cannot be reached from the offices.
"""

CHANGE = """---
title: Email gateway upgrade
kind: planned-change
services: [email]
start: 2026-12-01 20:00
end: 2026-12-01 23:00
---
Email may be slow for a few minutes.
"""


def build(folder, output, epoch=NOW):
    result = subprocess.run([ONEDOOR, "build", str(folder), "--output", str(output)], capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr + result.stdout
    return output


@pytest.fixture(scope="module")
def noticed(tmp_path_factory):
    """The example catalogue with an open major incident on Networks and a planned change on Email."""
    folder = tmp_path_factory.mktemp("noticed") / "catalogue"
    shutil.copytree(ROOT / "catalogue", folder)
    (folder / "notices" / "network-outage.md").write_text(OUTAGE, encoding="utf-8")
    (folder / "notices" / "email-gateway-upgrade.md").write_text(CHANGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(noticed):
    return build(noticed, noticed.parent / "site")


PAGES = ["index.html", "notices.html", "notices/network-outage.html", "notices/email-gateway-upgrade.html",
         "services/networks.html", "services/email.html", "categories/technology-management.html", "a-z.html",
         "performance.html"]


@pytest.fixture(scope="module", params=[1280, 320], ids=["desktop", "phone"])
def driver(request):
    with chromium(width=request.param) as driver:
        yield driver


@pytest.mark.parametrize("page", PAGES)
def test_every_page_with_notices_passes_axe_and_fits(driver, site, page):
    assert_accessible_and_fits(driver, site / page, page)


def text(driver, site, page):
    driver.get((site / page).as_uri())
    return driver.find_element(By.TAG_NAME, "main").text


def test_the_state_of_each_service_is_said_where_people_look(driver, site):
    home = text(driver, site, "index.html")
    assert "Service status" in home and "Network outage in the data centre" in home and "Email gateway upgrade" in home
    assert home.index("Email gateway upgrade") < home.index("Network outage in the data centre"), "newest first"
    assert "This service is disrupted." in text(driver, site, "services/networks.html")
    email = text(driver, site, "services/email.html")
    assert "This service may be affected." in email and "It depends on Networks, which is disrupted." in email
    assert "Email gateway upgrade" in email
    category = text(driver, site, "categories/technology-management.html")
    assert "DISRUPTED" in category.upper() and "MAY BE AFFECTED" in category.upper()


def test_search_results_say_a_service_is_disrupted(driver, site):
    open_page(driver, site)
    assert "Networks" in search(driver, "networks")
    tags = [tag.text for tag in driver.find_elements(By.CSS_SELECTOR, "#search-results-list .tag-disrupted")]
    assert tags and tags[0].upper() == "DISRUPTED"


def test_the_feed_is_atom_with_every_required_element(site):
    feed = ET.parse(site / "notices.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ["id", "title", "updated", "author"]:
        assert feed.find(f"{ATOM}{name}") is not None, name
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(list((ROOT / "catalogue" / "notices").glob("*.md"))) + 2
    for entry in entries:
        for name in ["id", "title", "updated", "link", "summary", "content"]:
            assert entry.find(f"{ATOM}{name}") is not None, name
    outage = next(e for e in entries if e.find(f"{ATOM}title").text == "Network outage in the data centre")
    assert outage.find(f"{ATOM}updated").text == "2026-11-23T07:40:00-04:00", "the latest update"
    assert outage.find(f"{ATOM}published").text == "2026-11-23T07:15:00-04:00"


def test_feed_ids_stay_the_same_from_build_to_build(noticed, tmp_path):
    later = build(noticed, tmp_path / "later", epoch="1795600000")
    ids = lambda site: [e.find(f"{ATOM}id").text for e in ET.parse(site / "notices.xml").getroot().findall(f"{ATOM}entry")]
    first = build(noticed, tmp_path / "first")
    assert sorted(ids(first)) == sorted(ids(later))
    assert len(set(ids(first))) == len(ids(first))


def test_catalogue_json_carries_the_notices_and_validates(site):
    catalogue = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "catalogue.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(catalogue)
    phases = {notice["id"]: notice["phase"] for notice in catalogue["notices"]}
    assert phases["network-outage"] == "current" and phases["email-gateway-upgrade"] == "upcoming"
    assert phases["email-outage-2026-10-14"] == "past"
    outage = next(n for n in catalogue["notices"] if n["id"] == "network-outage")
    assert "email" in outage["may_affect"]


def test_the_same_source_date_epoch_gives_the_same_bytes(noticed, tmp_path):
    first, second = build(noticed, tmp_path / "a"), build(noticed, tmp_path / "b")
    files = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    match, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []
    later = build(noticed, tmp_path / "c", epoch="1796601600")  # 2026-12-07: the incident is still open, the change is past
    assert (later / "index.html").read_bytes() != (first / "index.html").read_bytes()
