// Starts Wagtail's date/time choosers from data attributes instead of inline <script> tags,
// so the admin works under a Content Security Policy without 'unsafe-inline' scripts.
// See templates/wagtailadmin/widgets/*_input.html.
(function () {
  "use strict";
  var starters = {
    date: "initDateChooser",
    time: "initTimeChooser",
    datetime: "initDateTimeChooser",
  };

  function start(marker) {
    if (marker.dataset.started) {
      return;
    }
    var init = window[starters[marker.dataset.lernhafenChooser]];
    if (typeof init !== "function") {
      return;
    }
    marker.dataset.started = "1";
    init(marker.dataset.for, JSON.parse(marker.dataset.config || "{}"));
  }

  function scan(root) {
    root.querySelectorAll("[data-lernhafen-chooser]").forEach(start);
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            scan(node.parentNode || node);
          }
        });
      });
    }).observe(document.body, {childList: true, subtree: true});
  });
})();
