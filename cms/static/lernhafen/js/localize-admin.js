// What wagtail-localize's admin pages do in inline <script> tags, which our CSP blocks
// (templates/wagtail_localize/admin/ leave those out and load this module instead):
// - the translation editor reads the chooser addresses from window.chooserUrls;
// - "Übersetzen": the "select all" box ticks every language.

const urls = document.querySelector("[data-lernhafen-chooser-urls]");
if (urls && typeof window.chooserUrls === "undefined") {
  window.chooserUrls = JSON.parse(urls.dataset.lernhafenChooserUrls);
}

const selectAll = document.querySelector('[name="select_all"]');
if (selectAll) {
  selectAll.addEventListener("change", () => {
    for (const box of document.querySelectorAll('[name="locales"]')) {
      box.checked = selectAll.checked;
    }
  });
}
