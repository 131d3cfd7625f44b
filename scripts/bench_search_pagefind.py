"""Pagefind as the reference engine for scripts/bench_search.py, when the Python package is installed.

    python3 -m pip install 'pagefind[bin]'     # the CLI's binary comes in the pagefind_bin wheel

`index(site)` runs `python3 -m pagefind --site SITE --root-selector main` on a built Playbook site
(the pages' <main>, as Playbook's own index takes the content and not the sidebar), which writes
SITE/pagefind/. `write_page(site)` adds SITE/pagefind-bench/index.html: a bare page with the same
three elements as Playbook's search box (#search-input, #search-status, #search-results) and a
small client on Pagefind's JS API (pagefind.js, imported when the box gets the focus, as Playbook
fetches its index then) that does what Pagefind's default UI does: on each input it runs
`pagefind.debouncedSearch(query, {}, DEBOUNCE)` (which preloads the query's index chunks at once,
then searches when no key came for DEBOUNCE ms: 300 in the default UI; 0 runs
`pagefind.search(query)` on every key), loads the data of the first RESULTS results (what the
default UI shows before "Load more"), renders their titles and excerpts, then sets
`data-done-query` on #search-status, the contract the benchmark waits for. Times measured through
it include the debounce.
"""
import pathlib
import subprocess
import sys

RESULTS = 5
DEBOUNCE = 300  # ms, Pagefind's default UI's
PAGE = "pagefind-bench/"
INSTALL = "python3 -m pip install 'pagefind[bin]'"

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind search bench</title>
<link rel="icon" href="data:,">
<style>body { font: 16px/1.4 system-ui, sans-serif; margin: 1rem; } input { width: 100%; font: inherit; }
mark { background: #fe6; } li span { display: block; } .t { font-weight: 600; }</style>
</head>
<body>
<input type="text" id="search-input" placeholder="Search…" autocomplete="off" spellcheck="false">
<p id="search-status" aria-live="polite"></p>
<ul id="search-results"></ul>
<script type="module">
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
let loading = null;

function load() {
  if (!loading) {
    loading = import("../pagefind/pagefind.js").then(async (pagefind) => {
      await pagefind.options({ baseUrl: new URL("..", location.href).pathname });
      await pagefind.init();
      return pagefind;
    });
  }
  return loading;
}

function render(query, data, total) {
  list.textContent = "";
  status.textContent = total === 0 ? "No results." : total + " results";
  for (const hit of data) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = hit.url;
    const title = document.createElement("span");
    title.className = "t";
    title.textContent = hit.meta.title || hit.url;
    const excerpt = document.createElement("span");
    excerpt.innerHTML = hit.excerpt;  // Pagefind's excerpt: escaped text with <mark>
    link.append(title, excerpt);
    item.append(link);
    list.append(item);
  }
  status.setAttribute("data-done-query", query);
}

input.addEventListener("focus", load);
input.addEventListener("input", async () => {
  const query = input.value;
  if (!query.trim()) { list.textContent = ""; status.textContent = ""; return; }
  const pagefind = await load();
  const search = DEBOUNCE > 0 ? await pagefind.debouncedSearch(query, {}, DEBOUNCE) : await pagefind.search(query);
  if (search === null || input.value !== query) return;  // null: a later key superseded this search
  const data = await Promise.all(search.results.slice(0, RESULTS).map((result) => result.data()));
  if (input.value === query) render(query, data, search.results.length);
});
</script>
</body>
</html>
"""


def available():
    """True when `import pagefind` works (the package; its CLI may still miss its binary)."""
    probe = subprocess.run([sys.executable, "-c", "import pagefind"], capture_output=True)
    return probe.returncode == 0


def index(site):
    """Indexes the built site into site/pagefind/; raises with Pagefind's output when it fails."""
    run = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "main"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"pagefind failed ({INSTALL} installs it with its binary):\n{run.stdout}{run.stderr}")


def write_page(site, debounce=DEBOUNCE):
    """Writes the test page; returns its path relative to the site's root (a folder URL)."""
    page = pathlib.Path(site) / PAGE / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.replace("RESULTS", str(RESULTS)).replace("DEBOUNCE", str(int(debounce)))
    page.write_text(text, encoding="utf-8")
    return PAGE
