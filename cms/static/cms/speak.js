// Optional: without it each recording keeps the browser's own controls. With it, a recording
// plays from one large button, and only one plays at a time.
(function () {
  const boxes = Array.from(document.querySelectorAll("[data-play]"));
  const all = boxes.map((box) => box.querySelector("audio"));
  boxes.forEach((box) => {
    const audio = box.querySelector("audio");
    const button = box.querySelector("button");
    if (!audio || !button) return;
    audio.removeAttribute("controls");
    button.hidden = false;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      if (!audio.paused) {
        audio.pause();
        return;
      }
      all.forEach((other) => {
        if (other && other !== audio) other.pause();
      });
      if (box.classList.contains("say-name")) audio.currentTime = 0; // a name: from its start
      audio.play().catch(() => {});
    });
    const pressed = (on) => () => button.setAttribute("aria-pressed", on ? "true" : "false");
    audio.addEventListener("play", pressed(true));
    audio.addEventListener("pause", pressed(false));
    audio.addEventListener("ended", pressed(false));
  });
})();
