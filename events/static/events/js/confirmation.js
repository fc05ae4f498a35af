// Booking confirmation: show the print button (the page works without it: browsers print
// from their menu) and move focus to the heading, so a screen reader starts with the outcome.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (button && typeof window.print === "function") {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }
  var heading = document.getElementById("bestaetigung");
  if (heading && document.activeElement !== heading) {
    heading.focus();
  }
})();
