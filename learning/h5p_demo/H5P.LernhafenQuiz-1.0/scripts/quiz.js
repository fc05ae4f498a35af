/* H5P.LernhafenQuiz: one question, one correct answer, feedback per answer, scored xAPI. */
var H5P = window.H5P = window.H5P || {};

H5P.LernhafenQuiz = (function (EventDispatcher) {
  "use strict";

  function Quiz(params, contentId) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
  }
  Quiz.prototype = Object.create(EventDispatcher.prototype);
  Quiz.prototype.constructor = Quiz;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  Quiz.prototype.attach = function ($container) {
    var self = this;
    var container = $container.get(0);
    var prefix = "lernhafen-quiz-" + this.contentId;
    var answers = this.params.answers || [];
    container.classList.add("lernhafen-quiz");
    container.textContent = "";

    var form = element("form", "lernhafen-quiz__form");
    form.noValidate = true;
    var fieldset = element("fieldset", "lernhafen-quiz__fieldset");
    fieldset.appendChild(element("legend", "lernhafen-quiz__question", this.params.question || ""));
    answers.forEach(function (answer, index) {
      var row = element("div", "lernhafen-quiz__answer");
      var input = element("input");
      input.type = "radio";
      input.name = prefix;
      input.id = prefix + "-" + index;
      input.value = String(index);
      var label = element("label", "", answer.text);
      label.htmlFor = input.id;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
    });
    form.appendChild(fieldset);
    var button = element("button", "lernhafen-quiz__button", "Antwort prüfen");
    button.type = "submit";
    form.appendChild(button);
    var status = element("p", "lernhafen-quiz__status");
    status.setAttribute("role", "status");
    form.appendChild(status);
    container.appendChild(form);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) {
        status.textContent = "Bitte wählen Sie eine Antwort aus.";
        return;
      }
      var answer = answers[Number(chosen.value)] || {};
      var correct = Boolean(answer.correct);
      status.className = "lernhafen-quiz__status lernhafen-quiz__status--" + (correct ? "right" : "wrong");
      status.textContent = (correct ? "Richtig! " : "Noch nicht richtig. ") + (answer.feedback || "");
      self.triggerXAPIScored(correct ? 1 : 0, 1, "answered", true, correct);
      self.trigger("resize");
    });
  };

  return Quiz;
})(H5P.EventDispatcher);
