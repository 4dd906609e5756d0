// "Notify me on this device" on the notification settings page: asks the
// browser for permission, subscribes through the service worker (/sw.js,
// registered by offline.js) with the site's VAPID public key, and stores the
// subscription (POST, JSON, CSRF header). The messages come translated in the
// control's data attributes.
(function () {
  "use strict";
  var control = document.querySelector("[data-push]");
  if (!control) return;
  var button = control.querySelector("[data-push-subscribe]");
  var status = control.querySelector("[data-push-status]");

  function say(name) {
    status.textContent = control.getAttribute("data-msg-" + name) || "";
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function keyBytes(base64url) {
    var padded = base64url.replace(/-/g, "+").replace(/_/g, "/");
    padded += "===".slice((padded.length + 3) % 4);
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) ||
      !("Notification" in window)) {
    say("unsupported");
    return;
  }
  if (Notification.permission === "denied") {
    say("denied");
    return;
  }
  button.hidden = false;

  function store(subscription) {
    return fetch(control.getAttribute("data-add-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(),
        "Accept": "application/json"
      },
      body: JSON.stringify(subscription.toJSON ? subscription.toJSON() : subscription)
    }).then(function (response) {
      if (!response.ok) throw new Error("store " + response.status);
      return response.json();
    });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = "";
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") {
        say("denied");
        throw null;
      }
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(control.getAttribute("data-key"))
        });
      });
    }).then(store).then(function () {
      say("added");
      // The list of devices is drawn by the server: show it with this one.
      window.location.reload();
    }).catch(function (error) {
      if (error !== null) say("failed");
      button.disabled = false;
    });
  });
})();
