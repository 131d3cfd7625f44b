"""Page ownership as readers see it: the owner line at a page's foot, the notice on an overdue
page, the report link, and /owners/ with scripts off; on the shipped playbook, every page has
an owner and /owners/ is in the navigation."""
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import PLAYBOOK, REPO, serve

CONFIG = """title: Team book
repository: https://github.com/acme/book
owners:
  Priya Nair: { contact: "mailto:priya@example.org" }
  Support team: { contact: "https://chat.example.org/support" }
freshness:
  review-every: 6 months
"""

PAGES = {
    "_index.md": "---\ntitle: Home\nowner: Priya Nair\nreviewed: 2026-11-02\n---\nWelcome.\n",
    "refunds.md": "---\ntitle: Refunds\ndescription: How we refund.\nowner: Support team\nreviewed: 2025-09-01\n---\n"
                  "## Steps\n\nCheck the order, then refund it.\n",
    "close.md": "---\ntitle: Close to its date\nowner: Priya Nair\nreviewed: 2026-06-10\n---\nText.\n",
}


@pytest.fixture(scope="module")
def owners_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("owners")
    (base / "site" / "content").mkdir(parents=True)
    (base / "site" / "playbook.yml").write_text(CONFIG)
    for name, text in PAGES.items():
        (base / "site" / "content" / name).write_text(text)
    shutil.copytree(REPO / "templates", base / "site" / "templates")
    subprocess.run([PLAYBOOK, "build", "--source", str(base / "site"), "--output", str(base / "public"),
                    "--today", "2026-12-06"], check=True, capture_output=True)
    url, server = serve(base / "public")
    yield url
    server.shutdown()


def box(browser, selector):
    return browser.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, left: r.left, width: r.width, height: r.height};", selector)


def test_an_overdue_page_says_so_under_its_title_and_names_its_owner_at_its_foot(browser, owners_site):
    browser.get(owners_site + "/refunds/")
    notice = browser.find_element(By.CSS_SELECTOR, ".review-notice")
    assert notice.is_displayed()
    assert notice.text == "This page has been due for review since 1 Mar 2026: ask Support team whether it still holds."
    lead, note, heading = box(browser, ".lead"), box(browser, ".review-notice"), box(browser, "article h2")
    assert lead["bottom"] <= note["top"] < heading["top"], "the notice sits between the lead and the text"
    facts = browser.find_element(By.CSS_SELECTOR, ".page-facts")
    assert facts.text == "Owner: Support team · Reviewed 1 Sep 2025 · next review Mar 2026"
    assert facts.find_element(By.TAG_NAME, "a").get_attribute("href") == "https://chat.example.org/support"
    assert box(browser, ".page-facts")["top"] > heading["top"]
    report = browser.find_element(By.LINK_TEXT, "Report a problem with this page")
    assert report.get_attribute("href").startswith("https://github.com/acme/book/issues/new?title=Refunds&body=")


def test_a_page_reviewed_in_time_shows_no_notice(browser, owners_site):
    browser.get(owners_site + "/close/")
    assert not browser.find_elements(By.CSS_SELECTOR, ".review-notice")
    assert "next review Dec 2026" in browser.find_element(By.CSS_SELECTOR, ".page-facts").text


def test_the_owners_page_reads_without_scripts_overdue_first(no_script_browser, owners_site):
    no_script_browser.get(owners_site + "/owners/")
    owners = [h.text for h in no_script_browser.find_elements(By.CSS_SELECTOR, "section.owner h2")]
    assert owners == ["Priya Nair", "Support team"]
    rows = no_script_browser.find_elements(By.CSS_SELECTOR, "section.owner tbody tr")
    assert [r.find_element(By.TAG_NAME, "th").text for r in rows] == ["Close to its date", "Home", "Refunds"]
    overdue = no_script_browser.find_elements(By.CSS_SELECTOR, "tr.review-overdue td:last-child")
    assert [cell.text for cell in overdue] == ["Overdue by 280 days"]
    table = box(no_script_browser, "section.owner table")
    assert table["width"] > 0 and table["height"] > 0


def test_every_shipped_page_has_an_owner_and_owners_is_in_the_navigation(browser, base_url):
    browser.get(base_url + "/framework/plan/")
    assert browser.find_element(By.CSS_SELECTOR, ".page-facts").text.startswith("Owner: Delivery leads")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#sidebar a")]
    assert any(link.endswith("/owners/") for link in links)
    browser.get(base_url + "/owners/")
    assert "No owner" not in browser.find_element(By.TAG_NAME, "main").text
