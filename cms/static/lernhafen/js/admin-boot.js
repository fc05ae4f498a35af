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
// An ES module (cms/wagtail_hooks.py loads it with type="module"): it runs once the admin page
// is parsed, after Wagtail's own classic scripts have defined the globals it starts.

// marker name -> [global function, how it is started]
const STARTERS = new Map([
  ["date", ["initDateChooser", "call"]],
  ["time", ["initTimeChooser", "call"]],
  ["datetime", ["initDateTimeChooser", "call"]],
  ["Chooser", ["Chooser", "construct"]],
  ["PageChooser", ["PageChooser", "construct"]],
  ["ImageChooser", ["ImageChooser", "construct"]],
  ["DocumentChooser", ["DocumentChooser", "construct"]],
  ["SnippetChooser", ["SnippetChooser", "construct"]],
  ["createTaskChooser", ["createTaskChooser", "call"]],
  ["InlinePanel", ["InlinePanel", "panel"]],
  ["MultipleChooserPanel", ["MultipleChooserPanel", "panel"]],
]);

function scan(root) {
  root.querySelectorAll("[data-lernhafen-boot]").forEach(start);
}

function startPanel(Panel, options) {
  const instance = new Panel(options);
  // MultipleChooserPanel fills the chooser of a freshly added child synchronously, and
  // InlinePanel children carry choosers too: start the new child's widgets right away
  // instead of waiting for the MutationObserver.
  const addForm = instance.addForm;
  instance.addForm = (...args) => {
    const result = addForm.apply(instance, args);
    scan(document.getElementById(`id_${options.formsetPrefix}-FORMS`) || document);
    return result;
  };
}

function start(marker) {
  const starter = STARTERS.get(marker.dataset.lernhafenBoot);
  if (marker.dataset.started || !starter) {
    return;
  }
  const [name, how] = starter;
  const starterFunction = window[name];
  if (typeof starterFunction !== "function") {
    return; // its script has not loaded (yet); the next scan retries
  }
  marker.dataset.started = "1";
  const options = JSON.parse(marker.dataset.options || "{}");
  if (how === "panel") {
    startPanel(starterFunction, options);
  } else if (how === "construct") {
    new starterFunction(marker.dataset.for, options);
  } else {
    starterFunction(marker.dataset.for, options);
  }
}

scan(document);
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        scan(node.parentNode || node);
      }
    }
  }
}).observe(document.body, { childList: true, subtree: true });
