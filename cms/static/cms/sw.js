// Jobba i Sverige: keeps visited pages and their recordings, so a card can be heard again
// without a network (a meeting room in a basement). Pages are always fetched from the
// network first: a stored page is only used when the network fails, so it is never stale
// while the network is there. Recordings have content-hashed names and never change.
const PAGES = "jis-pages-v1";
const AUDIO = "jis-audio-v1";
const STATIC = "jis-static-v1";
// The topics saved for offline use ("save this topic"): one entry per topic and language.
const SAVED = "jis-saved-v1";
// When a page was stored: the date its offline copy is from.
const STORED_AT = "X-Stored-At";
// Sent when saving a topic: the server counts no QR opening or audio start for it.
const SAVING = { "X-Offline-Save": "1" };
// Never stored: staff pages (the admin, the print station) hold what only a logged-in person
// may see, and a shared office computer must not keep them; partner packs are large.
const NEVER_STORED = ["/admin/", "/print/", "/material/"];

const neverStored = (url) => NEVER_STORED.some((prefix) => url.pathname.startsWith(prefix));

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) =>
  event.waitUntil(forgetNeverStored().then(() => self.clients.claim())),
);

// An earlier version stored every page it was shown, staff pages too: forget those.
async function forgetNeverStored() {
  const cache = await caches.open(PAGES);
  for (const request of await cache.keys()) {
    if (neverStored(new URL(request.url))) await cache.delete(request);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (neverStored(url)) return;
  if (url.pathname.startsWith("/audio/")) {
    event.respondWith(recording(request, url));
  } else if (request.mode === "navigate") {
    event.respondWith(page(event, request, url));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(networkFirst(STATIC, request));
  }
});

// A page from the network, stored as it comes; without a network its stored copy, marked as
// such with its date, or else the fallback page in the visitor's language.
async function page(event, request, url) {
  const cache = await caches.open(PAGES);
  try {
    // Past the browser's HTTP cache, which would answer a page kept for minutes without a
    // network and so hide that it is the offline copy.
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) {
      await cache.put(request, await stamped(response.clone()));
      event.waitUntil(keepFallback(cache, pageLanguage(url)).catch(() => {}));
    }
    return response;
  } catch (error) {
    // A printed code carries ?v=<version>: the saved copy of its page is the one without.
    const stored =
      (await cache.match(request, { ignoreVary: true })) ||
      (await cache.match(request, { ignoreVary: true, ignoreSearch: true }));
    if (stored) return offlineCopy(stored);
    return fallback(cache, pageLanguage(url));
  }
}

async function networkFirst(name, request) {
  const cache = await caches.open(name);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const stored = await cache.match(request);
    if (stored) return stored;
    throw error;
  }
}

// Browsers ask for audio in ranges, and a partial response cannot be stored: fetch the
// whole file once, store it, and answer each range from the stored copy.
async function recording(request, url) {
  const cache = await caches.open(AUDIO);
  const key = url.origin + url.pathname;
  let whole = await cache.match(key);
  if (!whole) {
    try {
      const response = await fetch(key);
      if (response.status !== 200) return fetch(request);
      await cache.put(key, response.clone());
      whole = response;
    } catch (error) {
      return fetch(request);
    }
  }
  return slice(whole, request.headers.get("Range"));
}

async function slice(response, range) {
  const blob = await response.blob();
  const type = response.headers.get("Content-Type") || "audio/mpeg";
  const match = /^bytes=(\d*)-(\d*)$/.exec(range || "");
  if (!match || (match[1] === "" && match[2] === "")) {
    return new Response(blob, { status: 200, headers: { "Content-Type": type, "Accept-Ranges": "bytes" } });
  }
  let start = match[1] === "" ? Math.max(0, blob.size - Number(match[2])) : Number(match[1]);
  let end = match[1] !== "" && match[2] !== "" ? Math.min(Number(match[2]), blob.size - 1) : blob.size - 1;
  if (start >= blob.size || end < start) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${blob.size}` } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": type,
      "Content-Range": `bytes ${start}-${end}/${blob.size}`,
      "Accept-Ranges": "bytes",
    },
  });
}

// --- offline copies, the fallback page, saved topics ----------------------------------------

// A stored response carries the moment it was stored, and no encoding: its body is decoded.
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

function htmlResponse(html, stored, status) {
  const headers = new Headers(stored ? stored.headers : { "Content-Type": "text/html; charset=utf-8" });
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  return new Response(html, { status: status || 200, headers });
}

// The language a public address is in: /<lang>/…, or /q/<code>/<lang>/ for a QR page.
const LANGUAGE = /^[a-z]{2,3}(-[a-z]{2,4})?$/;
function pageLanguage(url) {
  const parts = url.pathname.split("/").filter(Boolean);
  const found = parts[0] === "q" ? parts[2] : parts[0];
  return found && LANGUAGE.test(found) ? found : "sv";
}

const fallbackUrl = (lang) => `${self.location.origin}/${lang}/offline.html`;

// Each language a visitor reads in gets its fallback page stored once, while there is a network.
async function keepFallback(cache, lang) {
  if (await cache.match(fallbackUrl(lang))) return;
  const response = await fetch(fallbackUrl(lang));
  if (response.ok) await cache.put(fallbackUrl(lang), await stamped(response));
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function dateHtml(iso, lang) {
  const when = new Date(iso);
  let shown;
  try {
    shown = when.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
  } catch (error) {
    shown = when.toISOString().slice(0, 10);
  }
  return `<time datetime="${escapeHtml(when.toISOString().slice(0, 10))}">${escapeHtml(shown)}</time>`;
}

// The notice every public page carries hidden (public/_offline_notice.html), shown with the date.
const NOTICE = /<p class="offline-notice" data-offline-notice hidden>([^<]*)<\/p>/;

async function offlineCopy(stored) {
  const when = stored.headers.get(STORED_AT) || stored.headers.get("Date");
  const type = stored.headers.get("Content-Type") || "";
  if (!when || Number.isNaN(Date.parse(when)) || !type.startsWith("text/html")) return stored;
  const html = await stored.text();
  const lang = (/<html lang="([^"]+)"/.exec(html) || [])[1] || "sv";
  const shown = html.replace(
    NOTICE,
    (_match, text) =>
      `<p class="offline-notice" data-offline-notice>${text.replace("{date}", dateHtml(when, lang))}</p>`,
  );
  return htmlResponse(shown, stored, stored.status);
}

// The fallback page in her language (Swedish when hers was never stored), with the topics saved.
async function fallback(cache, lang) {
  const stored = (await cache.match(fallbackUrl(lang))) || (await cache.match(fallbackUrl("sv")));
  if (!stored) {
    return htmlResponse('<!doctype html><html lang="sv"><meta charset="utf-8"><title>Offline</title><p>Offline</p>', null, 503);
  }
  const topics = await savedTopics();
  let html = await stored.text();
  if (topics.length) {
    const items = topics
      .map(
        (topic) =>
          `<li><a href="${escapeHtml(topic.page)}" lang="${escapeHtml(topic.lang)}" dir="${escapeHtml(topic.dir)}">${escapeHtml(topic.title)}</a></li>`,
      )
      .join("");
    html = html
      .replace('<ul class="saved-topics" data-saved-topics></ul>', `<ul class="saved-topics" data-saved-topics>${items}</ul>`)
      .replace('<p class="hint" data-nothing-saved>', '<p class="hint" data-nothing-saved hidden>');
  }
  return htmlResponse(html, stored, 503);
}

async function savedTopics() {
  const cache = await caches.open(SAVED);
  const topics = [];
  for (const request of await cache.keys()) {
    const stored = await cache.match(request);
    if (stored) topics.push(await stored.json());
  }
  return topics.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

// "Save this topic": the page asks over a MessageChannel and hears the progress on it.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (!port || typeof data.manifest !== "string") return;
  const url = new URL(data.manifest, self.location.origin);
  if (url.origin !== self.location.origin || !url.pathname.endsWith("/offline.json")) return;
  if (data.type === "save-topic") event.waitUntil(saveTopic(url, port));
  else if (data.type === "topic-status") event.waitUntil(topicStatus(url, port));
});

async function topicStatus(url, port) {
  const stored = await (await caches.open(SAVED)).match(url.pathname);
  port.postMessage(stored ? { state: "saved", savedAt: (await stored.json()).savedAt } : { state: "none" });
}

async function saveTopic(url, port) {
  try {
    const answer = await fetch(url, { cache: "no-store" });
    if (!answer.ok) throw new Error(`manifest ${answer.status}`);
    const topic = await answer.json();
    const steps = [
      ...topic.pages.map((item) => [PAGES, item]),
      ...topic.recordings.map((item) => [AUDIO, item]),
      ...topic.assets.map((item) => [STATIC, item]),
    ];
    let done = 0;
    port.postMessage({ state: "progress", done, total: topic.bytes });
    for (const [name, item] of steps) {
      await keep(name, new URL(item.url, self.location.origin));
      done += item.bytes;
      port.postMessage({ state: "progress", done, total: topic.bytes });
    }
    const savedAt = new Date().toISOString();
    const record = { page: topic.page, title: topic.title, lang: topic.lang, dir: topic.dir, savedAt };
    await (await caches.open(SAVED)).put(
      url.pathname,
      new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }),
    );
    port.postMessage({ state: "saved", savedAt });
  } catch (error) {
    port.postMessage({ state: "failed" });
  }
}

// One address of a topic, stored as the fetch handler stores it: recordings whole, under their
// address without a query (their names change with their bytes: one already kept is kept).
async function keep(name, url) {
  if (url.origin !== self.location.origin || neverStored(url)) return;
  const cache = await caches.open(name);
  const key = name === AUDIO ? url.origin + url.pathname : url.href;
  if (name === AUDIO && (await cache.match(key))) return;
  const response = await fetch(key, { headers: SAVING });
  if (response.status !== 200) throw new Error(`${key}: ${response.status}`);
  await cache.put(key, name === PAGES ? await stamped(response) : response);
}
