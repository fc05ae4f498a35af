/* Exercises without a page reload: the same form POST as without JavaScript, sent with fetch().
   The server answers with the re-rendered exercise; the result is announced in a live region.
   Without a Lernpass, solved exercises are remembered in this browser only (localStorage). */
(function () {
  "use strict";
  if (window.lernhafenExercises) return;
  window.lernhafenExercises = true;
  var STORE = "lernhafen.uebungen";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function remember(id) {
    var solved = load();
    solved[id] = true;
    try { window.localStorage.setItem(STORE, JSON.stringify(solved)); } catch (e) { /* private mode */ }
  }

  function markSolved() {
    var solved = load();
    document.querySelectorAll("[data-exercise]").forEach(function (section) {
      if (solved[section.id] && !section.querySelector("[data-solved-note]")) {
        var note = document.createElement("p");
        note.className = "kern-body exercise__solved";
        note.setAttribute("data-solved-note", "");
        note.textContent = "Diese Übung haben Sie auf diesem Gerät schon einmal gelöst.";
        section.querySelector(".exercise__title").after(note);
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-exercise-form]") || !window.fetch) return;
    event.preventDefault();
    var section = form.closest("[data-exercise]");
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var template = document.createElement("template");
        template.innerHTML = data.html;
        var body = template.content.querySelector("[data-exercise-body]");
        section.querySelector("[data-exercise-body]").replaceWith(body);
        var live = section.querySelector("[data-exercise-live]");
        live.textContent = "";
        window.setTimeout(function () { live.textContent = data.message; }, 50);
        if (data.correct) remember(section.id);
        var invalid = body.querySelector(".kern-fieldset--error input, .kern-fieldset--error select");
        if (invalid) invalid.focus();
      })
      .catch(function () {
        // Anything unexpected: send the form the way it works without JavaScript.
        form.submit();
      });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markSolved);
  } else {
    markSolved();
  }
})();
