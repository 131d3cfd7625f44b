"""The printable playbook (/print/) in a print preview (print media emulated): each top-level
section starts a sheet, no heading is left at a sheet's foot, nothing is wider than the sheet,
and every link inside the book is an anchor on the page (or leaves the site, or goes to a page
the book leaves out, such as the lint rules). Set PRINT_SCREENSHOT=file.png to keep a screenshot."""
import os

from selenium.webdriver.common.by import By


def open_print_preview(browser, base_url):
    browser.get(base_url + "/print/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})


def test_the_header_and_footer_link_to_the_print_page(browser, phone, base_url):
    browser.get(base_url + "/")
    for place in (".site-header", ".site-footer"):
        link = browser.find_element(By.CSS_SELECTOR, place + " a.print-link")
        assert link.get_attribute("href") == base_url + "/print/"
        assert link.text == "Print the playbook"
    # On a phone the header has no room for it: the footer's is the one.
    phone.get(base_url + "/")
    assert not phone.find_element(By.CSS_SELECTOR, ".site-header a.print-link").is_displayed()
    assert phone.find_element(By.CSS_SELECTOR, ".site-footer a.print-link").is_displayed()


def test_each_top_level_section_starts_a_sheet_and_headings_keep_their_text(browser, base_url):
    open_print_preview(browser, base_url)
    facts = browser.execute_script("""
        const sections = [...document.querySelectorAll('.print-book > section')];
        const tops = sections.filter(s => s.firstElementChild.tagName === 'H1').slice(1);
        const headings = [...document.querySelectorAll('.print-book :is(h1,h2,h3,h4,h5,h6)')];
        return {
          sections: sections.length,
          tops: tops.map(s => [s.id, getComputedStyle(s.firstElementChild).breakBefore]),
          loose: headings.filter(h => getComputedStyle(h).breakAfter !== 'avoid').map(h => h.textContent),
          ids: sections.map(s => s.id),
        };""")
    assert facts["sections"] > 50, facts["sections"]
    assert len(facts["ids"]) == len(set(facts["ids"]))
    assert len(facts["tops"]) >= 3, facts["tops"]
    assert all(value == "page" for _, value in facts["tops"]), facts["tops"]
    assert facts["loose"] == []
    for selector in ("#sidebar", ".pager", ".print-link", ".print-note"):
        assert not browser.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector


def test_nothing_is_wider_than_the_sheet(browser, base_url):
    open_print_preview(browser, base_url)
    browser.set_window_size(800, 1000)  # about an A4 sheet's width at 96 dpi
    wide = browser.execute_script("""
        const limit = document.documentElement.clientWidth + 1;
        return [...document.querySelectorAll('.print-book *')]
          .filter(e => e.getBoundingClientRect().right > limit)
          .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10);""")
    assert wide == []
    if os.environ.get("PRINT_SCREENSHOT"):
        browser.save_screenshot(os.environ["PRINT_SCREENSHOT"])


def test_internal_links_are_anchors_on_the_page(browser, base_url):
    open_print_preview(browser, base_url)
    links = browser.execute_script("""
        return [...document.querySelectorAll('.print-book a[href]')].map(a => a.getAttribute('href'));""")
    assert len(links) > 20
    outside = []
    for href in links:
        if href.startswith("#"):
            assert browser.execute_script("return document.getElementById(arguments[0]) !== null", href[1:]), href
        elif not href.startswith(("https://", "http://", "mailto:", "/lint/")):
            outside.append(href)
    # Images and files keep their URL; no page of the book is linked by its own address.
    assert [href for href in outside if href.endswith("/")] == []
