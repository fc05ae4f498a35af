// Starts Wagtail's admin widgets from data attributes instead of inline <script> tags, so the
// admin runs under a Content Security Policy without 'unsafe-inline' scripts.
//
// Wagtail 8 renders `<script>new InlinePanel(…)</script>` (panels), `<script>new
// ImageChooser(…)</script>` (choosers) and `<script>initDateChooser(…)</script>` (date widgets).
// We render a hidden marker instead (templates/wagtailadmin/, cms/admin_csp.py):
//
//   <span hidden data-lernhafen-boot="NAME" data-for="FIELD_ID" data-options="JSON"></span>
//
// Only the starters listed below can be named, so injected markup cannot call other globals.
(function () {
  "use strict";

  // marker name -> [global function, how it is started]
  var starters = {
    date: ["initDateChooser", "call"],
    time: ["initTimeChooser", "call"],
    datetime: ["initDateTimeChooser", "call"],
    Chooser: ["Chooser", "construct"],
    PageChooser: ["PageChooser", "construct"],
    ImageChooser: ["ImageChooser", "construct"],
    DocumentChooser: ["DocumentChooser", "construct"],
    SnippetChooser: ["SnippetChooser", "construct"],
    createTaskChooser: ["createTaskChooser", "call"],
    InlinePanel: ["InlinePanel", "panel"],
    MultipleChooserPanel: ["MultipleChooserPanel", "panel"],
  };

  function startPanel(Panel, options) {
    var instance = new Panel(options);
    // MultipleChooserPanel fills the chooser of a freshly added child synchronously, and
    // InlinePanel children carry choosers too: start the new child's widgets right away
    // instead of waiting for the MutationObserver.
    var addForm = instance.addForm;
    instance.addForm = function () {
      var result = addForm.apply(instance, arguments);
      scan(document.getElementById("id_" + options.formsetPrefix + "-FORMS") || document);
      return result;
    };
  }

  function start(marker) {
    var name = marker.dataset.lernhafenBoot;
    if (marker.dataset.started || !Object.prototype.hasOwnProperty.call(starters, name)) {
      return;
    }
    var starter = starters[name];
    var global = window[starter[0]];
    if (typeof global !== "function") {
      return; // its script has not loaded (yet); the next scan retries
    }
    marker.dataset.started = "1";
    var options = JSON.parse(marker.dataset.options || "{}");
    if (starter[1] === "panel") {
      startPanel(global, options);
    } else if (starter[1] === "construct") {
      new global(marker.dataset.for, options); // eslint-disable-line no-new
    } else {
      global(marker.dataset.for, options);
    }
  }

  function scan(root) {
    root.querySelectorAll("[data-lernhafen-boot]").forEach(start);
  }

  function boot() {
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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
