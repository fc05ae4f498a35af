// Small enhancements of the learning pages: a print button on the certificate, codes from a
// link's fragment, and how much was practised in this browser when there is no Lernpass.
import { loadSolved } from "./solved-store.js";

for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Links and QR codes carry a Lernpass or class code as #code=…: the fragment never reaches
// the server or its logs. Put it into the form, then drop it from the address bar.
const codeField = document.querySelector("[data-code-from-fragment]");
const fromFragment = /^#code=([A-Za-z0-9-]{1,20})$/.exec(window.location.hash);
if (codeField && fromFragment) {
  if (!codeField.value) codeField.value = fromFragment[1].toUpperCase();
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
}

// The server renders the sentence in every plural category of the page's language
// (data-msg-one, data-msg-few, data-msg-other …, with %(count)s for the number); the browser's
// plural rules pick the one that fits the count.
const local = document.querySelector("[data-local-progress]");
if (local) {
  const count = Object.keys(loadSolved()).length;
  if (count) {
    const category = new Intl.PluralRules(local.dataset.pluralLocale || "de").select(count);
    const key = `msg${category[0].toUpperCase()}${category.slice(1)}`;
    const text = local.dataset[key] || local.dataset.msgOther;
    local.textContent = text.replace("%(count)s", String(count));
    local.hidden = false;
  }
}
