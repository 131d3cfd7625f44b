// The playbook's reading aids: search, saved checklists, the theme toggle and the phone menu.
// Everything here is an enhancement: with scripts off the pages still read, link and print.
(function () {
  "use strict";

  var root = document.documentElement;
  var base = root.getAttribute("data-base") || "/";

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
  function setupChecklists() {
    var article = document.querySelector("article[data-page]");
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input.task-box"));
    if (!article || boxes.length === 0) return;
    var key = "playbook:tasks:" + article.getAttribute("data-page");
    var store = storage();
    var saved = {};
    try { saved = JSON.parse((store && store.getItem(key)) || "{}") || {}; } catch (e) { saved = {}; }
    boxes.forEach(function (box) {
      if (Object.prototype.hasOwnProperty.call(saved, box.id)) box.checked = saved[box.id] === true;
    });
    var tools = document.querySelector(".checklist-tools");
    var done = document.querySelector(".task-done");
    function update() {
      var count = boxes.filter(function (box) { return box.checked; }).length;
      if (done) done.textContent = String(count);
    }
    function save() {
      var state = {};
      boxes.forEach(function (box) { state[box.id] = box.checked; });
      if (store) store.setItem(key, JSON.stringify(state));
      update();
    }
    boxes.forEach(function (box) { box.addEventListener("change", save); });
    if (tools) {
      tools.hidden = false;
      var reset = tools.querySelector(".task-reset");
      if (reset) {
        reset.addEventListener("click", function () {
          boxes.forEach(function (box) { box.checked = box.defaultChecked; });
          if (store) store.removeItem(key);
          update();
        });
      }
    }
    update();
  }

  // ---- Search: a build-time index, searched in the page as you type. ----
  var WORD = /[\p{L}\p{N}]+/gu;
  var STOP = {};
  "a an and are as at be by for from in is it of on or that the this to was with".split(" ").forEach(function (w) { STOP[w] = true; });

  function words(text) {
    return (text.toLowerCase().match(WORD) || []).filter(function (w) { return w.length > 1 && !STOP[w]; });
  }

  function decodeIds(encoded) {
    var ids = [];
    var last = 0;
    encoded.split(".").forEach(function (part) {
      if (!part) return;
      last += parseInt(part, 36);
      ids.push(last);
    });
    return ids;
  }

  function SearchIndex(data) {
    this.pages = data.pages;
    this.docs = data.docs;
    this.terms = data.terms;
    this.vocabulary = Object.keys(data.terms).sort();
  }

  // Documents containing a word starting with `prefix` (the whole vocabulary is small).
  SearchIndex.prototype.matching = function (prefix) {
    var found = {};
    var vocabulary = this.vocabulary;
    var low = 0, high = vocabulary.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (vocabulary[mid] < prefix) low = mid + 1; else high = mid;
    }
    for (var i = low; i < vocabulary.length && vocabulary[i].indexOf(prefix) === 0; i++) {
      decodeIds(this.terms[vocabulary[i]]).forEach(function (id) { found[id] = true; });
    }
    return found;
  };

  SearchIndex.prototype.search = function (query) {
    var terms = words(query);
    if (terms.length === 0) return { terms: [], hits: [] };
    var sets = terms.map(this.matching, this);
    var ids = Object.keys(sets[0]).filter(function (id) {
      return sets.every(function (set) { return set[id]; });
    }).map(Number);
    var self = this;
    var hits = ids.map(function (id) {
      var doc = self.docs[id];
      var page = self.pages[doc[0]];
      var score = 0;
      terms.forEach(function (term) {
        if (words(page[1]).some(function (w) { return w.indexOf(term) === 0; })) score += 4;
        if (words(doc[2]).some(function (w) { return w.indexOf(term) === 0; })) score += 2;
      });
      if (doc[1] === "") score += 1;
      return { id: id, score: score, url: page[0] + (doc[1] ? "#" + doc[1] : ""), title: page[1], heading: doc[2], snippet: doc[3] };
    });
    hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return { terms: terms, hits: hits.slice(0, 20) };
  };

  // Appends `text` to `parent`, wrapping words that start with a search term in <mark>.
  function highlight(parent, text, terms) {
    var last = 0;
    text.replace(WORD, function (word, offset) {
      var lower = word.toLowerCase();
      if (terms.some(function (term) { return lower.indexOf(term) === 0; })) {
        parent.appendChild(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        parent.appendChild(mark);
        last = offset + word.length;
      }
      return word;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function setupSearch() {
    var box = document.querySelector(".search");
    var input = document.getElementById("search-input");
    var panel = box && box.querySelector(".search-panel");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!box || !input || !panel || !list || !status) return;
    box.hidden = false;
    var index = null;
    var loading = null;
    var active = -1;

    function load() {
      if (!loading) {
        loading = fetch(base + "search-index.json")
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.json();
          })
          .then(function (data) { index = new SearchIndex(data); return index; })
          .catch(function () { status.textContent = "Search is not available right now."; loading = null; });
      }
      return loading;
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
      list.textContent = "";
      active = -1;
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
      var count = result.hits.length;
      status.textContent = count === 0 ? "No results." : count + (count === 20 ? "+" : "") + " result" + (count === 1 ? "" : "s");
      result.hits.forEach(function (hit, i) {
        var item = document.createElement("li");
        item.id = "search-result-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = hit.url;
        link.tabIndex = -1;
        var title = document.createElement("span");
        title.className = "result-title";
        highlight(title, hit.heading ? hit.title + " › " + hit.heading : hit.title, result.terms);
        link.appendChild(title);
        if (hit.snippet) {
          var snippet = document.createElement("span");
          snippet.className = "result-snippet";
          highlight(snippet, hit.snippet, result.terms);
          link.appendChild(snippet);
        }
        item.appendChild(link);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { close(); });
        list.appendChild(item);
      });
    }

    function run() {
      var query = input.value;
      if (!query.trim()) { list.textContent = ""; status.textContent = ""; close(); return; }
      load().then(function (ready) {
        if (ready && input.value === query) {
          render(ready.search(query));
          status.setAttribute("data-done-query", query);  // results for `query` are shown (scripts/bench_search.py waits for it)
        }
      });
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
    setupTheme();
    setupMenu();
    setupChecklists();
    setupSearch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
