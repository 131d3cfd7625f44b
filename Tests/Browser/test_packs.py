"""A plan's checklists, run for its engagement, on the shipped warehouse roll-out plan: ticks kept
per plan and item (apart from each checklist's own page) across a reload, counts per checklist
and in all, Reset, Copy as Markdown, the keyboard, the layout at desktop and phone widths, and
the lists without scripts."""
import pathlib
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from test_llms import ANNOUNCED, load

REPO = pathlib.Path(__file__).resolve().parents[2]
PLAN = "/plans/warehouse-rollout/"
TITLE = "Warehouse scanning roll-out for Fernhill Foods"
CHECKLISTS = [("Handoff checklist", "handoff"), ("Close-out checklist", "close-out")]
BOXES = ".plan-checklists input.task-box"


def items(name):
    """The task items of a shipped checklist, as written (the shipped ones hold no inline markup)."""
    text = (REPO / "content" / "checklists" / f"{name}.md").read_text(encoding="utf-8")
    return re.findall(r"^- \[[ x]\] (.+)$", text, flags=re.M)


def boxes(driver):
    return driver.find_elements(By.CSS_SELECTOR, BOXES)


def counts(driver):
    """Each checklist's count, then the total."""
    return driver.execute_script(
        "return [...document.querySelectorAll('.plan-run-count'), document.querySelector('.plan-checklists-total')]"
        ".map(e => e.textContent.trim())")


def test_the_plan_runs_the_checklists_it_names_with_their_own_items(browser, base_url):
    load(browser, base_url + PLAN)
    titles = browser.execute_script(
        "return [...document.querySelectorAll('.plan-checklists .plan-run h3')].map(h => h.textContent.trim())")
    assert titles == [title for title, _ in CHECKLISTS]
    texts = browser.execute_script(
        "return [...arguments[0]].map(b => b.parentNode.textContent.trim())", boxes(browser))
    assert texts == items("handoff") + items("close-out")
    assert browser.execute_script("return document.querySelector('.plan-checklists').closest('article.plan') !== null")


def test_a_tick_is_kept_for_the_plan_alone_and_counted(browser, base_url):
    load(browser, base_url + PLAN)
    handoff, close_out = len(items("handoff")), len(items("close-out"))
    total = handoff + close_out
    assert counts(browser) == [f"0 of {handoff} done", f"0 of {close_out} done", f"0 of {total} done"]
    boxes(browser)[0].click()
    boxes(browser)[handoff].click()
    boxes(browser)[handoff + 1].click()
    assert counts(browser) == [f"1 of {handoff} done", f"2 of {close_out} done", f"3 of {total} done"]

    browser.refresh()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    ticked = [b.is_selected() for b in boxes(browser)]
    assert [i for i, on in enumerate(ticked) if on] == [0, handoff, handoff + 1]
    assert counts(browser)[-1] == f"3 of {total} done"

    # The same checklist on its own page keeps its own ticks, and its own ticks stay off the plan.
    load(browser, base_url + "/checklists/handoff/")
    own = browser.find_elements(By.CSS_SELECTOR, "input.task-box")
    assert own and not any(b.is_selected() for b in own)
    own[1].click()
    load(browser, base_url + PLAN)
    assert [i for i, b in enumerate(boxes(browser)) if b.is_selected()] == [0, handoff, handoff + 1]

    browser.find_element(By.CSS_SELECTOR, ".plan-checklists-reset").click()
    assert not any(b.is_selected() for b in boxes(browser))
    assert counts(browser)[-1] == f"0 of {total} done"
    browser.refresh()
    assert not any(b.is_selected() for b in boxes(browser))
    load(browser, base_url + "/checklists/handoff/")
    assert browser.find_elements(By.CSS_SELECTOR, "input.task-box")[1].is_selected(), "Reset on the plan cleared the checklist's own page"


def test_copy_as_markdown_gives_the_current_state_under_the_plans_title(browser, base_url):
    load(browser, base_url + PLAN)
    browser.execute_script("""
        window.copiedText = null;
        Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
            writeText: t => { window.copiedText = t; return Promise.resolve(); }}});""")
    handoff = len(items("handoff"))
    boxes(browser)[1].click()
    boxes(browser)[handoff].click()
    button = browser.find_element(By.CSS_SELECTOR, ".plan-checklists-copy")
    assert button.text == "Copy as Markdown"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)  # clear of the sticky header
    button.click()
    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return window.copiedText") is not None)
    expected = [f"# {TITLE}"]
    ticked = {("handoff", 1), ("close-out", 0)}
    for title, name in CHECKLISTS:
        expected += ["", f"## {title}", ""]
        expected += [f"- [{'x' if (name, i) in ticked else ' '}] {text}" for i, text in enumerate(items(name))]
    assert browser.execute_script("return window.copiedText") == "\n".join(expected) + "\n"
    WebDriverWait(browser, 5).until(lambda d: "Copied" in d.execute_script(ANNOUNCED))
    browser.find_element(By.CSS_SELECTOR, ".plan-checklists-reset").click()


def test_the_boxes_and_buttons_work_by_keyboard(browser, base_url):
    load(browser, base_url + PLAN)
    first = boxes(browser)[0]
    reset = browser.find_element(By.CSS_SELECTOR, ".plan-checklists-reset")
    # Tab from the Reset button reaches the first box (the checklist's title link comes between).
    browser.execute_script("arguments[0].focus()", reset)
    for _ in range(3):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.execute_script("return document.activeElement === arguments[0]", first):
            break
    assert browser.execute_script("return document.activeElement === arguments[0]", first), "Tab does not reach the first box"
    browser.switch_to.active_element.send_keys(Keys.SPACE)
    assert first.is_selected()
    assert counts(browser)[-1].startswith("1 of ")
    # Back with Shift+Tab, past the checklist's title link, to Reset, pressed with Enter.
    for _ in range(2):
        browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    assert browser.execute_script("return document.activeElement === arguments[0]", reset), "Shift+Tab does not reach Reset"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert not first.is_selected()
    live = browser.execute_script(
        "const p = document.querySelector('.plan-checklists-total'); return [p.getAttribute('aria-live'), p.getAttribute('aria-atomic')]")
    assert live == ["polite", "true"]


LAYOUT = """
    const fail = [];
    const total = document.querySelector('.plan-checklists-total');
    const t = total.getBoundingClientRect();
    if (!(t.width > 0 && t.height > 0 && getComputedStyle(total).visibility === 'visible')) fail.push('total not shown');
    for (const count of document.querySelectorAll('.plan-run-count')) {
      if (count.getBoundingClientRect().height === 0) fail.push('a checklist count is not shown');
    }
    for (const box of document.querySelectorAll('.plan-checklists input.task-box')) {
      const b = box.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(box.parentNode);
      range.setStartAfter(box);
      const first = range.getClientRects()[0];
      if (!first || first.left < b.right) fail.push('text left of its box: ' + box.id);
      if (first && Math.abs((first.top + first.bottom) / 2 - (b.top + b.bottom) / 2) > 8) fail.push('box not on its first line: ' + box.id);
      if (b.width < 12 || b.height < 12) fail.push('box too small: ' + box.id);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) fail.push('the page scrolls sideways');
    return fail;"""


def test_each_items_text_starts_right_of_its_box_on_desktop_and_phone(browser, phone, base_url):
    for driver in (browser, phone):
        load(driver, base_url + PLAN)
        assert driver.execute_script(LAYOUT) == []


def test_without_scripts_the_items_show_as_empty_boxes_and_the_tools_stay_hidden(no_script_browser, base_url):
    load(no_script_browser, base_url + PLAN)
    found = no_script_browser.find_elements(By.CSS_SELECTOR, BOXES)
    assert len(found) == len(items("handoff")) + len(items("close-out"))
    assert all(b.is_displayed() and not b.is_selected() for b in found)
    assert not no_script_browser.find_element(By.CSS_SELECTOR, ".plan-checklists-tools").is_displayed()
    assert not any(c.is_displayed() for c in no_script_browser.find_elements(By.CSS_SELECTOR, ".plan-run-count"))
