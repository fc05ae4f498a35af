// The page around an H5P iframe: grow the iframe to the height the player reports.
window.addEventListener("message", (event) => {
  if (event.origin !== window.location.origin || !event.data) return;
  const height = Number(event.data.lernhafenH5PHeight);
  if (!height) return;
  for (const frame of document.querySelectorAll("[data-h5p-frame]")) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  }
});
