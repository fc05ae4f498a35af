// Progressive enhancement for the display settings; everything works without it.
// 1. Theme "auto": follow the device's light/dark preference (the server renders light).
// 2. After a failed form submission, move focus to the error summary so it is read first,
//    and let its links put the cursor into the field they name.
(function () {
  "use strict";
  var root = document.documentElement;
  if (root.getAttribute("data-theme-choice") === "auto" && window.matchMedia) {
    var query = window.matchMedia("(prefers-color-scheme: dark)");
    var apply = function () {
      root.setAttribute("data-kern-theme", query.matches ? "dark" : "light");
    };
    apply();
    if (query.addEventListener) {
      query.addEventListener("change", apply);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (field) {
          event.preventDefault();
          var target = field.matches("fieldset") ? field.querySelector("input") : field;
          target.focus();
          field.scrollIntoView({block: "center"});
        }
      });
    }
  });
})();
