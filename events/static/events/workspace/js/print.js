// Attendance list: offer a print button; without JavaScript the page names the key shortcut.
(function () {
  "use strict";
  var hint = document.querySelector("[data-print-hint]");
  if (!hint || typeof window.print !== "function") {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "kern-btn kern-btn--primary";
  var label = document.createElement("span");
  label.className = "kern-label";
  label.textContent = "Liste drucken";
  button.appendChild(label);
  button.addEventListener("click", function () {
    window.print();
  });
  hint.replaceWith(button);
})();
