// The playbook's reading aids: search, saved checklists, the theme toggle and the phone menu.
// Everything here is an enhancement: with scripts off the pages still read, link and print.
(function () {
  "use strict";

  var root = document.documentElement;
  var base = root.getAttribute("data-base") || "/";
  var assets = base + "assets/";

  // ---- The header's controls: made here, since they only work with scripts (a page without
  // them is a kilobyte smaller, ten megabytes on a site of 10,000 pages). A template that
  // writes its own keeps them. ----
  var MENU = '<button type="button" class="menu-button" aria-controls="sidebar" aria-expanded="false">' +
    '<span class="menu-icon" aria-hidden="true"></span><span class="menu-label">Menu</span></button>';
  var SEARCH = '<div class="search" role="search">' +
    '<input type="text" id="search-input" class="search-input" placeholder="Search…" autocomplete="off" spellcheck="false" ' +
    'aria-label="Search the playbook" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results">' +
    '<div class="search-panel" hidden><p class="search-status" id="search-status" aria-live="polite"></p>' +
    '<ul id="search-results" class="search-results" role="listbox" aria-label="Search results"></ul></div></div>';
  var THEME = '<button type="button" class="theme-toggle" aria-pressed="false">' +
    '<span class="theme-icon" aria-hidden="true"></span><span class="theme-label">Dark mode</span></button>';

  function addHeaderControls() {
    var header = document.querySelector(".site-header");
    if (!header) return;
    if (!header.querySelector(".menu-button") && document.getElementById("sidebar")) header.insertAdjacentHTML("afterbegin", MENU);
    if (!header.querySelector(".search")) header.insertAdjacentHTML("beforeend", SEARCH);
    if (!header.querySelector(".theme-toggle")) header.insertAdjacentHTML("beforeend", THEME);
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  // ---- Theme: follows the system until the reader picks one, then remembers it. ----
  function setupTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    function current() {
      var chosen = root.getAttribute("data-theme");
      if (chosen) return chosen;
      return media && media.matches ? "dark" : "light";
    }
    function show() {
      var dark = current() === "dark";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      var store = storage();
      if (store) store.setItem("playbook:theme", next);
      show();
    });
    if (media && media.addEventListener) media.addEventListener("change", show);
  }

  // ---- Phone menu: the sidebar folds behind a button on narrow screens. ----
  function setupMenu() {
    var button = document.querySelector(".menu-button");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) return;
    button.hidden = false;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      sidebar.classList.toggle("open", open);
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      set(open);
      if (open) {
        var link = sidebar.querySelector("a[aria-current='page']") || sidebar.querySelector("a");
        if (link) link.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && sidebar.classList.contains("open")) {
        set(false);
        button.focus();
      }
    });
  }

  // ---- Checklists: ticks saved per page and item, a progress count, a reset. ----

  // The count and the reset button, under the title and its lead (made here, since they only
  // work with scripts; a template that writes its own `.checklist-tools` keeps them).
  function addChecklistTools(article, count) {
    var tools = document.createElement("div");
    tools.className = "checklist-tools";
    tools.hidden = true;
    tools.innerHTML = '<p class="task-progress" aria-live="polite"><span class="task-done">0</span> of ' + count +
      ' done</p><button type="button" class="task-reset">Reset checklist</button>';
    var after = article.querySelector(":scope > .lead") || article.querySelector(":scope > h1");
    if (after) after.insertAdjacentElement("afterend", tools); else article.insertBefore(tools, article.firstChild);
    return tools;
  }
  // Restores the ticks of `boxes` saved under `key`, saves them on every change, and returns
  // the reset (each box as the page wrote it, the saved ticks dropped); `update` runs after each.
  function keepTicks(boxes, key, update) {
    var store = storage();
    var saved = {};
    try { saved = JSON.parse((store && store.getItem(key)) || "{}") || {}; } catch (e) { saved = {}; }
    boxes.forEach(function (box) {
      if (Object.prototype.hasOwnProperty.call(saved, box.id)) box.checked = saved[box.id] === true;
    });
    function save() {
      var state = {};
      boxes.forEach(function (box) { state[box.id] = box.checked; });
      if (store) store.setItem(key, JSON.stringify(state));
      update();
    }
    boxes.forEach(function (box) { box.addEventListener("change", save); });
    update();
    return function () {
      boxes.forEach(function (box) { box.checked = box.defaultChecked; });
      if (store) store.removeItem(key);
      update();
    };
  }
  function doneCount(boxes) { return String(boxes.filter(function (box) { return box.checked; }).length); }

  function setupChecklists() {
    var article = document.querySelector("article[data-page]");
    // A plan's checklists (`.plan-checklists`) keep their own ticks: setupPlanChecklists.
    var boxes = Array.prototype.filter.call(document.querySelectorAll("input.task-box"), function (box) {
      return !box.closest(".plan-checklists");
    });
    if (!article || boxes.length === 0) return;
    var tools = document.querySelector(".checklist-tools") || addChecklistTools(article, boxes.length);
    var count = document.querySelector(".task-done");
    var reset = keepTicks(boxes, "playbook:tasks:" + article.getAttribute("data-page"), function () {
      if (count) count.textContent = doneCount(boxes);
    });
    if (tools) {
      tools.hidden = false;
      var button = tools.querySelector(".task-reset");
      if (button) button.addEventListener("click", reset);
    }
  }

  // ---- Plans: the checklists a plan names, run for this engagement. Ticks are kept per plan
  // and item, apart from each checklist's own page, counted per checklist and in all, and
  // cleared by Reset (Copy as Markdown: setupPlanCopy). ----
  function setupPlanChecklists() {
    var section = document.querySelector(".plan-checklists");
    var article = section && section.closest("article[data-page]");
    var tools = section && section.querySelector(".plan-checklists-tools");
    if (!article || !tools) return;
    var runs = Array.prototype.map.call(section.querySelectorAll(".plan-run"), function (run) {
      return { count: run.querySelector(".plan-run-count"), boxes: Array.prototype.slice.call(run.querySelectorAll("input.task-box")) };
    });
    var boxes = [].concat.apply([], runs.map(function (r) { return r.boxes; }));
    var reset = keepTicks(boxes, "playbook:plan-tasks:" + article.getAttribute("data-page"), function () {
      runs.forEach(function (r) {
        if (!r.count || r.boxes.length === 0) return;
        r.count.querySelector(".plan-run-done").textContent = doneCount(r.boxes);
        r.count.hidden = false;
      });
      tools.querySelector(".plan-checklists-done").textContent = doneCount(boxes);
    });
    tools.querySelector(".plan-checklists-reset").addEventListener("click", reset);
    tools.hidden = false;
  }

  // ---- Search: the build's index, searched off the page's thread (assets/search-worker.js). ----

  // Runs queries in the worker, or in the page when workers are not available; `done` gets
  // each query's results, only for the last query asked.
  function SearchClient(done) {
    var self = this;
    this.asked = 0;
    this.waiting = null;
    this.done = done;
    try {
      this.worker = new Worker(assets + "search-worker.js");
      this.worker.onmessage = function (event) { self.receive(event.data); };
      // A worker that fails to load (a page opened from disk, a strict policy): the query
      // waiting for it is asked again in the page.
      this.worker.onerror = function () {
        self.worker = null;
        if (self.waiting !== null) self.ask(self.waiting);
      };
      this.worker.postMessage({ type: "init", base: base });
    } catch (error) {
      this.worker = null;
    }
  }

  SearchClient.prototype.ask = function (query) {
    var id = ++this.asked;
    this.waiting = query;
    if (this.worker) { this.worker.postMessage({ type: "query", id: id, query: query }); return; }
    var self = this;
    this.inPage().then(function (engine) { return engine.search(query); }).then(function (result) {
      result.id = id;
      self.receive(result);
    }, function (error) { self.receive({ id: id, query: query, error: String(error) }); });
  };

  SearchClient.prototype.inPage = function () {
    if (!this.engine) {
      this.engine = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = assets + "search-worker.js";
        script.onload = function () { resolve(new window.PlaybookSearchEngine(base)); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return this.engine;
  };

  SearchClient.prototype.receive = function (result) {
    if (result.id !== this.asked) return;
    this.waiting = null;
    this.done(result);
  };

  // Appends text given as [text, reached] pieces to `parent`, the words the query reached in <mark>.
  function highlight(parent, pieces) {
    pieces.forEach(function (piece) {
      if (!piece[1]) { parent.appendChild(document.createTextNode(piece[0])); return; }
      var mark = document.createElement("mark");
      mark.textContent = piece[0];
      parent.appendChild(mark);
    });
  }

  function setupSearch() {
    var box = document.querySelector(".search");
    var input = document.getElementById("search-input");
    var panel = box && box.querySelector(".search-panel");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!box || !input || !panel || !list || !status) return;
    box.hidden = false;
    var client = null;
    var active = -1;
    var timer = null;

    function load() {
      if (!client) client = new SearchClient(render);
      return client;
    }

    function options() { return Array.prototype.slice.call(list.querySelectorAll("[role='option']")); }

    function setActive(position) {
      var items = options();
      if (items.length === 0) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = (position + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function render(result) {
      if (result.query !== input.value) return;
      list.textContent = "";
      active = -1;
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
      var count = result.total || 0;
      if (result.error) status.textContent = "Search is not available right now.";
      else if (count === 0) status.textContent = "No results.";
      else status.textContent = count + (count === 1 ? " page" : " pages") + (result.partial ? " with some of the words" : "");
      (result.hits || []).forEach(function (hit, i) {
        var item = document.createElement("li");
        item.id = "search-result-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = hit.url;
        link.tabIndex = -1;
        var title = document.createElement("span");
        title.className = "result-title";
        highlight(title, hit.title);
        link.appendChild(title);
        if (hit.heading.length) {
          var heading = document.createElement("span");
          heading.className = "result-heading";
          highlight(heading, hit.heading);
          link.appendChild(heading);
        }
        if (hit.snippet.length) {
          var snippet = document.createElement("span");
          snippet.className = "result-snippet";
          highlight(snippet, hit.snippet);
          link.appendChild(snippet);
        }
        item.appendChild(link);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { close(); });
        list.appendChild(item);
      });
      status.setAttribute("data-done-query", result.query);
    }

    // Asked a moment after the last keystroke, so a word typed fast loads the shard of the
    // whole word, not one for each of its first letters.
    function run() {
      var query = input.value;
      clearTimeout(timer);
      status.removeAttribute("data-done-query");
      if (!query.trim()) { list.textContent = ""; status.textContent = ""; close(); return; }
      timer = setTimeout(function () { load().ask(query); }, 120);
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (panel.hidden) run(); else setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Enter") {
        var items = options();
        var chosen = items[active >= 0 ? active : 0];
        if (chosen) {
          event.preventDefault();
          var href = chosen.querySelector("a").href;
          close();
          window.location.href = href;
        }
      } else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); }
    });
  }

  function start() {
    addHeaderControls();
    setupTheme();
    setupMenu();
    setupChecklists();
    setupPlanChecklists();
    setupSearch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Reading aids: the sidebar opens on the current page, the table of contents marks the section
// being read, every code block gets a copy button, the page one that copies its Markdown, and a
// plan's checklists one that copies their ticks as Markdown.
// Enhancements only: without scripts the page reads and links the same.
(function () {
  "use strict";

  // ---- Sidebar: scroll it (not the page) so the current entry is in view on load. ----
  function revealCurrentEntry() {
    var sidebar = document.getElementById("sidebar");
    var current = sidebar && sidebar.querySelector("a[aria-current='page']");
    if (!current || sidebar.scrollHeight <= sidebar.clientHeight) return;
    var offset = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
    if (offset < 0 || offset > sidebar.clientHeight - current.offsetHeight) {
      sidebar.scrollTop += offset - sidebar.clientHeight / 3;
    }
  }

  // ---- Table of contents: the last heading above the reading line is the current section. ----
  function setupScrollSpy() {
    var toc = document.querySelector(".toc");
    if (!toc) return;
    var entries = [];
    Array.prototype.forEach.call(toc.querySelectorAll("a[href^='#']"), function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var heading = document.getElementById(id);
      if (heading) entries.push({ link: link, heading: heading });
    });
    if (entries.length === 0) return;
    var marked = null;
    var pending = false;
    function mark() {
      pending = false;
      var line = window.innerHeight * 0.3;
      var current = entries[0];
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].heading.getBoundingClientRect().top <= line) current = entries[i];
        else break;
      }
      // At the foot of the page the last sections may never reach the line: take the last.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
        current = entries[entries.length - 1];
      }
      if (current === marked) return;
      if (marked) marked.link.removeAttribute("aria-current");
      current.link.setAttribute("aria-current", "location");
      marked = current;
    }
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    }, { passive: true });
    window.addEventListener("hashchange", mark);
    mark();
  }

  // ---- Code: a copy button on every block, announced to screen readers. ----
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  // One polite live region for every copy button, made before the first click so that screen
  // readers announce its changes.
  var copyStatus = null;
  function liveStatus() {
    if (copyStatus) return copyStatus;
    copyStatus = document.createElement("p");
    copyStatus.className = "visually-hidden copy-status";
    copyStatus.setAttribute("aria-live", "polite");
    document.body.appendChild(copyStatus);
    return copyStatus;
  }

  // Copies what `text()` gives (a promise or a string) when `button` is pressed, says so on the
  // button and in the live region, and puts the label back after two seconds.
  function onCopy(button, label, text, failure) {
    var status = liveStatus();
    var timer = null;
    button.addEventListener("click", function () {
      Promise.resolve().then(text).then(copyText).then(function () {
        button.textContent = "Copied";
        status.textContent = "";
        status.textContent = "Copied";
      }, function () {
        button.textContent = "Copy failed";
        status.textContent = failure;
      });
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { button.textContent = label; }, 2000);
    });
  }

  function setupCopyButtons() {
    var blocks = document.querySelectorAll(".content pre");
    Array.prototype.forEach.call(blocks, function (pre) {
      var code = pre.querySelector("code") || pre;
      var wrapper = document.createElement("div");
      wrapper.className = "code-block";
      pre.parentNode.insertBefore(wrapper, pre);
      wrapper.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code");
      wrapper.appendChild(button);
      onCopy(button, "Copy", function () { return code.textContent; },
        "Copying failed: select the code and copy it by hand");
    });
  }

  // ---- Page: "Copy page as Markdown", the page's Markdown copy (index.md, `llms` on). ----
  function setupPageCopy() {
    var article = document.querySelector("article[data-md]");
    if (!article) return;
    var url = article.getAttribute("data-md");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "page-copy";
    button.textContent = "Copy page as Markdown";
    var after = article.querySelector(":scope > .lead") || article.querySelector(":scope > h1");
    if (after) after.insertAdjacentElement("afterend", button); else article.insertBefore(button, article.firstChild);
    // Fetched when the button is pointed at or focused, so that a click usually copies at once
    // (some browsers refuse the clipboard once the click's moment has passed).
    var markdown = null;
    function load() {
      markdown = markdown || fetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      });
      markdown.catch(function () { markdown = null; });
      return markdown;
    }
    button.addEventListener("pointerenter", load);
    button.addEventListener("focus", load);
    onCopy(button, "Copy page as Markdown", load, "Copying failed: open " + url + " and copy it by hand");
  }

  // ---- Plans: "Copy as Markdown" puts the ticks of the plan's checklists on the clipboard as
  // a task list under the plan's title. ----
  function setupPlanCopy() {
    var section = document.querySelector(".plan-checklists");
    var button = section && section.querySelector(".plan-checklists-copy");
    if (!button) return;
    function markdown() {
      var lines = ["# " + section.getAttribute("data-title")];
      Array.prototype.forEach.call(section.querySelectorAll(".plan-run"), function (run) {
        lines.push("", "## " + run.getAttribute("data-title"), "");
        Array.prototype.forEach.call(run.querySelectorAll("input.task-box"), function (box) {
          lines.push("- [" + (box.checked ? "x" : " ") + "] " + box.parentNode.textContent.replace(/\s+/g, " ").trim());
        });
      });
      return lines.join("\n") + "\n";
    }
    onCopy(button, "Copy as Markdown", markdown, "Copying failed: select the lists and copy them by hand");
  }

  function start() {
    setupPlanCopy();
    revealCurrentEntry();
    setupScrollSpy();
    setupCopyButtons();
    setupPageCopy();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
