// Runs before the page paints: marks that scripts run and applies a remembered theme,
// so a reader who chose dark mode never sees a flash of the light one.
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  try {
    var theme = localStorage.getItem("playbook:theme");
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (e) { /* storage may be off: follow the system setting */ }
})();
