// The site's service worker, served at /sw.js by home/offline.py, which puts
// `self.CHM` in front of this file: {version, shell: [static URLs],
// offline: {language: offline page URL}, defaultLanguage}.
//
// - Shell: the static files every page needs, kept at install; a new deploy
//   changes the version and the old shell is dropped.
// - Saved pages: "Save for offline" (offline.js) keeps a page and its files in
//   a cache of their own, named "chm-saved:<member>:<page>"; the worker only
//   reads those. Nothing else a member sees is ever stored here.
// - Offline: a page that cannot be fetched comes from the saved pages, or else
//   the offline page in the page's language (it lists what is saved).
// - Push: shows the title, and opens the link on a click.
/* global self, caches, clients */
"use strict";

var CONFIG = self.CHM || { version: "dev", shell: [], offline: {}, defaultLanguage: "en" };
var SHELL = "chm-shell-" + CONFIG.version;
var SAVED = "chm-saved:";

function offlinePages() {
  return Object.keys(CONFIG.offline).map(function (code) { return CONFIG.offline[code]; });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      // The offline pages without cookies: the stored copy names no member.
      var pages = offlinePages().map(function (url) {
        return fetch(url, { credentials: "omit" }).then(function (response) {
          if (response.ok) return cache.put(url, response);
        });
      });
      return Promise.all([cache.addAll(CONFIG.shell)].concat(pages));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("chm-shell-") === 0 && name !== SHELL;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function languageOf(url) {
  var first = new URL(url).pathname.split("/")[1] || "";
  return Object.prototype.hasOwnProperty.call(CONFIG.offline, first)
    ? first : CONFIG.defaultLanguage;
}

function offlineFallback(request) {
  var page = CONFIG.offline[languageOf(request.url)] ||
    CONFIG.offline[CONFIG.defaultLanguage];
  return caches.open(SHELL).then(function (cache) {
    return cache.match(page);
  }).then(function (response) {
    return response || new Response("Offline", {
      status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" }
    });
  });
}

// A saved copy of this URL, from the saved pages only.
function savedCopy(request) {
  return caches.keys().then(function (names) {
    var saved = names.filter(function (name) { return name.indexOf(SAVED) === 0; });
    return saved.reduce(function (found, name) {
      return found.then(function (response) {
        if (response) return response;
        return caches.open(name).then(function (cache) {
          return cache.match(request, { ignoreVary: true });
        });
      });
    }, Promise.resolve(undefined));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The network first: a saved copy only when there is no connection.
    event.respondWith(fetch(request).catch(function () {
      return savedCopy(request).then(function (response) {
        return response || offlineFallback(request);
      });
    }));
    return;
  }
  if (CONFIG.shell.indexOf(url.pathname) !== -1) {
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request).then(function (response) {
        return response || fetch(request);
      });
    }));
    return;
  }
  // Anything else (a toolkit's file, a page's script): the network, and a
  // saved copy when there is none.
  event.respondWith(fetch(request).catch(function (error) {
    return savedCopy(request).then(function (response) {
      if (response) return response;
      return caches.match(request).then(function (shell) {
        if (shell) return shell;
        throw error;
      });
    });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "forget-saved") {
    // Signing out: no member's pages stay on the device.
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(SAVED) === 0;
      }).map(function (name) { return caches.delete(name); }));
    }));
  }
});

self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  var icon = CONFIG.shell.filter(function (url) {
    return url.indexOf("icon-192") !== -1;
  })[0];
  event.waitUntil(self.registration.showNotification(data.title || "", {
    data: { url: data.url || "/" },
    icon: icon,
    badge: icon,
    // One notice on the device, replaced by the next: bursts never pile up.
    tag: "chm-notifications",
    renotify: true
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  // Only a link on this site: the payload came from the server, but a link
  // elsewhere has no business here.
  var target = new URL((event.notification.data || {}).url || "/", self.location.origin);
  if (target.origin !== self.location.origin) target = new URL("/", self.location.origin);
  event.waitUntil(clients.matchAll({ type: "window", includeUncontrolled: true })
    .then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        if (windows[i].url === target.href && "focus" in windows[i]) {
          return windows[i].focus();
        }
      }
      return clients.openWindow(target.href);
    }));
});
