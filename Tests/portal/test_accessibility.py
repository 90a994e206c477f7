"""Every page kind checked by axe-core (the engine behind most accessibility checkers) against WCAG 2.2
A and AA and axe's best practices, on a desktop and on a 320-pixel screen, in light and dark colours, and
with search results on show."""
import pytest
from selenium_axe_python import Axe

from browser import chromium
from test_design import PAGES
from test_search import open_page, search

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def violations(driver):
    axe = Axe(driver)
    axe.inject()
    found = axe.run(options=RULES)["violations"]
    return [(v["id"], [" ".join(node["target"]) for node in v["nodes"]][:3]) for v in found]


def assert_accessible_and_fits(driver, path, name):
    """The page at `path` passes axe-core and does not scroll sideways in the window."""
    driver.get(path.as_uri())
    assert violations(driver) == []
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= driver.execute_script("return window.innerWidth"), f"{name} scrolls sideways: {width}px"


@pytest.fixture(scope="module", params=[(1280, False), (320, False), (1280, True)], ids=["desktop", "phone", "dark"])
def driver(request):
    width, dark = request.param
    with chromium(width=width, dark=dark) as driver:
        yield driver


@pytest.mark.parametrize("page", PAGES)
def test_every_kind_of_page_passes_axe(driver, site, page):
    driver.get((site / page).as_uri())
    assert violations(driver) == []


def test_search_results_pass_axe(driver, site):
    open_page(driver, site)
    assert search(driver, "how do I reset my password")
    assert violations(driver) == []
