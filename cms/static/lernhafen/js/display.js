// Progressive enhancement for the display settings; everything works without it.
// 1. Theme "auto": follow the device's light/dark preference (the server renders light).
// 2. After a failed form submission, move focus to the error summary so it is read first,
//    and let its links put the cursor into the field they name.
//
// A classic script, not a module: base.html loads it in <head> so step 1 happens before the
// first paint (a module runs only after the page is parsed, and dark-mode users would see a
// white flash on every page).
"use strict";

{
  const root = document.documentElement;
  if (root.dataset.themeChoice === "auto" && window.matchMedia) {
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => {
      root.dataset.kernTheme = dark.matches ? "dark" : "light";
    };
    apply();
    dark.addEventListener("change", apply);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector("[data-error-summary]");
    if (!summary) {
      return;
    }
    summary.focus();
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      const field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        const target = field.matches("fieldset") ? field.querySelector("input") : field;
        target.focus();
        field.scrollIntoView({ block: "center" });
      }
    });
  });
}
