"""The "Copy page as Markdown" button on the shipped playbook: made by the script under the
title, reachable and pressed with the keyboard, it puts the page's index.md on the clipboard and
says "Copied" in a live region; the generated lint pages, which have no index.md, have none."""
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PAGE = "/framework/plan/"
ANNOUNCED = ("return [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]"
             ".map(e => e.textContent.trim()).filter(Boolean)")


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def fetch_text(driver, url):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", url)


def test_the_copy_button_copies_the_pages_markdown_and_announces_it(browser, base_url):
    load(browser, base_url + PAGE)
    try:
        browser.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": base_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    except Exception:
        pass
    button = browser.execute_script("return document.querySelector('article button.page-copy')")
    assert button is not None, f"{PAGE}: no Copy page as Markdown button"
    facts = browser.execute_script("""
        const b = arguments[0], s = getComputedStyle(b);
        return {text: b.textContent.trim(), tab: b.tabIndex, tag: b.tagName, type: b.type,
                shown: s.display !== 'none' && s.visibility !== 'hidden' && b.offsetWidth > 0};""", button)
    assert facts == {"text": "Copy page as Markdown", "tab": 0, "tag": "BUTTON", "type": "button", "shown": True}

    # Reached with Tab from the element before it, and pressed with Enter.
    browser.execute_script("""
        const b = arguments[0], before = document.createElement('a');
        before.href = '#'; before.id = 'before-copy'; b.parentNode.insertBefore(before, b); before.focus();""", button)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.execute_script("return document.activeElement === arguments[0]", button), "Tab does not reach the button"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: any("Copied" in t for t in d.execute_script(ANNOUNCED)))
    assert button.text == "Copied"

    markdown = fetch_text(browser, base_url + PAGE + "index.md")
    assert markdown.startswith("# The Plan\n\nURL: /framework/plan/\n"), markdown[:80]
    copied = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));")
    assert copied == markdown, f"the clipboard holds {copied[:80]!r}"


def test_pages_without_a_markdown_copy_have_no_button(browser, base_url):
    load(browser, base_url + "/lint/plan/owner/")
    assert browser.execute_script("return document.querySelector('.page-copy')") is None
    assert fetch_text(browser, base_url + "/lint/plan/owner/index.md").find("URL: ") < 0
