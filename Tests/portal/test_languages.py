"""A portal in two languages as people use it: the Government of Canada's service inventory converted with
its French text (../shared/tools/gc-convert --bilingual), checked and built; every kind of page in both
languages checked by axe-core on a desktop and a 320-pixel screen; the switch lands on the twin page; French
queries typed without accents find their services."""
import json
import os
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By

from browser import chromium
from conftest import FIXED_DAY, ONEDOOR, ROOT
from test_accessibility import assert_accessible_and_fits
from test_search import open_page, quick_search

# The shared data sits beside the repository's working folder (../shared); a clone elsewhere finds it
# through ONEDOOR_SHARED, or at the machine's own place for it.
SHARED = next((path for path in [pathlib.Path(os.environ.get("ONEDOOR_SHARED", "")), ROOT.parent / "shared", pathlib.Path("/work/shared")]
               if str(path) not in ("", ".") and (path / "tools" / "gc-convert").exists()), ROOT.parent / "shared")


def run(*arguments, cwd=ROOT):
    return subprocess.run([ONEDOOR, *arguments], cwd=cwd, capture_output=True, text=True, env={**os.environ, **FIXED_DAY})


@pytest.fixture(scope="module")
def government(tmp_path_factory):
    if not (SHARED / "tools" / "gc-convert").exists():
        pytest.skip("the Government of Canada data is not at ../shared, /work/shared or $ONEDOOR_SHARED")
    folder = tmp_path_factory.mktemp("gc") / "catalogue"
    converted = subprocess.run([str(SHARED / "tools" / "gc-convert"), str(SHARED / "data" / "gc-service-inventory"), str(folder), "--bilingual"],
                               capture_output=True, text=True)
    assert converted.returncode == 0, converted.stderr
    return folder


@pytest.fixture(scope="module")
def government_site(government):
    check = run("check", str(government))
    assert check.returncode == 0, check.stdout[-2000:]
    assert " 0 errors" in "\n" + check.stdout.splitlines()[-1] or check.stdout.splitlines()[-1].startswith("0 errors")
    output = government.parent / "site"
    built = run("build", str(government), "--output", str(output))
    assert built.returncode == 0, built.stderr + built.stdout[-2000:]
    return output


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("bilingual") / "site"
    built = run("build", str(ROOT / "Tests" / "OneDoorKitTests" / "Fixtures" / "bilingual"), "--output", str(output))
    assert built.returncode == 0, built.stderr + built.stdout
    return output


PAGES = ["index.html", "en/index.html", "fr/index.html", "en/a-z.html", "fr/a-z.html", "fr/portfolio.html",
         "en/services/laptops.html", "fr/services/laptops.html", "fr/categories/technology.html", "fr/teams/desk-team.html",
         "fr/support-models/standard.html"]


@pytest.fixture(scope="module", params=[1280, 320], ids=["desktop", "phone"])
def driver(request):
    with chromium(width=request.param) as driver:
        yield driver


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_pass_axe_and_fit(driver, bilingual_site, page):
    assert_accessible_and_fits(driver, bilingual_site / page, page)


def test_the_switch_lands_on_the_same_page_in_the_other_language(driver, bilingual_site):
    driver.get((bilingual_site / "fr" / "services" / "laptops.html").as_uri())
    switch = driver.find_element(By.CSS_SELECTOR, "a.language-switch")
    assert switch.text == "English" and switch.get_attribute("lang") == "en"
    # Without a web address of its own the switch is relative; the fixture has base_url, so follow the path.
    target = switch.get_attribute("href").split("services.example.test/")[-1]
    driver.get((bilingual_site / target).as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text == "Laptops"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_the_government_inventory_checks_and_builds_in_both_languages(government_site):
    english = (government_site / "en" / "index.html").read_text(encoding="utf-8")
    french = (government_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert "Parcourir par catégorie" in french
    catalogue = json.loads((government_site / "catalogue.json").read_text(encoding="utf-8"))
    assert catalogue["languages"] == ["en", "fr"] and len(catalogue["services"]) == 1751
    assert sum(1 for service in catalogue["services"] if "fr" in service.get("translations", {})) > 1700


@pytest.mark.parametrize("query, expected", [
    ("assurance emploi", "Prestations d’assurance-emploi"),
    ("numero d'assurance sociale", "Émission d’un numéro d’assurance sociale"),
    ("credit impot cinematographique", "Crédit d'impôt pour production cinématographique ou magnétoscopique canadienne"),
    ("passeport", "Passeport canadien"),
])
def test_french_queries_without_accents_find_their_services(government_site, query, expected):
    with chromium() as driver:
        open_page(driver, government_site, "fr/index.html")
        assert expected in quick_search(driver, query)[:3]
