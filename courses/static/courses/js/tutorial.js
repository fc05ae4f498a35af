/* Tutorial enhancements; the page works completely without them.
   - Remembers the chosen device variant in the browser and opens it next time.
   - "Vorlesen" reads a step aloud with the browser's own speech synthesis (no other service);
     the buttons stay hidden where the browser cannot speak.
   - "Jetzt drucken" opens the print dialog of the handout view. */
(function () {
    "use strict";
    var STORAGE_KEY = "lernhafen.geraet";
    var tutorial = document.querySelector("[data-tutorial]");
    if (!tutorial) {
        return;
    }

    function stored() {
        try {
            return window.localStorage.getItem(STORAGE_KEY);
        } catch (error) {
            return null;
        }
    }

    var choices = Array.prototype.slice.call(tutorial.querySelectorAll("[data-device-choice]"));
    choices.forEach(function (link) {
        link.addEventListener("click", function () {
            try {
                window.localStorage.setItem(STORAGE_KEY, link.getAttribute("data-device-choice"));
            } catch (error) {
                /* Storage blocked: the link still works. */
            }
        });
    });
    var params = new URLSearchParams(window.location.search);
    var remembered = stored();
    var offered = choices.map(function (link) { return link.getAttribute("data-device-choice"); });
    if (!params.has("geraet") && remembered && offered.indexOf(remembered) !== -1
            && remembered !== tutorial.getAttribute("data-device")) {
        params.set("geraet", remembered);
        params.delete("schritt");
        window.location.replace("?" + params.toString());
        return;
    }

    if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
        tutorial.querySelectorAll("[data-read-aloud]").forEach(function (button) {
            var label = button.querySelector(".kern-label");
            var idleText = label.textContent;
            button.hidden = false;
            button.addEventListener("click", function () {
                if (window.speechSynthesis.speaking) {
                    window.speechSynthesis.cancel();
                    label.textContent = idleText;
                    return;
                }
                var target = document.getElementById(button.getAttribute("data-read-aloud"));
                var utterance = new window.SpeechSynthesisUtterance(target.innerText);
                utterance.lang = "de-DE";
                utterance.rate = 0.9;
                utterance.onend = function () { label.textContent = idleText; };
                label.textContent = "Vorlesen beenden";
                window.speechSynthesis.speak(utterance);
            });
        });
    }

    tutorial.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();
