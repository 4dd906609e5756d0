// Offline reading, on every page (base.html loads it; its settings and
// translated messages are in the script element's data attributes):
// - registers the service worker (/sw.js, home/offline.py);
// - "Save for offline" (templates/includes/save_offline.html): keeps this
//   page, as this member sees it, and the files its links marked
//   data-offline-file point to, in a cache of its own, within the device's
//   budget (data-budget-mb);
// - the offline page (/offline/): lists what is saved, how much room it
//   takes, and removes it;
// - signing out forgets every saved page, and stops this device's pushes;
//   a page seen by another member forgets the previous member's pages.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !("caches" in window)) return;
  var options = script.dataset;
  var member = options.member || "";
  var SAVED = "chm-saved:";
  var META = "/offline/__saved__.json";
  var budget = parseInt(options.budgetMb || "50", 10) * 1024 * 1024;

  navigator.serviceWorker.register(options.sw, { scope: "/" }).catch(function () {});

  function savedNames() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(SAVED) === 0; });
    });
  }

  function ownerOf(name) {
    var rest = name.slice(SAVED.length);
    return rest.slice(0, rest.indexOf(":"));
  }

  function forgetAll() {
    return savedNames().then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    });
  }

  // Another member signed in on this device: the previous one's pages go.
  if (member) {
    savedNames().then(function (names) {
      names.forEach(function (name) {
        if (ownerOf(name) && ownerOf(name) !== member) caches.delete(name);
      });
    });
  }

  // Every saved item, newest first: [{name, url, title, bytes, savedAt}].
  function savedItems() {
    return savedNames().then(function (names) {
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.match(META);
        }).then(function (response) {
          return response ? response.json() : null;
        }).then(function (meta) {
          if (!meta) return null;
          meta.name = name;
          return meta;
        }).catch(function () { return null; });
      }));
    }).then(function (items) {
      return items.filter(Boolean).sort(function (a, b) { return b.savedAt - a.savedAt; });
    });
  }

  function usedBytes(items) {
    return items.reduce(function (sum, item) { return sum + (item.bytes || 0); }, 0);
  }

  // The budget, or less where the browser allows this site less room.
  function room() {
    if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve(budget);
    return navigator.storage.estimate().then(function (estimate) {
      return estimate.quota ? Math.min(budget, estimate.quota) : budget;
    }, function () { return budget; });
  }

  // "480 kB", "12.5 MB", in the page's language.
  function size(bytes) {
    var mega = bytes >= 1024 * 1024;
    var value = mega ? bytes / 1024 / 1024 : Math.max(bytes / 1024, bytes ? 0.1 : 0);
    try {
      return new Intl.NumberFormat(document.documentElement.lang, {
        style: "unit", unit: mega ? "megabyte" : "kilobyte",
        maximumFractionDigits: 1
      }).format(value);
    } catch (error) {
      return value.toFixed(1) + (mega ? " MB" : " kB");
    }
  }

  function format(template, values) {
    return (template || "").replace(/%\((\w+)\)s/g, function (_all, key) {
      return values[key];
    });
  }

  // --- Sign-out -----------------------------------------------------------
  var logout = options.logout ? new URL(options.logout, location.href).pathname : null;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!logout || form.dataset.offlineForgotten) return;
    if (new URL(form.action, location.href).pathname !== logout) return;
    event.preventDefault();
    form.dataset.offlineForgotten = "1";
    var done = false;
    function leave() {
      if (done) return;
      done = true;
      form.submit();
    }
    if (navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "forget-saved" });
    }
    var pushes = navigator.serviceWorker.getRegistration().then(function (registration) {
      if (!registration || !registration.pushManager) return null;
      return registration.pushManager.getSubscription().then(function (subscription) {
        return subscription ? subscription.unsubscribe() : null;
      });
    }).catch(function () {});
    Promise.all([forgetAll(), pushes]).then(leave, leave);
    setTimeout(leave, 3000);
  }, true);

  // --- Save for offline -----------------------------------------------------
  var pageUrl = location.pathname + location.search;
  var pageCache = SAVED + member + ":" + pageUrl;

  function pageTitle() {
    var heading = document.querySelector("main h1");
    return (heading ? heading.textContent : document.title).trim();
  }

  function fileUrls() {
    var urls = [];
    document.querySelectorAll("a[data-offline-file]").forEach(function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin === location.origin && urls.indexOf(url.pathname + url.search) === -1) {
        urls.push(url.pathname + url.search);
      }
    });
    return urls;
  }

  function savePage(alreadyUsed, limit) {
    var urls = [pageUrl].concat(fileUrls());
    var bytes = 0;
    return caches.open(pageCache).then(function (cache) {
      return urls.reduce(function (previous, url) {
        return previous.then(function () {
          return fetch(url, { credentials: "same-origin", cache: "no-store" });
        }).then(function (response) {
          if (!response.ok) throw new Error("fetch " + response.status);
          return response.clone().blob().then(function (blob) {
            bytes += blob.size;
            if (alreadyUsed + bytes > limit) throw new Error("full");
            return cache.put(url, response);
          });
        });
      }, Promise.resolve()).then(function () {
        var meta = {
          url: pageUrl, title: pageTitle(), bytes: bytes,
          files: urls.length - 1, savedAt: Date.now()
        };
        return cache.put(META, new Response(JSON.stringify(meta), {
          headers: { "Content-Type": "application/json" }
        }));
      });
    }).catch(function (error) {
      return caches.delete(pageCache).then(function () { throw error; });
    });
  }

  document.querySelectorAll("[data-save-offline]").forEach(function (box) {
    var button = box.querySelector("[data-save-offline-button]");
    var status = box.querySelector("[data-save-offline-status]");
    function show(saved, message) {
      button.setAttribute("aria-pressed", saved ? "true" : "false");
      status.textContent = message || "";
    }
    caches.has(pageCache).then(function (saved) {
      show(saved, saved ? options.msgSaved : "");
      box.hidden = false;
    });
    button.addEventListener("click", function () {
      button.disabled = true;
      caches.has(pageCache).then(function (saved) {
        if (saved) {
          return caches.delete(pageCache).then(function () { show(false, options.msgRemoved); });
        }
        show(false, options.msgSaving);
        return Promise.all([savedItems(), room()]).then(function (found) {
          var used = usedBytes(found[0]);
          if (used >= found[1]) throw new Error("full");
          return savePage(used, found[1]);
        }).then(function () {
          if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
          show(true, options.msgSaved);
        });
      }).catch(function (error) {
        show(false, error && error.message === "full" ? options.msgFull : options.msgFailed);
      }).then(function () { button.disabled = false; });
    });
  });

  // --- The offline page -----------------------------------------------------
  var shelf = document.querySelector("[data-offline-shelf]");
  if (!shelf) return;
  var strings = shelf.dataset;
  var list = shelf.querySelector("[data-offline-list]");
  var empty = shelf.querySelector("[data-offline-empty]");
  var usage = shelf.querySelector("[data-offline-usage]");
  var missing = document.querySelector("[data-offline-missing]");
  // The worker answered this page for another address: that one is not saved.
  if (missing && location.pathname !== new URL(options.offlineUrl, location.href).pathname) {
    missing.hidden = false;
  }

  function draw() {
    return Promise.all([savedItems(), room()]).then(function (found) {
      var items = found[0];
      list.textContent = "";
      items.forEach(function (item) {
        var row = document.createElement("li");
        row.className = "saved-item";
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.title || item.url;
        var facts = document.createElement("span");
        facts.className = "muted saved-facts";
        facts.textContent = format(strings.facts, {
          size: size(item.bytes || 0),
          date: new Date(item.savedAt).toLocaleDateString(document.documentElement.lang)
        });
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link-button";
        remove.textContent = strings.remove;
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " " + (item.title || item.url);
        remove.appendChild(hidden);
        remove.addEventListener("click", function () {
          caches.delete(item.name).then(draw);
        });
        row.appendChild(link);
        row.appendChild(document.createTextNode(" "));
        row.appendChild(facts);
        row.appendChild(document.createTextNode(" "));
        row.appendChild(remove);
        list.appendChild(row);
      });
      empty.hidden = items.length > 0;
      list.hidden = items.length === 0;
      usage.textContent = format(strings.usage, {
        used: size(usedBytes(items)), budget: size(found[1])
      });
    });
  }
  draw();
})();
