// Inside the H5P iframe: start h5p-standalone from the data attributes (no inline script under
// our CSP), send root "answered"/"completed" xAPI statements to the server and report the
// content's height to the page around it. Runs after h5p-standalone (a deferred script before
// this module in the document).
const VERBS = [
  "http://adlnet.gov/expapi/verbs/answered",
  "http://adlnet.gov/expapi/verbs/completed",
];

const element = document.querySelector("[data-h5p-player]");
const status = document.querySelector("[data-h5p-status]");

function isRoot(statement) {
  return !statement.context?.contextActivities?.parent;
}

function send(data, statement) {
  if (!data.token || !VERBS.includes(statement?.verb?.id) || !isRoot(statement)) return;
  window
    .fetch(data.xapiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": data.csrf },
      body: JSON.stringify({ token: data.token, statement }),
    })
    .catch(() => {
      // Progress stays in the browser.
    });
}

function reportHeight() {
  if (window.parent === window) return;
  window.parent.postMessage(
    { lernhafenH5PHeight: document.documentElement.scrollHeight },
    window.location.origin,
  );
}

async function start() {
  const data = element.dataset;
  try {
    await new window.H5PStandalone.H5P(element, {
      h5pJsonPath: data.h5pJsonPath,
      librariesPath: data.librariesPath,
      frameJs: data.frameJs,
      frameCss: data.frameCss,
      customCss: data.customCss,
      embedType: "div",
      frame: false,
      icon: false,
      xAPIObjectIRI: window.location.origin + window.location.pathname,
    });
  } catch (error) {
    // Say honestly what failed (and log it for whoever looks into it): reloading rarely helps.
    const reason = error?.message ? error.message : String(error);
    window.console.error("H5P-Übung konnte nicht geladen werden:", error);
    // The sentence comes translated from the server (data-msg-failed) with a {reason} slot.
    status.textContent = status.dataset.msgFailed.replace("{reason}", reason);
    status.setAttribute("role", "alert");
    return;
  }
  status.textContent = "";
  status.hidden = true;
  window.H5P.externalDispatcher.on("xAPI", (event) => send(data, event.data.statement));
  if (window.ResizeObserver) new window.ResizeObserver(reportHeight).observe(document.body);
  reportHeight();
}

if (element && window.H5PStandalone) start();
