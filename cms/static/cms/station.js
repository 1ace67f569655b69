// The print station. Without JavaScript every language is listed, the filter stays hidden, and
// the form opens the PDF (or what the station answers) in a new tab.
(function () {
  var form = document.querySelector(".station-form");
  var box = document.getElementById("language-filter");
  if (!form || !box) return;
  var forEach = Array.prototype.forEach;

  // Type to filter the languages (own-script, Swedish or English name, or code); Enter
  // chooses the one language left, and the focus goes to it (Enter again gets the PDF).
  var choices = document.querySelectorAll(".language-choice");
  box.closest(".filter").hidden = false;
  box.addEventListener("input", function () {
    var wanted = box.value.trim().toLowerCase();
    forEach.call(choices, function (choice) {
      choice.hidden = wanted !== "" && choice.dataset.names.indexOf(wanted) === -1;
    });
  });
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault(); // Enter in the filter never sends the form
    var left = Array.prototype.filter.call(choices, function (choice) {
      return !choice.hidden;
    });
    if (box.value.trim() === "" || left.length !== 1) return;
    var radio = left[0].querySelector("input[name=lang]");
    radio.checked = true;
    radio.focus();
    sync();
  });

  // A PDF opens beside the station, which stays ready for the next woman. A choice the station
  // will answer with what is missing (and what can be printed instead) stays in this tab.
  function opensBeside(target, beside) {
    if (beside) target.target = "_blank";
    else target.removeAttribute("target");
    forEach.call(target.querySelectorAll(".new-tab"), function (note) {
      note.hidden = !beside;
    });
  }
  function printsAsChosen() {
    var lang = form.querySelector("input[name=lang]:checked");
    if (!lang) return true; // the browser asks for a language before sending
    var missing = (lang.dataset.missing || "").split(" ");
    var events = form.querySelectorAll("input[name=event]:checked");
    if (!events.length) return false; // the station asks for a life event
    return !Array.prototype.some.call(events, function (event) {
      return missing.indexOf(event.value) !== -1;
    });
  }
  function sync() {
    opensBeside(form, printsAsChosen());
  }
  var printing = document.querySelectorAll("form.prints");
  forEach.call(printing, function (offer) {
    opensBeside(offer, true); // the rest, or what exists instead: always printable
  });
  sync();
  form.addEventListener("change", sync);
  // Once a PDF opens beside it, what the station answered before is no longer the question.
  forEach.call([form].concat(Array.prototype.slice.call(printing)), function (each) {
    each.addEventListener("submit", function () {
      if (each.target !== "_blank") return;
      forEach.call(document.querySelectorAll(".station-answer"), function (answer) {
        answer.hidden = true;
      });
    });
  });
})();
