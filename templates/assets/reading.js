// Reading aids: the sidebar opens on the current page, the table of contents marks the section
// being read, and every code block gets a copy button. Enhancements only: without scripts the
// page reads and links the same.
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

  function setupCopyButtons() {
    var blocks = document.querySelectorAll(".content pre");
    if (blocks.length === 0) return;
    var status = document.createElement("p");
    status.className = "visually-hidden copy-status";
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
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
      var timer = null;
      button.addEventListener("click", function () {
        copyText(code.textContent).then(function () {
          button.textContent = "Copied";
          status.textContent = "";
          status.textContent = "Copied";
        }, function () {
          button.textContent = "Copy failed";
          status.textContent = "Copying failed: select the code and copy it by hand";
        });
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
      });
    });
  }

  function start() {
    revealCurrentEntry();
    setupScrollSpy();
    setupCopyButtons();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
