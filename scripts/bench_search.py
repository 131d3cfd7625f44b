#!/usr/bin/env python3
"""The site search as a phone user meets it: bytes sent and time to results, in real Chromium.

    scripts/bench_search.py [--sites shipped,foreign,10k] [--runs 1] [--base /] [--no-pagefind]
                            [--pagefind-debounce 300] [--log FILE]
                            [--work /dev/shm/playbook-bench] [--playbook .build/release/playbook]

Builds three sites with the release binary (`--no-cache`, output on tmpfs): the shipped playbook,
a foreign handbook of ~1,000 pages (scripts/gen_foreign_corpus.py) and the 10,000-page generated
corpus (bench/gen_corpus.py, set up as scripts/bench.py does). Serves each with
scripts/gzip_log_server.py (gzip for text, a log of the bytes really sent), under --base when given.
Headless Chromium (Selenium, Debian's chromium and chromedriver: scripts/browser-deps.sh) plays a
phone through the DevTools protocol: a 375 px screen, CPU 4x slower, 1.6 Mbps down, 750 kbps up and
150 ms per response; a PerformanceObserver collects the main thread's long tasks (over 50 ms).

For each site it opens a content page, waits for the load, then taps #search-input and types
three queries one key at a time, 120 ms apart (the box emptied between queries), and for each
query measures: the bytes the server sent from the first key (the tap, for the first query) until
the results are shown, the time from the last key (its keydown's timestamp) until they are shown,
and the longest task meanwhile. "Shown" is the frame after the search script sets
`data-done-query="<query>"` on #search-status, which it does once it has rendered that query's
results: a MutationObserver in the page notes the attribute, and performance.now() is read in a
task queued from the next requestAnimationFrame, so after that frame's paint. Nothing else of the
client is assumed (#search-results is only counted), so the bench keeps working when the search
client changes. The tap and the keys are input events sent through a second DevTools connection
(scripts/devtools_socket.py) at their time, without waiting for the page to handle the one
before, as a person types on: keys queue while the page is busy.

With the `pagefind` Python package installed (`python3 -m pip install 'pagefind[bin]'`), the same
built site is also indexed with Pagefind and searched the same way through a test page on its JS
API (see scripts/bench_search_pagefind.py). Prints a Markdown table per run, the medians when
--runs is above 1, and the targets of issue #18, marking each figure that misses one with ✗.
Exits non-zero on errors only, not on missed targets.
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bench  # noqa: E402  (scripts/bench.py: the generated corpus's set-up)
import bench_search_pagefind as pagefind  # noqa: E402
from bench_search_report import report, row_text  # noqa: E402
from devtools_socket import DevToolsSocket  # noqa: E402
from gzip_log_server import LoggingServer  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEY_INTERVAL = 0.12  # seconds between two keys, a quick human typist
READING_PAUSE = 1.0  # seconds between a query's results and emptying the box for the next one
DONE_TIMEOUT = 240  # seconds for one query's results; a 10k site's whole index is megabytes
PHONE = {"cpu": 4, "latency_ms": 150, "down_bps": 1_600_000, "up_bps": 750_000, "width": 375, "height": 800}

# Three queries per site, of words the pages show (counts: pages whose indexed text matches them
# all, in Playbook's index): a very common word first, then rarer ones, one of two words.
SITES = {
    # escalation: 4 of 76 pages; kick-off checklist: 9; handoff: 24 (prefix matches included).
    "shipped": ["escalation", "kick-off checklist", "handoff"],
    # escalation: 967 of 1,001; café rituals (a folder's name): 142; équipe (another's): 3.
    "foreign": ["escalation", "café rituals", "équipe"],
    # escalate: 8,729 of 10,201; rollback procedure: 355; failoverctl (a command): 51.
    "10k": ["escalate", "rollback procedure", "failoverctl"],
}
FOREIGN_PAGES = 1000
GENERATED_PAGES = 10000

# Runs before the page's own scripts: long tasks, the last key's time, and when each query's
# results are shown (the first time #search-status gets data-done-query="<query>").
INSTRUMENT = """
(() => {
  const bench = window.__bench = { longtasks: [], done: {}, keys: [], start: 0, waiting: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { bench.error = String(e); }
  document.addEventListener("keydown", (e) => {
    if (e.target && e.target.id === "search-input") bench.keys.push(e.timeStamp);
  }, true);
  bench.summary = (query) => ({ query, done: bench.done[query], keys: bench.keys, start: bench.start,
                                longtasks: bench.longtasks, shown: bench.shown });
  bench.wait = (query, callback) => {
    if (query in bench.done) callback(bench.summary(query)); else bench.waiting = [query, callback];
  };
  const shown = (query) => {  // after the frame that paints the results
    bench.done[query] = performance.now();
    bench.shown = document.querySelectorAll("#search-results li").length;
    if (bench.waiting && bench.waiting[0] === query) { bench.waiting[1](bench.summary(query)); bench.waiting = null; }
  };
  const seen = new Set();
  new MutationObserver((records) => {
    for (const r of records) {
      const query = r.target.getAttribute("data-done-query");
      if (query === null || seen.has(query)) continue;
      seen.add(query);
      requestAnimationFrame(() => setTimeout(() => shown(query), 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-done-query"] });
  bench.reset = () => { bench.done = {}; bench.keys = []; bench.waiting = null; seen.clear(); bench.start = performance.now(); };
})();
"""

BOX_CENTER = """
const box = document.getElementById("search-input").getBoundingClientRect();
return [box.left + box.width / 2, box.top + box.height / 2];
"""

RESET = """
window.__bench.reset();
const status = document.getElementById("search-status");
if (status) status.removeAttribute("data-done-query");
"""


def build(binary, source, out, base):
    shutil.rmtree(out, ignore_errors=True)
    run = subprocess.run([binary, "build", "--no-cache", "--source", str(source), "--output", str(out),
                          "--base-url", base], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"playbook build --source {source} failed:\n{run.stderr}")


def site_source(name, work):
    """The source folder of a site, generated on tmpfs for the foreign and 10k ones."""
    if name == "shipped":
        return ROOT
    if name == "foreign":
        source = work / f"search-foreign-{FOREIGN_PAGES}"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_foreign_corpus.py"), "--pages", str(FOREIGN_PAGES),
                        "--out", str(source)], check=True, stdout=subprocess.DEVNULL)
        shutil.copytree(ROOT / "templates", source / "templates")
        return source
    corpus = bench.generate(GENERATED_PAGES, work)
    return bench.playbook_site(corpus, work / f"search-playbook-{GENERATED_PAGES}")


def content_page(out):
    """A content page of the built site, as a URL path relative to its root: the first page two
    folders down (the home page when there is none)."""
    skip = {"lint", "assets", pagefind.PAGE.strip("/")}
    pages = sorted(p.parent.relative_to(out) for p in out.glob("*/*/index.html"))
    pages = [p for p in pages if p.parts[0] not in skip]
    return urllib.parse.quote(pages[0].as_posix() + "/") if pages else ""


def phone_driver():
    """Headless Chromium set up as scripts/browser-deps.sh installs it and Tests/Browser/conftest.py
    drives it, then turned into a slow phone through the DevTools protocol."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=500,900", "--hide-scrollbars"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(DONE_TIMEOUT)
    # Chromium's windows are at least 500 px wide; the phone's 375 px screen is emulated.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": PHONE["width"], "height": PHONE["height"], "deviceScaleFactor": 2, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu"]})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": PHONE["latency_ms"],
        "downloadThroughput": PHONE["down_bps"] / 8, "uploadThroughput": PHONE["up_bps"] / 8})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": INSTRUMENT})
    return driver


def open_page(driver, url):
    """Loads the page and waits for the search box to be shown (the script reveals it)."""
    driver.get(url)
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.readyState") == "complete")
    box = driver.find_element(By.ID, "search-input")
    WebDriverWait(driver, 60).until(lambda d: box.is_displayed())
    return box


def press(devtools, key):
    """One key as the keyboard gives it (keydown with its text, keyup), not waiting for the page."""
    devtools.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "text": key, "unmodifiedText": key})
    devtools.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})


def type_keys(devtools, text):
    """One key every KEY_INTERVAL, whether or not the page has handled the last one (they queue)."""
    next_at = time.monotonic()
    for key in text:
        time.sleep(max(0.0, next_at - time.monotonic()))
        press(devtools, key)
        next_at += KEY_INTERVAL


def tap(devtools, x, y):
    for kind in ("mousePressed", "mouseReleased"):
        devtools.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def measure_query(phone, server, query, first):
    """Types `query` (after a tap on the box for the first) and waits for its results; its figures."""
    driver = phone.driver
    if first:
        x, y = driver.execute_script(BOX_CENTER)
    driver.execute_script(RESET)
    mark = server.mark()
    if first:
        tap(phone.devtools, x, y)  # the focus: a search client may start loading here
    type_keys(phone.devtools, query)
    try:
        summary = driver.execute_async_script("window.__bench.wait(arguments[0], arguments[1]);", query)
    except TimeoutException:
        raise RuntimeError(f"no results shown for {query!r} in {DONE_TIMEOUT} s: #search-status never got "
                           f'data-done-query="{query}"') from None
    sent = server.since(mark)
    start, done, keys = summary["start"], summary["done"], summary["keys"]
    if len(keys) != len(query):
        raise RuntimeError(f"{len(keys)} keydowns reached #search-input for the {len(query)} keys of {query!r}")
    tasks = [duration for begin, duration in summary["longtasks"] if begin + duration > start and begin < done]
    gaps = [later - earlier for earlier, later in zip(keys, keys[1:])]
    return {"query": query, "bytes": sum(e.sent for e in sent), "requests": len(sent),
            "ms": done - keys[-1], "task_ms": max(tasks, default=0.0), "key_gap_ms": statistics.median(gaps or [0]),
            "shown": summary["shown"]}


class Phone:
    """Chromium as a phone, on one page: WebDriver loads and reads it, and a second DevTools
    connection taps and types as a person does, without waiting for the page to take each key."""

    def __init__(self, url):
        self.driver = phone_driver()
        try:
            self.box = open_page(self.driver, url)
            self.devtools = DevToolsSocket.for_driver(self.driver)
        except Exception:
            self.driver.quit()
            raise

    def clear_box(self):
        """Empties the box (select all, backspace) once the page has handled the last key."""
        self.box.send_keys(Keys.CONTROL, "a")
        self.box.send_keys(Keys.BACKSPACE)

    def close(self):
        self.devtools.close()
        self.driver.quit()


def measure_engine(server, page, queries):
    """One phone session on `page`: the three queries in turn; their figures and the total bytes."""
    phone = Phone(server.url + page)
    try:
        mark = server.mark()
        results = []
        for number, query in enumerate(queries):
            if number:
                time.sleep(READING_PAUSE)
                phone.clear_box()
                time.sleep(0.3)
            results.append(measure_query(phone, server, query, first=number == 0))
        if phone.devtools.errors:
            raise RuntimeError(f"DevTools refused an input event: {phone.devtools.errors[0]}")
        return {"queries": results, "total": sum(e.sent for e in server.since(mark))}
    finally:
        phone.close()


def pagefind_engine(args):
    debounce = args.pagefind_debounce
    return f"pagefind ({debounce:.0f} ms debounce)" if debounce else "pagefind (no debounce)"


def prepare(name, args, work):
    """Builds the site (and its Pagefind index); returns (output folder, {engine: page})."""
    out = work / f"search-out-{name}"
    started = time.perf_counter()
    build(args.playbook, site_source(name, work), out, args.base)
    engines = {"playbook": content_page(out)}
    note = f"built in {time.perf_counter() - started:.1f} s"
    if args.pagefind:
        started = time.perf_counter()
        pagefind.index(out)
        engines[pagefind_engine(args)] = pagefind.write_page(out, args.pagefind_debounce)
        note += f", Pagefind index in {time.perf_counter() - started:.1f} s"
    print(f"{name}: {note}; opening {args.base}{engines['playbook']}", file=sys.stderr, flush=True)
    return out, engines


def bench_site(name, args, work):
    """Every run of every engine on one site, engines in turn; {engine: [run, ...]}."""
    out, engines = prepare(name, args, work)
    server = LoggingServer(out, args.base)
    server.warm()
    runs = {engine: [] for engine in engines}
    try:
        for number in range(args.runs):
            for engine, page in engines.items():
                runs[engine].append(measure_engine(server, page, SITES[name]))
                print(f"  run {number + 1} {engine}: {row_text(name, runs[engine][-1])}", file=sys.stderr, flush=True)
    finally:
        if args.log:
            with open(args.log, "a", encoding="utf-8") as log:
                log.write(f"# {name}\n" + "".join(f"{entry}\n" for entry in server.entries))
        server.close()
    return runs


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", default=",".join(SITES), help="comma-separated, of: " + ", ".join(SITES))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--base", default="/", help="serve the sites under this path, e.g. /handbook/")
    parser.add_argument("--work", default="/dev/shm/playbook-bench")
    parser.add_argument("--playbook", default=str(ROOT / ".build" / "release" / "playbook"))
    parser.add_argument("--no-pagefind", dest="pagefind", action="store_false")
    parser.add_argument("--pagefind-debounce", type=float, default=pagefind.DEBOUNCE,
                        help="ms Pagefind's client waits after a key before searching (its default UI's: 300)")
    parser.add_argument("--log", help="append every request the server logged to this file")
    args = parser.parse_args()
    args.base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
    args.sites = [site.strip() for site in args.sites.split(",") if site.strip()]
    unknown = [site for site in args.sites if site not in SITES]
    if unknown:
        parser.error(f"unknown site {', '.join(unknown)}: choose among {', '.join(SITES)}")
    return args


def main():
    args = parse_args()
    if not pathlib.Path(args.playbook).is_file():
        sys.exit(f"bench_search: no {args.playbook}: swift build -c release --product playbook (make release)")
    if args.pagefind and not pagefind.available():
        print(f"Pagefind not installed, measuring Playbook only ({pagefind.INSTALL} adds it)", file=sys.stderr)
        args.pagefind = False
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    try:
        for site in args.sites:
            results[site] = bench_site(site, args, work)
    except Exception as error:  # a failed build, a browser that would not start, a query never answered
        sys.exit(f"bench_search: {type(error).__name__}: {error}")
    report(results, {site: SITES[site] for site in results}, args.runs)


if __name__ == "__main__":
    main()
