// Exercises without a page reload: the same form POST as without JavaScript, sent with fetch().
// The server answers with the re-rendered exercise; the result is announced in a live region.
// Without a Lernpass, solved exercises are remembered in this browser only (localStorage).
// A module runs once per page however many exercises include it.
import { loadSolved, rememberSolved } from "./solved-store.js";

function markSolved() {
  const solved = loadSolved();
  for (const section of document.querySelectorAll("[data-exercise]")) {
    if (solved[section.id] && !section.querySelector("[data-solved-note]")) {
      const note = document.createElement("p");
      note.className = "kern-body exercise__solved";
      note.dataset.solvedNote = "";
      // The text comes translated from the server (data-msg-solved on the section).
      note.textContent = section.dataset.msgSolved;
      section.querySelector(".exercise__title").after(note);
    }
  }
}

function announce(section, message) {
  const live = section.querySelector("[data-exercise-live]");
  live.textContent = "";
  // A short pause: screen readers announce a changed live region, not one set at once.
  window.setTimeout(() => {
    live.textContent = message;
  }, 50);
}

async function send(form) {
  const section = form.closest("[data-exercise]");
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const response = await window.fetch(form.action, {
      method: "POST",
      body: new window.FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const data = await response.json();
    const template = document.createElement("template");
    template.innerHTML = data.html;
    const body = template.content.querySelector("[data-exercise-body]");
    section.querySelector("[data-exercise-body]").replaceWith(body);
    announce(section, data.message);
    if (data.correct) rememberSolved(section.id);
    const invalid = body.querySelector(
      ".kern-fieldset--error input, .kern-fieldset--error select",
    );
    // Keep the keyboard where it was: on the first wrong field, else on the new button.
    (invalid || body.querySelector("button[type=submit]"))?.focus();
  } catch {
    // Anything unexpected: send the form the way it works without JavaScript.
    form.submit();
  }
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof window.HTMLFormElement) || !form.matches("[data-exercise-form]")) return;
  event.preventDefault();
  send(form);
});

markSolved();
