/* The site's service worker: the program, the personal agenda and every page visited open
 * without a network (generator/offline.py fills in SITE: the build's version, what to keep).
 *
 * Pages and data: network first. A schedule changes up to the last minute, so whenever the
 * network answers, its copy is shown (and kept); the kept copy is shown only when the network
 * fails, or is slower than WAIT_MS while a copy exists (venue Wi-Fi that connects but does
 * not deliver), and the network's answer still refreshes the copy for next time.
 * Theme assets (styles, scripts, fonts, icons): cache first; they are kept per build version,
 * and a new deploy is a new worker whose cache replaces the old one when it takes over.
 */
"use strict";

var SITE = "@SITE@";
var WAIT_MS = 3000;

var SCOPE = self.registration.scope;
// Sites that share an origin (GitHub Pages project sites) keep their caches apart by scope.
var PREFIX = "confsite:" + SCOPE + ":";
var CACHE = PREFIX + SITE.version;

function within(url) {
  return url.indexOf(SCOPE) === 0;
}

function isAsset(url) {
  var path = new URL(url).pathname;
  return /\/assets\//.test(path) || /\.(css|js|woff2?|png|svg|ico)$/.test(path);
}

function keep(request, response) {
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
    return response;
  }
  var copy = response.clone();
  return caches.open(CACHE).then(function (cache) {
    return cache.put(request, copy);
  }).then(function () {
    return response;
  }, function () {
    return response; /* storage full: the page is still shown */
  });
}

function fresh(url) {
  // Past the browser's HTTP cache: the copy kept for offline use is the deployed one.
  return new Request(new URL(url, SCOPE).href, { cache: "no-cache" });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(SITE.pages.concat(SITE.assets).map(fresh));
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    }).then(function () {
      // The page that registered the worker loaded before it: keep it too.
      return self.clients.matchAll({ type: "window" });
    }).then(function (windows) {
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(windows.filter(function (client) {
          return within(client.url);
        }).map(function (client) {
          var url = client.url.split("#")[0];
          return cache.match(url).then(function (found) {
            return found || fetch(fresh(url)).then(function (response) {
              return keep(new Request(url), response);
            }).catch(function () {});
          });
        }));
      });
    })
  );
});

// The page's words in the site's language when the build gave them (generator/i18n.py).
var OFFLINE_WORDS = SITE.words || {
  lang: "en",
  title: "Offline",
  heading: "You are offline",
  text: "This page was not saved on this device. The <a href=\"{program}\">program</a> and " +
    "<a href=\"{agenda}\">your agenda</a> are.",
};

function offlinePage() {
  var home = SCOPE;
  var words = OFFLINE_WORDS;
  var text = words.text.replace("{program}", home + SITE.program)
    .replace("{agenda}", home + SITE.agenda);
  var body = "<!doctype html><html lang=\"" + words.lang + "\"><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>" + words.title + "</title>" +
    "<body style=\"font-family: sans-serif; margin: 2rem; max-width: 36rem\">" +
    "<h1>" + words.heading + "</h1><p>" + text + "</p></body></html>";
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function networkFirst(event, request) {
  var network = fetch(request).then(function (response) {
    return keep(request, response);
  });
  event.waitUntil(network.catch(function () {}));
  return caches.match(request, { ignoreSearch: true }).then(function (kept) {
    if (!kept) {
      return network.catch(function (error) {
        if (request.mode === "navigate") return offlinePage();
        throw error;
      });
    }
    var timer;
    var slow = new Promise(function (resolve) {
      timer = setTimeout(function () { resolve(kept); }, WAIT_MS);
    });
    var answered = network.then(function (response) {
      clearTimeout(timer);
      return response;
    }, function () {
      clearTimeout(timer);
      return kept;
    });
    return Promise.race([answered, slow]);
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      return keep(request, response);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !within(request.url) || request.headers.has("range")) return;
  if (new URL(request.url).pathname.indexOf("/livereload/") !== -1) return;
  event.respondWith(isAsset(request.url) ? cacheFirst(request) : networkFirst(event, request));
});
