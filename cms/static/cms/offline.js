// Optional: the page works without it. With it, a visited card plays again offline.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
}
