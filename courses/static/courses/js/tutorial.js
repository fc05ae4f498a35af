/* Tutorial enhancements (an ES module, deferred by nature); the page works completely without
   them.
   - Remembers the chosen device variant in the browser and opens it next time, on the same step.
   - "Vorlesen" reads a step aloud with the browser's own speech synthesis (no other service),
     in the page's language; the buttons stay hidden where the browser cannot speak. The button
     text while reading comes translated from the server (data-msg-stop).
   - "Jetzt drucken" opens the print dialog of the handout view. */

const STORAGE_KEY = "lernhafen.geraet";

const readStored = () => {
    try {
        return window.localStorage.getItem(STORAGE_KEY);
    } catch {
        return null; // Storage blocked: nothing remembered.
    }
};

const remember = (device) => {
    try {
        window.localStorage.setItem(STORAGE_KEY, device);
    } catch {
        // Storage blocked: the link still works.
    }
};

/** Opens the remembered variant when the address names none; returns whether it navigates. */
const openRememberedDevice = (tutorial, choices) => {
    const params = new URLSearchParams(window.location.search);
    const remembered = readStored();
    const offered = choices.map((link) => link.dataset.deviceChoice);
    if (params.has("geraet") || !remembered || !offered.includes(remembered)
            || remembered === tutorial.dataset.device) {
        return false;
    }
    params.set("geraet", remembered);
    window.location.replace(`?${params}${window.location.hash}`);
    return true;
};

// The voice follows the page's language (<html lang>); German when the page names none.
const speechLanguage = () => document.documentElement.lang || "de-DE";

const enableReadAloud = (tutorial) => {
    if (!("speechSynthesis" in window && "SpeechSynthesisUtterance" in window)) {
        return;
    }
    for (const button of tutorial.querySelectorAll("[data-read-aloud]")) {
        const label = button.querySelector(".kern-label");
        const idleText = label.textContent;
        const stopText = button.dataset.msgStop || idleText;
        button.hidden = false;
        button.addEventListener("click", () => {
            if (window.speechSynthesis.speaking) {
                window.speechSynthesis.cancel();
                label.textContent = idleText;
                return;
            }
            const target = document.getElementById(button.dataset.readAloud);
            const utterance = new window.SpeechSynthesisUtterance(target.innerText);
            utterance.lang = speechLanguage();
            utterance.rate = 0.9;
            utterance.addEventListener("end", () => {
                label.textContent = idleText;
            });
            label.textContent = stopText;
            window.speechSynthesis.speak(utterance);
        });
    }
};

const enablePrint = (tutorial) => {
    for (const button of tutorial.querySelectorAll("[data-print]")) {
        button.hidden = false;
        button.addEventListener("click", () => window.print());
    }
};

const tutorial = document.querySelector("[data-tutorial]");
if (tutorial) {
    const choices = [...tutorial.querySelectorAll("[data-device-choice]")];
    for (const link of choices) {
        link.addEventListener("click", () => remember(link.dataset.deviceChoice));
    }
    if (!openRememberedDevice(tutorial, choices)) {
        enableReadAloud(tutorial);
        enablePrint(tutorial);
    }
}
