/* The live bell and live topics. Pages work without this file; it only adds
   updates over the notification websocket, resyncing after every reconnect. */
(function () {
  "use strict";
  var bell = document.getElementById("bell");
  var countEl = document.getElementById("bell-count");

  // "Mark as read" done in place (htmx): the server says what is now read and
  // how many remain unread.
  document.body.addEventListener("chm:notifications-read", function (event) {
    var detail = event.detail || {};
    if (countEl && typeof detail.unread === "number") {
      countEl.textContent = String(detail.unread);
      countEl.hidden = detail.unread === 0;
      if (bell) bell.setAttribute("data-unread", String(detail.unread));
    }
    if (detail.id === "all") {
      document.querySelectorAll(".notification.unread, #bell-list li.unread").forEach(function (el) {
        el.classList.remove("unread");
      });
      document.querySelectorAll(".notification-read-form").forEach(function (form) {
        form.remove();
      });
    }
  });

  if (!bell || !window.WebSocket) return;
  var panel = document.getElementById("bell-panel");
  var list = document.getElementById("bell-list");
  var topicEl = document.querySelector("[data-topic-id]");
  var seen = {};
  var lastId = Number(sessionStorage.getItem("chm-last-notification") || 0);
  var attempt = 0;
  var socket = null;

  function setCount(n) {
    countEl.textContent = String(n);
    countEl.hidden = n === 0;
    bell.setAttribute("data-unread", String(n));
  }

  function addItem(item) {
    if (seen[item.id]) return;
    seen[item.id] = true;
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = item.url;
    a.textContent = item.title;
    if (!item.read) li.className = "unread";
    li.appendChild(a);
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 10) list.removeChild(list.lastChild);
  }

  function showNewPost(number) {
    var id = "post-" + number;
    if (document.getElementById(id)) return;
    var page = Math.floor((number - 1) / 20) + 1;
    var url = window.location.pathname + (page > 1 ? "?page=" + page : "");
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        if (!html || document.getElementById(id)) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var post = doc.getElementById(id);
        var posts = document.querySelector("ol.posts");
        if (post && posts) {
          post.classList.add("post-live");
          var added = posts.appendChild(document.importNode(post, true));
          // Its like and solution controls work in place like the others.
          if (window.htmx) window.htmx.process(added);
        }
      });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + bell.getAttribute("data-socket"));
    socket.onopen = function () {
      attempt = 0;
      socket.send(JSON.stringify({ type: "sync", last_id: lastId }));
      if (topicEl) {
        socket.send(JSON.stringify({ type: "watch_topic", topic: Number(topicEl.getAttribute("data-topic-id")) }));
      }
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "notifications") {
        message.items.forEach(function (item) {
          addItem(item);
          if (item.id > lastId) lastId = item.id;
        });
        sessionStorage.setItem("chm-last-notification", String(lastId));
        setCount(message.unread);
      } else if (message.type === "topic.post") {
        showNewPost(message.number);
      }
    };
    socket.onclose = function (event) {
      // Signed out (4401) or suspended (4403): do not retry.
      if (event.code === 4401 || event.code === 4403) return;
      // Exponential backoff with jitter, capped at 30 seconds.
      var delay = Math.min(30000, 1000 * Math.pow(2, attempt)) * (0.5 + Math.random());
      attempt += 1;
      window.setTimeout(connect, delay);
    };
  }

  // The bell opens its panel (a disclosure); Escape closes it and returns to
  // the bell. Without this file the bell is a link to the notifications page.
  function setOpen(open) {
    panel.hidden = !open;
    bell.setAttribute("aria-expanded", open ? "true" : "false");
  }
  if (panel) {
    bell.setAttribute("aria-controls", panel.id);
    bell.setAttribute("aria-expanded", "false");
    bell.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(panel.hidden);
    });
    [bell, panel].forEach(function (el) {
      el.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || panel.hidden) return;
        setOpen(false);
        bell.focus();
      });
    });
  }
  connect();
})();
