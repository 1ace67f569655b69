// Jobba i Sverige: keeps visited pages and their recordings, so a card can be heard again
// without a network (a meeting room in a basement). Pages are always fetched from the
// network first: a stored page is only used when the network fails, so it is never stale
// while the network is there. Recordings have content-hashed names and never change.
const PAGES = "jis-pages-v1";
const AUDIO = "jis-audio-v1";
const STATIC = "jis-static-v1";
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
    event.respondWith(networkFirst(PAGES, request));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(networkFirst(STATIC, request));
  }
});

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
