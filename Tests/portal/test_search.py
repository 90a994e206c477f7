"""Search in real headless Chromium, opened from file:// with no server and no network."""
import json
import random
import shutil
import subprocess
import sys
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import chromium
from conftest import ROOT, onedoor


@pytest.fixture(scope="module")
def driver():
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def catalogue(site):
    return json.loads((site / "catalogue.json").read_text(encoding="utf-8"))


def open_page(driver, site, page="index.html", query=""):
    driver.get((site / page).as_uri() + query)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")


def status(driver):
    return driver.find_element(By.ID, "search-status").text


def results(driver):
    return [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#search-results-list a.result-link")]


def search(driver, text):
    """Types `text` into the box as a person would, and waits for the results it gives."""
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)
    return settled_results(driver)


def settled_results(driver):
    """The results once the search client has answered the box's current text."""
    return driver.execute_async_script(r"""
        const done = arguments[arguments.length - 1];
        const started = Date.now();
        (function wait() {
          const box = document.getElementById('search-input');
          const panel = document.getElementById('search-results');
          const answered = panel.getAttribute('data-answered') || '';
          const settled = answered.split('\n')[0] === box.value;
          if (settled || Date.now() - started > 4000) {
            setTimeout(() => done(Array.from(document.querySelectorAll('#search-results-list a.result-link'), a => a.textContent)), 30);
          } else setTimeout(wait, 10);
        })();
    """)


def quick_search(driver, text):
    """Sets the box's text at once (as a paste would), for tests that run hundreds of queries."""
    driver.execute_script("""
        const box = document.getElementById('search-input');
        box.value = arguments[0];
        box.dispatchEvent(new Event('input'));
    """, text)
    return settled_results(driver)


def test_a_name_finds_its_service(driver, site):
    open_page(driver, site)
    assert search(driver, "Email")[0] == "Email"


def test_a_keyword_alone_finds_its_service(driver, site):
    open_page(driver, site)
    assert search(driver, "outlook") == ["Email"]


def test_a_prefix_finds_as_you_type(driver, site):
    open_page(driver, site)
    assert search(driver, "shar")[0] == "Collaboration (SharePoint)"


def test_a_one_letter_typo_is_forgiven(driver, site):
    open_page(driver, site)
    assert "Network Accounts" in search(driver, "pasword")[:3]


def test_two_words_must_both_match_in_any_order(driver, site):
    open_page(driver, site)
    assert search(driver, "starter new")[0] == "Onboarding/Offboarding"
    assert not status(driver).startswith("No service has every word")
    assert search(driver, "zebra") == []
    assert status(driver).startswith("No services match")


def test_when_no_service_has_every_word_those_with_some_come_with_a_notice(driver, site):
    open_page(driver, site)
    starters = search(driver, "starter")
    assert search(driver, "starter zebra") == starters != []
    assert status(driver).startswith(f"No service has every word. {len(starters)} service")


def test_a_question_typed_as_a_sentence_looks_for_its_telling_words(driver, site):
    open_page(driver, site)
    assert search(driver, "how do I reset my password")[:3] == search(driver, "reset password")[:3] != []
    # The quiet words ("how", "do", "I", "my") are not wanted in the answer: it has every telling word.
    search(driver, "how do I reset my password")
    assert not status(driver).startswith("No service has every word")


@pytest.fixture(scope="module")
def misspelt_site(tmp_path_factory):
    """The example catalogue with a misspelling in one summary, as real catalogues have them."""
    root = tmp_path_factory.mktemp("misspelt")
    shutil.copytree(ROOT / "catalogue", root / "catalogue")
    service = root / "catalogue" / "services" / "strategy-design-and-transformation" / "program-and-project-management.md"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("summary: Project managers", "summary: Databses for project managers", 1), encoding="utf-8")
    result = onedoor("build", str(root / "catalogue"), "--output", str(root / "site"))
    assert result.returncode == 0, result.stderr + result.stdout
    return root / "site"


def test_a_word_only_a_summary_has_as_typed_is_followed_by_the_words_spelled_nearly_the_same(driver, misspelt_site):
    open_page(driver, misspelt_site)
    found = search(driver, "databses")
    assert found[0] == "Program/Project Management"
    assert "Databases" in found[1:]
    assert status(driver).startswith("1 service found, then ")
    assert "with a word spelled nearly the same" in status(driver)


def test_a_rare_word_outweighs_common_ones(driver, site):
    open_page(driver, site)
    top = search(driver, "printer not working")[:2]
    assert len(top) == 2 and all("print" in name.lower() for name in top), top


def test_accents_and_case_are_ignored(driver, site):
    open_page(driver, site)
    assert search(driver, "ÉMAIL")[0] == "Email"


def test_the_matched_part_of_the_name_is_highlighted(driver, site):
    open_page(driver, site)
    search(driver, "shar")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results-list li:first-child mark")]
    assert marks == ["Shar"]


def test_a_result_that_keeps_its_place_is_marked_anew_not_drawn_again(driver, site):
    open_page(driver, site)
    assert search(driver, "emai")[0] == "Email"
    driver.execute_script("window.firstResult = document.querySelector('#search-results-list li');")
    driver.find_element(By.ID, "search-input").send_keys("l")
    assert settled_results(driver)[0] == "Email"
    kept = driver.execute_script("return document.querySelector('#search-results-list li') === window.firstResult;")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results-list li:first-child mark")]
    assert kept and marks == ["Email"], (kept, marks)
    assert search(driver, "printer")[0] != "Email"
    assert not driver.execute_script("return document.querySelector('#search-results-list li') === window.firstResult;")


def test_each_result_says_its_category_and_owning_team(driver, site):
    open_page(driver, site)
    assert search(driver, "email")[0] == "Email"
    meta = driver.find_element(By.CSS_SELECTOR, "#search-results-list li .result-meta").text
    assert meta == "Communications and Collaboration · Collaboration Services · Live", meta


def test_retired_services_come_last_and_say_so(driver, site):
    open_page(driver, site)
    found = search(driver, "mobile")
    assert found[-1] == "BlackBerry Services" or "BlackBerry Services" not in found
    found = search(driver, "blackberry smartphone")
    assert driver.find_element(By.CSS_SELECTOR, "#search-results-list .tag-retired").text.lower() == "retired"


def test_filters_combine_with_a_query_and_alone(driver, site):
    open_page(driver, site)
    driver.find_element(By.CSS_SELECTOR, "details.filters summary").click()
    Select(driver.find_element(By.ID, "filter-status")).select_by_value("pipeline")
    WebDriverWait(driver, 5).until(lambda d: "found" in status(d))
    assert sorted(results(driver)) == ["Passwordless Sign-in", "Teams Phone"]
    assert search(driver, "teams") == ["Teams Phone"]
    Select(driver.find_element(By.ID, "filter-status")).select_by_value("")
    Select(driver.find_element(By.ID, "filter-category")).select_by_value("computers-and-printers")
    search(driver, "")
    WebDriverWait(driver, 5).until(lambda d: status(d).startswith("3 services"))
    assert results(driver) == ["Computers and Accessories", "Non-standard Hardware", "Printers and Scanning"]


def test_the_keyboard_path(driver, site):
    open_page(driver, site, "services/email.html")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "search-input"
    search(driver, "printer")
    active = driver.switch_to.active_element
    active.send_keys(Keys.ARROW_DOWN)
    first = driver.switch_to.active_element
    assert "result-link" in first.get_attribute("class")
    first.send_keys(Keys.ARROW_DOWN)
    second = driver.switch_to.active_element
    assert second.text != first.text
    second.send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element.text == first.text
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert driver.switch_to.active_element.get_attribute("id") == "search-input"
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == ""
    search(driver, "printer")
    target = results(driver)[0]
    driver.find_element(By.ID, "search-input").send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == target)


def test_the_query_is_kept_in_the_url_and_restored(driver, site):
    open_page(driver, site)
    search(driver, "wifi")
    WebDriverWait(driver, 5).until(lambda d: urllib.parse.parse_qs(urllib.parse.urlparse(d.current_url).query) == {"q": ["wifi"]})
    open_page(driver, site, "a-z.html", "?q=new+starter")
    WebDriverWait(driver, 5).until(lambda d: "found" in status(d))
    assert results(driver)[0] == "Onboarding/Offboarding"
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == "new starter"


def test_the_query_is_in_the_url_when_a_result_opens_at_once(driver, site):
    open_page(driver, site)
    search(driver, "printer")
    driver.find_element(By.CSS_SELECTOR, "#search-results-list a").click()
    WebDriverWait(driver, 5).until(lambda d: "/services/" in d.current_url)
    driver.back()
    WebDriverWait(driver, 5).until(lambda d: "q=printer" in d.current_url)


def test_a_query_shows_its_results_from_the_terms_file_without_a_docs_file(driver, site):
    open_page(driver, site)
    assert search(driver, "printer")[0] == "Printers and Scanning"
    summary = driver.find_element(By.CSS_SELECTOR, "#search-results-list li p").text
    assert summary, "the summary comes with the name"
    loaded = driver.execute_script("return Array.from(document.querySelectorAll('script[src*=\"search/\"]'), s => s.src)")
    assert not [src for src in loaded if "/docs-" in src], loaded


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    """A generated catalogue of 1,000 services, whose index is split into words and terms files."""
    root = tmp_path_factory.mktemp("split")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "1000", str(root / "catalogue")], check=True,
                   capture_output=True)
    result = onedoor("build", str(root / "catalogue"), "--output", str(root / "site"))
    assert result.returncode == 0, result.stderr + result.stdout
    return root / "site"


def loaded_files(driver):
    return {src.rsplit("/search/", 1)[1] for src in
            driver.execute_script("return Array.from(document.querySelectorAll('script[src*=\"search/\"]'), s => s.src)")}


def test_while_typing_pauses_the_words_files_of_typos_in_the_first_letters_load(driver, split_site):
    # A word whose typo keys (its 2nd and 3rd letters, its 1st and 3rd) name words files of the index.
    word = next(w for w in ["secure", "service", "network", "storage", "backup", "printer", "access", "manage"]
                if all((split_site / "search" / f"words-{key}.js").exists() for key in [w[1:3], w[0] + w[2]]))
    open_page(driver, split_site)
    search(driver, word[:3])
    WebDriverWait(driver, 5).until(lambda d: {f"words-{word[1:3]}.js", f"words-{word[0]}{word[2]}.js"} <= loaded_files(d))
    before = loaded_files(driver)
    # Then nothing begins as typed, and the words a typo away are looked for: their files are at hand.
    quick_search(driver, word[:3] + "qx")
    assert not {name for name in loaded_files(driver) - before if name.startswith("words-")}


def test_results_are_announced_to_screen_readers(driver, site):
    open_page(driver, site)
    live = driver.find_element(By.ID, "search-status")
    assert live.get_attribute("role") == "status"
    assert live.get_attribute("aria-live") == "polite"
    assert driver.find_element(By.CSS_SELECTOR, "label[for=search-input]").text


def test_every_keyword_and_a_misspelt_name_find_their_service(driver, site, catalogue):
    open_page(driver, site)
    rng = random.Random(7)
    misses = []
    for service in catalogue["services"]:
        queries = list(service["keywords"])
        words = service["name"].replace("/", " ").split()
        longest = max(range(len(words)), key=lambda k: len(words[k]))
        if len(words[longest]) >= 5:
            i = rng.randrange(1, len(words[longest]) - 1)
            words[longest] = words[longest][:i] + words[longest][i + 1:]  # one letter dropped
            queries.append(" ".join(words))
        for query in queries:
            names = quick_search(driver, query)[:3]
            if service["name"] not in names:
                misses.append((query, service["name"], names))
    assert misses == []


def test_no_console_errors(driver, site):
    open_page(driver, site)
    search(driver, "email")
    open_page(driver, site, "services/email.html")
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_without_javascript_the_box_leads_to_the_a_to_z_page(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<form class="search" action="a-z.html" method="get" role="search" data-search data-words=' in home
