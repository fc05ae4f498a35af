// Exercises solved in this browser (no Lernpass needed): ids of their sections in localStorage.
const STORE = "lernhafen.uebungen";

export function loadSolved() {
  try {
    return JSON.parse(window.localStorage.getItem(STORE)) || {};
  } catch {
    return {};
  }
}

export function rememberSolved(id) {
  const solved = loadSolved();
  solved[id] = true;
  try {
    window.localStorage.setItem(STORE, JSON.stringify(solved));
  } catch {
    // Private mode or storage full: the result is still shown, just not remembered.
  }
}
