"""Diagrams in a real browser: every label inside its box and clear of every other label and
arrow, the right drawing for the width, readable text, and contrast in light, dark and print.

Runs on the shipped playbook (every page with a diagram) and on a site of hard cases (long
labels, many steps and lanes, hostile text), at a desktop width and at a 360 px phone width.
Set DIAGRAM_SCREENSHOTS=folder to keep a screenshot of each page and width."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest

from conftest import PLAYBOOK, REPO, QuietHandler, free_port, make_driver

# Collects the facts of every visible diagram drawing on the page.
CHECK = r"""
const report = {drawings: [], problems: [], figures: document.querySelectorAll('figure.diagram').length};
const inside = (b, p) => p.x > b.x + 0.5 && p.x < b.x + b.width - 0.5 && p.y > b.y + 0.5 && p.y < b.y + b.height - 0.5;
const overlap = (a, b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
document.querySelectorAll('figure.diagram svg').forEach((svg, index) => {
  const rect = svg.getBoundingClientRect();
  if (rect.width === 0) return;
  const view = svg.viewBox.baseVal;
  const scale = rect.width / view.width;
  const name = `${svg.closest('figure').className} #${index} (${svg.getAttribute('class')})`;
  const texts = [...svg.querySelectorAll('text')];
  const boxes = texts.map(t => t.getBBox());
  let minFont = Infinity;
  texts.forEach((text, i) => {
    const b = boxes[i];
    const label = text.textContent.slice(0, 40);
    minFont = Math.min(minFont, parseFloat(text.getAttribute('font-size')) * scale);
    const shape = text.parentNode.querySelector(':scope > rect, :scope > polygon');
    if (!shape) { report.problems.push(`${name}: '${label}' is in no box`); return; }
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]];
    for (const [x, y] of corners) {
      if (!shape.isPointInFill(new DOMPoint(x, y))) {
        report.problems.push(`${name}: '${label}' crosses its box at ${x.toFixed(1)},${y.toFixed(1)}`);
        break;
      }
    }
    if (b.x < 0 || b.y < 0 || b.x + b.width > view.width || b.y + b.height > view.height)
      report.problems.push(`${name}: '${label}' leaves the drawing`);
  });
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlap(boxes[i], boxes[j]))
        report.problems.push(`${name}: '${texts[i].textContent.slice(0, 30)}' overlaps '${texts[j].textContent.slice(0, 30)}'`);
  svg.querySelectorAll('path').forEach(path => {
    const length = path.getTotalLength();
    for (let s = 0; s <= length; s += 2) {
      const p = path.getPointAtLength(s);
      const hit = boxes.findIndex(b => inside(b, p));
      if (hit >= 0) {
        report.problems.push(`${name}: an arrow crosses '${texts[hit].textContent.slice(0, 30)}'`);
        break;
      }
    }
  });
  if (rect.left < -0.5 || rect.right > document.documentElement.clientWidth + 0.5)
    report.problems.push(`${name}: ${rect.width.toFixed(0)} px wide, wider than the page`);
  report.drawings.push({name, variant: svg.getAttribute('class'), width: rect.width, minFont});
});
return report;
"""

# The contrast of each label against the fill of its own box, from the computed styles.
CONTRAST = r"""
const rgb = s => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
let worst = {ratio: Infinity};
document.querySelectorAll('figure.diagram svg text').forEach(text => {
  if (text.getClientRects().length === 0) return;
  const shape = text.parentNode.querySelector(':scope > rect, :scope > polygon');
  const fill = getComputedStyle(shape).fill;
  if (!fill.startsWith('rgb')) return;
  const r = ratio(rgb(getComputedStyle(text).fill), rgb(fill));
  if (r < worst.ratio) worst = {ratio: r, label: text.textContent.slice(0, 30), text: getComputedStyle(text).fill, box: fill};
});
return worst;
"""

HARD_CASES = {
    "cycle-long": """kind: cycle
title: Eight long steps
steps: [Understand what the customer really needs, Plan, Execution with the partner's installers, Outcomes measured, A step with an extraordinarily-long-hyphenated-word, Review, Celebrate, Start again with what was learned]
foundation: [Build trust, Handle conflict constructively, Commit to joint outcomes, Hold each other accountable, Focus on the joint result, Sixth, Seventh foundation stone]
""",
    "cycle-three": "kind: cycle\ntitle: Three\nsteps: [Listen to the customer, Agree the outcome, Deliver it]\n",
    "flow-plain": "kind: flow\ntitle: No lanes\nsteps: [Scope agreed, Kick-off, Data migrated, Installation, Go-live, Hypercare, Handover to support, Close-out]\n",
    "flow-lanes": """kind: flow
title: Five lanes
lanes: [Sales, Delivery, Partner, Customer IT, Finance]
steps:
  - {label: Scope agreed, lane: Sales}
  - {label: Kick-off with everyone in the room, lane: Delivery, accountable: true}
  - {label: Data migrated, lane: Partner}
  - {label: Accounts created, lane: Customer IT}
  - {label: Invoice, lane: Finance}
  - {label: Go-live, lane: Delivery}
owner: "Engagement lead: one accountable owner for the whole journey, answering to the customer"
""",
    "pyramid-eight": """kind: pyramid
title: Eight layers
layers: [One, Two two, Three three three, Four four four four, Five five five five five, Six six six six six six, Seven seven seven seven seven seven seven, "<script>alert(1)</script> \\"><img src=x onerror=alert(1)> & more"]
""",
}


# A plan page with every kind of broken link, a task due inside the buffer and one due late.
BROKEN_PLAN = """---
type: plan
title: Broken plan
start: 2026-03-02
end: 2026-04-30
promise:
  - {id: speed, outcome: Quotes go out within one working day of the request, target: 24 hours}
  - {id: cost, outcome: Cheaper quotes, target: 10% less}
plan:
  - {id: build, task: Configure the quote tool and its approval steps, owner: Dana Reyes, due: 2026-03-20, serves: [speed, sped]}
  - {id: docs, task: Write the guide, owner: Sam Ortiz, due: 2026-04-29, serves: []}
  - {id: late, task: Train every sales desk in every region, owner: Sam Ortiz, due: 2026-05-20, serves: [speed]}
outcomes:
  - {promise: speed, measured-on: 2026-04-28}
  - {promise: cots, measured-on: 2026-04-29}
---
Every plan page gets its traceability and timeline diagrams without any fence.
"""


def diagram_pages(site):
    return sorted(
        "/" + str(p.relative_to(site).parent).replace(".", "").strip("/") + ("/" if p.parent != site else "")
        for p in site.rglob("index.html") if 'class="diagram ' in p.read_text())


@pytest.fixture(scope="module")
def hard_site():
    root = pathlib.Path(tempfile.mkdtemp(prefix="playbook-diagrams-"))
    shutil.copytree(REPO / "templates", root / "templates")
    # The broken plan is broken on purpose: its lint errors are reported, not fatal.
    (root / "playbook.yml").write_text("title: Diagram cases\nlint:\n  fail-build: false\n")
    content = root / "content"
    content.mkdir()
    (content / "_index.md").write_text("---\ntitle: Diagram cases\n---\nEvery hard case.\n")
    for name, spec in HARD_CASES.items():
        (content / f"{name}.md").write_text(f"---\ntitle: {name}\n---\nBefore.\n\n```diagram\n{spec}```\n\nAfter.\n")
    (content / "plan-broken.md").write_text(BROKEN_PLAN)
    subprocess.run([PLAYBOOK, "build", "--source", str(root), "--output", str(root / "public")], check=True, capture_output=True)
    port = free_port()
    handler = functools.partial(QuietHandler, directory=str(root / "public"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


def phone_driver():
    driver = make_driver(500, 900)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    return driver


@pytest.fixture(scope="module", params=["desktop", "phone"])
def viewer(request):
    driver = make_driver(1280, 900) if request.param == "desktop" else phone_driver()
    driver.width_name = request.param
    yield driver
    driver.quit()


def look(driver, url, shot):
    driver.get(url)
    folder = os.environ.get("DIAGRAM_SCREENSHOTS")
    if folder:
        pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
        height = min(driver.execute_script("return document.documentElement.scrollHeight") + 20, 6000)
        if driver.width_name == "phone":
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": height, "deviceScaleFactor": 1, "mobile": True})
        else:
            driver.set_window_size(1280, height)
        driver.save_screenshot(str(pathlib.Path(folder) / f"{shot}-{driver.width_name}.png"))
    return driver.execute_script(CHECK)


def check(report, width_name, min_font):
    assert report["problems"] == []
    assert len(report["drawings"]) == report["figures"], "one drawing per figure is shown"
    expected = "diagram-wide" if width_name == "desktop" else "diagram-narrow"
    assert {d["variant"] for d in report["drawings"]} == {expected}
    small = [d for d in report["drawings"] if d["minFont"] < min_font]
    assert small == [], f"text smaller than {min_font} px"


def test_the_shipped_playbook_has_a_diagram_of_every_kind(site_dir):
    kinds = set()
    for page in site_dir.rglob("index.html"):
        text = page.read_text()
        kinds |= {k for k in ("cycle", "flow", "pyramid", "framework") if f'class="diagram diagram-{k}"' in text}
    assert kinds == {"cycle", "flow", "pyramid", "framework"}


def test_shipped_diagrams_fit_at_desktop_and_phone_widths(viewer, base_url, site_dir):
    paths = diagram_pages(site_dir)
    assert len(paths) >= 4
    for path in paths:
        report = look(viewer, base_url + path, "shipped" + path.replace("/", "_"))
        assert report["figures"] >= 1, path
        check(report, viewer.width_name, min_font=11)


@pytest.mark.parametrize("case", sorted(HARD_CASES) + ["plan-broken"])
def test_hard_cases_fit_at_desktop_and_phone_widths(viewer, hard_site, case):
    report = look(viewer, f"{hard_site}/{case}/", "case-" + case)
    assert report["figures"] == (2 if case.startswith("plan") else 1)
    check(report, viewer.width_name, min_font=8)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_labels_contrast_with_their_boxes_in_light_and_dark(browser, base_url, site_dir, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    for path in diagram_pages(site_dir):
        browser.get(base_url + path)
        worst = browser.execute_script(CONTRAST)
        assert worst["ratio"] >= 4.5, f"{path}: {worst}"


def test_print_shows_the_wide_drawing_in_black_on_white(browser, base_url):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    browser.get(base_url + "/principles/one-company/")
    shown = browser.execute_script(
        "return [...document.querySelectorAll('figure.diagram svg')].filter(s => s.getClientRects().length).map(s => s.getAttribute('class'))")
    assert shown == ["diagram-wide"]
    worst = browser.execute_script(CONTRAST)
    assert worst["ratio"] >= 7, worst
    text = browser.execute_script("return getComputedStyle(document.querySelector('figure.diagram .d-text')).fill")
    assert text == "rgb(0, 0, 0)"
