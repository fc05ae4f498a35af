/* Inside the H5P iframe: start h5p-standalone from the data attributes (no inline script under
   our CSP), send root "answered"/"completed" xAPI statements to the server and report the
   content's height to the page around it. */
(function () {
  "use strict";
  var element = document.querySelector("[data-h5p-player]");
  var status = document.querySelector("[data-h5p-status]");
  if (!element || !window.H5PStandalone) return;
  var data = element.dataset;
  var VERBS = ["http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/completed"];

  function isRoot(statement) {
    var context = statement.context || {};
    return !(context.contextActivities && context.contextActivities.parent);
  }

  function send(statement) {
    if (!data.token || !statement || !statement.verb || VERBS.indexOf(statement.verb.id) < 0) return;
    if (!isRoot(statement)) return;
    window.fetch(data.xapiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": data.csrf },
      body: JSON.stringify({ token: data.token, statement: statement })
    }).catch(function () { /* progress stays in the browser */ });
  }

  function reportHeight() {
    if (window.parent === window) return;
    window.parent.postMessage(
      { lernhafenH5PHeight: document.documentElement.scrollHeight },
      window.location.origin
    );
  }

  new window.H5PStandalone.H5P(element, {
    h5pJsonPath: data.h5pJsonPath,
    librariesPath: data.librariesPath,
    frameJs: data.frameJs,
    frameCss: data.frameCss,
    customCss: data.customCss,
    embedType: "div",
    frame: false,
    icon: false,
    xAPIObjectIRI: window.location.origin + window.location.pathname
  }).then(function () {
    status.textContent = "";
    status.hidden = true;
    window.H5P.externalDispatcher.on("xAPI", function (event) { send(event.data.statement); });
    if (window.ResizeObserver) new window.ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  }).catch(function (error) {
    // Say honestly what failed (and log it for whoever looks into it): reloading rarely helps.
    var reason = error && error.message ? error.message : String(error);
    window.console.error("H5P-Übung konnte nicht geladen werden:", error);
    status.textContent = "Diese Übung kann gerade nicht angezeigt werden (" + reason + "). " +
      "Bitte melden Sie das der Redaktion; die übrigen Übungen der Seite funktionieren.";
    status.setAttribute("role", "alert");
  });
})();
