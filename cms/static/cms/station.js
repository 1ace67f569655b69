// Type to filter the languages (own-script, Swedish or English name, or code). Without
// JavaScript every language is listed and the filter stays hidden.
(function () {
  var box = document.getElementById("language-filter");
  if (!box) return;
  box.closest(".filter").hidden = false;
  var choices = document.querySelectorAll(".language-choice");
  box.addEventListener("input", function () {
    var wanted = box.value.trim().toLowerCase();
    choices.forEach(function (choice) {
      choice.hidden = wanted !== "" && choice.dataset.names.indexOf(wanted) === -1;
    });
  });
})();
