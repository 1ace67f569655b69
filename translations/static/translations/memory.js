// Translation memory in the translation editor: "Use" puts the remembered translation into
// its unit's field (no inline script: the admin's CSP forbids it). The translator still saves.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.memory-use");
  if (!button) return;
  const form = document.getElementById("translation-form");
  const field = form && form.elements.namedItem(button.dataset.unit);
  if (!field) return;
  field.value = button.dataset.text;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.focus();
});
