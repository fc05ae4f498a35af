/* The page around an H5P iframe: grow the iframe to the height the player reports. */
(function () {
  "use strict";
  if (window.lernhafenH5PFrames) return;
  window.lernhafenH5PFrames = true;
  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || !event.data) return;
    var height = Number(event.data.lernhafenH5PHeight);
    if (!height) return;
    document.querySelectorAll("[data-h5p-frame]").forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.ceil(height) + "px";
      }
    });
  });
})();
