"""Hostile text in a real browser: Tests/Fixtures/hostile-site puts `<script>`,
`"><img onerror=…>` and `javascript:` payloads in every field a writer controls (each would set
window.__pwned or open an alert if it ran). Raw HTML goes through safe mode's allow-list, which
keeps `<img src=x>` (content/x is there so the link resolves) and drops its handler. Every page is
loaded, every link on it is checked, the search is run for the payloads' words and its results
are shown and followed: no payload may run.
"""
import functools
import http.server
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PLAYBOOK, REPO, QuietHandler, free_port

FIXTURE = REPO / "Tests" / "Fixtures" / "hostile-site"
PAGES = ["/", "/page/", "/plans/", "/plans/hostile/", "/lint/", "/no-such-page/"]
QUERIES = ["pwned", "script", "img onerror", "javascript", "window"]


@pytest.fixture(scope="module")
def hostile_url():
    base = pathlib.Path(tempfile.mkdtemp(prefix="playbook-hostile-"))
    site = base / "site"
    shutil.copytree(FIXTURE, site)
    shutil.copytree(REPO / "templates", site / "templates")
    out = base / "public"
    result = subprocess.run([PLAYBOOK, "build", "--source", str(site), "--output", str(out)], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    # Safe mode keeps <img src> but drops the raw HTML around it, and says so without failing.
    assert "[markdown/raw-html]" in result.stderr.decode()
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    shutil.rmtree(base, ignore_errors=True)


def assert_nothing_ran(driver, where):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"{where}: an alert opened: {text!r}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return typeof window.__pwned") == "undefined", f"{where}: a payload ran"
    # No element the payloads could have made.
    injected = driver.execute_script("""
        return [...document.querySelectorAll('img[onerror], [onerror], [onload], [onclick], iframe, object, embed')]
          .map(e => e.outerHTML.slice(0, 120))
          .concat([...document.scripts].filter(s => !s.src || !new URL(s.src).pathname.startsWith('/assets/'))
                   .map(s => 'script: ' + s.outerHTML.slice(0, 120)))
          .concat([...document.querySelectorAll('a[href], [*|href]')]
                   .map(a => a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '')
                   .filter(h => h.replace(/[\\s\\x00-\\x20]/g, '').toLowerCase().startsWith('javascript:')));
    """)
    assert injected == [], f"{where}: {injected}"


def test_no_payload_runs_in_any_page(hostile_url, browser):
    for path in PAGES:
        browser.get(hostile_url + path)
        WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert_nothing_ran(browser, path)
        if path == "/page/":
            # The payloads are on the page, as text.
            assert "<script>window.__pwned=1</script>" in browser.find_element(By.TAG_NAME, "h1").text
            assert browser.find_elements(By.CSS_SELECTOR, "figure.diagram svg"), "the diagrams were not drawn"
            body = browser.find_element(By.TAG_NAME, "main").text
            assert "onerror=" in body
            # The sidebar's script writes the titles as text too, and marks this page.
            current = browser.find_element(By.CSS_SELECTOR, "#sidebar a[aria-current=page]")
            assert "<script>window.__pwned=1</script>" in current.text


def test_search_results_show_payloads_as_text(hostile_url, browser):
    browser.get(hostile_url + "/page/")
    box = browser.find_element(By.ID, "search-input")
    for query in QUERIES:
        box.clear()
        browser.execute_script("document.getElementById('search-status').textContent = ''")
        box.send_keys(query)
        WebDriverWait(browser, 10).until(
            lambda d: d.execute_script("return document.getElementById('search-status').textContent") != "")
        results = browser.find_elements(By.CSS_SELECTOR, "#search-results [role='option']")
        assert_nothing_ran(browser, f"search '{query}'")
        if query != "img onerror":
            assert results, f"search '{query}' found nothing"
        # Titles and snippets are text: no element inside a result other than links, spans and marks.
        tags = browser.execute_script(
            "return [...document.querySelectorAll('#search-results *')].map(e => e.tagName.toLowerCase())")
        assert set(tags) <= {"li", "a", "span", "mark"}, tags
        hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results a")]
        assert all(h.startswith(hostile_url + "/") for h in hrefs), hrefs
    # Follow the first result of a search with the keyboard.
    box.clear()
    box.send_keys("pwned")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results [role='option']"))
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert browser.current_url.startswith(hostile_url + "/")
    assert_nothing_ran(browser, "after following a search result")


def test_clicking_hostile_links_runs_nothing(hostile_url, browser):
    browser.get(hostile_url + "/")
    for link in browser.find_elements(By.CSS_SELECTOR, "main a[href]"):
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:"), href
    for text in ("click", "img", "a link"):
        for link in browser.find_elements(By.LINK_TEXT, text):
            browser.execute_script("arguments[0].click()", link)
            assert_nothing_ran(browser, f"after clicking '{text}'")
