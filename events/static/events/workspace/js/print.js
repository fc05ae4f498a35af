// Attendance list: offer a print button; without JavaScript the page names the key shortcut.

/**
 * Replace the keyboard hint with a button that opens the print dialogue.
 * @param {Element | null} hint the element carrying data-print-hint
 */
export function offerPrintButton(hint) {
  if (!hint || typeof window.print !== "function") {
    return;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "kern-btn kern-btn--primary";
  const label = document.createElement("span");
  label.className = "kern-label";
  label.textContent = "Liste drucken";
  button.append(label);
  button.addEventListener("click", () => window.print());
  hint.replaceWith(button);
}

offerPrintButton(document.querySelector("[data-print-hint]"));
