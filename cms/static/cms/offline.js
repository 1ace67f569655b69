// Optional: the page works without it. With it, a visited card plays again offline.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
}

// "Save this topic for offline use" on a life-event page (public/_save_offline.html): the
// service worker stores the topic's pages and recordings and tells its progress; the texts
// shown come from the page, in her language.
// In a function of its own: nothing it names can meet another script's names.
(() => {
  const topic = document.querySelector("[data-offline-topic]");
  if (topic && "serviceWorker" in navigator && "caches" in window && "MessageChannel" in window) {
    offerSaving(topic);
  }

  function talk(message, onAnswer) {
    navigator.serviceWorker.ready.then((registration) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => onAnswer(event.data || {});
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  function shownDate(iso) {
    const when = new Date(iso);
    try {
      return when.toLocaleDateString(document.documentElement.lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (error) {
      return when.toISOString().slice(0, 10);
    }
  }

  function offerSaving(section) {
    const button = section.querySelector("[data-offline-save]");
    const progress = section.querySelector("[data-offline-progress]");
    const status = section.querySelector("[data-offline-status]");
    const manifest = section.dataset.offlineTopic;
    const saved = (savedAt) => {
      status.textContent = status.dataset.saved.replace("{date}", shownDate(savedAt));
      button.textContent = button.dataset.again;
      section.dataset.saved = savedAt;
    };
    section.hidden = false;
    talk({ type: "topic-status", manifest }, (answer) => {
      if (answer.state === "saved") saved(answer.savedAt);
    });
    button.addEventListener("click", () => {
      button.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      status.textContent = status.dataset.saving;
      talk({ type: "save-topic", manifest }, (answer) => {
        if (answer.state === "progress") {
          progress.max = Math.max(answer.total, 1);
          progress.value = Math.min(answer.done, progress.max);
          return;
        }
        button.disabled = false;
        if (answer.state === "saved") {
          progress.value = progress.max;
          saved(answer.savedAt);
        } else {
          progress.hidden = true;
          status.textContent = status.dataset.failed;
        }
      });
    });
  }
})();
