/* Small enhancements of the learning pages: a print button on the certificate, and how much
   was practised in this browser when there is no Lernpass. */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var local = document.querySelector("[data-local-progress]");
  if (local) {
    var solved = {};
    try { solved = JSON.parse(window.localStorage.getItem("lernhafen.uebungen")) || {}; } catch (e) { solved = {}; }
    var count = Object.keys(solved).length;
    if (count) {
      local.textContent = "In diesem Browser haben Sie schon " + count +
        (count === 1 ? " Übung" : " Übungen") + " gelöst.";
      local.hidden = false;
    }
  }
})();
