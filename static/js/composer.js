/* The forum composer (templates/forum/includes/composer.html). The form works
   without this file: it posts and redirects, Quote is a link to the reply
   page, Preview re-renders the page. This file adds, for every
   form[data-composer]:
   - a draft kept in localStorage (keyed by the form's data-draft-key, which
     names no member), restored with a "Draft restored · Discard" notice and
     cleared once the post went through;
   - @mention completion: after @ and two letters, a listbox of members under
     the text (the APG combobox pattern on a multi-line textbox: arrows move
     aria-activedescendant, Enter or Tab inserts, Escape closes);
   - Quote without a reload: the quote the reply page would start with is
     inserted where the member is writing;
   - the countdown while the posting interval runs, the submit disabled until
     it ends, announced when it starts and when it ends, not every second;
   - focus on the post htmx appended, and error answers (400, 413, 429) shown
     in the form rather than dropped.
   Strings come from data- attributes (translated by the template); text is
   set with textContent only. */
(function () {
  "use strict";
  var PENDING = "chm-draft-pending";
  var PREFIX = "chm-draft:";
  var MENTION = /(^|[^\w@/.])@([A-Za-z0-9_.+-]{2,50})$/;
  var counter = 0;

  function storage(kind) {
    try {
      var store = window[kind];
      var probe = "chm-probe";
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch (e) {
      return null;
    }
  }
  var local = storage("localStorage");
  var session = storage("sessionStorage");

  function status() {
    var region = document.getElementById("composer-status");
    if (!region) {
      region = document.createElement("p");
      region.id = "composer-status";
      region.className = "visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    return region;
  }

  function announce(text) {
    var region = status();
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 100);
  }

  /* Drafts ---------------------------------------------------------------- */
  function setUpDraft(form, textarea) {
    if (!local || !form.dataset.draftKey) return;
    var key = PREFIX + form.dataset.draftKey;
    var kept = form.hasAttribute("data-draft-kept");
    if (session && session.getItem(PENDING) === key) {
      session.removeItem(PENDING);
      // The page after a post shows the form empty again: it went through.
      if (!kept) local.removeItem(key);
    }
    var original = textarea.value;
    var saved = local.getItem(key);
    if (saved && !kept && saved !== textarea.value) {
      textarea.value = saved;
      showDraftNotice(form, textarea, key, original);
    }
    var timer = null;
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { saveDraft(key, textarea, original); }, 300);
    });
    form.addEventListener("submit", function () {
      window.clearTimeout(timer);
      saveDraft(key, textarea, original);
      if (session) session.setItem(PENDING, key);
    });
  }

  function saveDraft(key, textarea, original) {
    // A composer htmx has replaced (the reply went through) keeps no draft.
    if (!textarea.isConnected) return;
    var value = textarea.value;
    try {
      if (!value.trim() || value === original) local.removeItem(key);
      else local.setItem(key, value);
    } catch (e) { /* storage full: the draft is only a convenience */ }
  }

  function showDraftNotice(form, textarea, key, original) {
    var notice = document.createElement("p");
    notice.className = "composer-draft message message-info";
    var text = document.createElement("span");
    text.textContent = form.dataset.draftRestored || "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = form.dataset.draftDiscard || "";
    button.addEventListener("click", function () {
      textarea.value = original;
      local.removeItem(key);
      notice.remove();
      announce(form.dataset.draftDiscarded || "");
      textarea.focus();
    });
    notice.appendChild(text);
    notice.appendChild(document.createTextNode(" · "));
    notice.appendChild(button);
    textarea.parentNode.insertBefore(notice, textarea);
  }

  /* @mentions ------------------------------------------------------------- */
  function setUpMentions(form, textarea) {
    var url = form.dataset.mentionUrl;
    if (!url || !window.fetch) return;
    counter += 1;
    var listId = "mention-list-" + counter;
    var wrapper = document.createElement("div");
    wrapper.className = "mention-popup";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.mentionLabel || "");
    list.hidden = true;
    wrapper.appendChild(list);
    textarea.parentNode.insertBefore(wrapper, textarea.nextSibling);
    var hint = document.createElement("p");
    hint.className = "visually-hidden";
    hint.setAttribute("aria-live", "polite");
    wrapper.appendChild(hint);
    // A multi-line textbox keeps its role (a combobox is one line); it
    // controls the listbox and names its active option.
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", listId);

    var active = -1;
    var results = [];
    var timer = null;
    var controller = null;
    var match = null;

    function close() {
      list.hidden = true;
      list.textContent = "";
      results = [];
      active = -1;
      match = null;
      textarea.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, n) {
        item.setAttribute("aria-selected", n === active ? "true" : "false");
      });
      textarea.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function insert(index) {
      var member = results[index];
      if (!member || !match) return close();
      var caret = textarea.selectionStart;
      var start = caret - match.length;
      var before = textarea.value.slice(0, start);
      var after = textarea.value.slice(caret);
      var text = "@" + member.username + (after.charAt(0) === " " ? "" : " ");
      textarea.value = before + text + after;
      var position = before.length + text.length;
      textarea.setSelectionRange(position, position);
      close();
      textarea.focus();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function render(found, typed) {
      list.textContent = "";
      results = found;
      active = -1;
      if (!found.length) return close();
      match = typed;
      found.forEach(function (member, n) {
        var li = document.createElement("li");
        li.id = listId + "-" + n;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "mention-name";
        name.textContent = member.name;
        var handle = document.createElement("span");
        handle.className = "mention-username";
        handle.textContent = "@" + member.username;
        li.appendChild(name);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(handle);
        // Keep the focus in the text while choosing with a pointer.
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { insert(n); });
        list.appendChild(li);
      });
      list.hidden = false;
      highlight(0);
      hint.textContent = form.dataset.mentionHint || "";
    }

    function lookUp() {
      var caret = textarea.selectionStart;
      if (caret !== textarea.selectionEnd) return close();
      var found = MENTION.exec(textarea.value.slice(0, caret));
      if (!found) return close();
      var prefix = found[2];
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(prefix);
      fetch(address, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { render(data.results || [], "@" + prefix); })
        .catch(function () { /* aborted or offline: no suggestions */ });
    }

    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 150);
    });
    textarea.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active - 1);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0 && !event.shiftKey) {
        event.preventDefault();
        insert(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });
    textarea.addEventListener("blur", function () { window.setTimeout(close, 150); });
    textarea.addEventListener("click", close);
  }

  /* The countdown ----------------------------------------------------------- */
  function setUpWait(form) {
    var box = form.querySelector("[data-wait-seconds]");
    if (!box) return;
    var seconds = parseInt(box.dataset.waitSeconds, 10);
    if (!(seconds > 0)) return;
    var text = box.querySelector(".composer-wait-text");
    var live = box.querySelector(".composer-wait-live");
    var submits = form.querySelectorAll("[data-composer-submit]");
    var ends = Date.now() + seconds * 1000;
    var language = document.documentElement.lang || undefined;
    var format;
    try {
      format = new Intl.NumberFormat(language, { style: "unit", unit: "second", unitDisplay: "long" });
    } catch (e) {
      format = null;
    }
    function sentence(left) {
      var duration = format ? format.format(left) : String(left);
      return (box.dataset.waitTemplate || "").replace("%(duration)s", duration);
    }
    submits.forEach(function (button) { button.disabled = true; });
    // Said once when the wait starts (a polite region filled after load).
    window.setTimeout(function () { if (live) live.textContent = sentence(seconds); }, 150);
    function tick() {
      if (!form.isConnected) return;
      var left = Math.ceil((ends - Date.now()) / 1000);
      if (left > 0) {
        text.textContent = sentence(left);
        window.setTimeout(tick, 1000 - ((ends - Date.now()) % 1000 || 0) + 20);
        return;
      }
      var ready = box.dataset.waitReady || "";
      text.textContent = ready;
      if (live) live.textContent = ready;
      box.classList.add("composer-wait-over");
      submits.forEach(function (button) { button.disabled = false; });
    }
    tick();
  }

  /* Quote ------------------------------------------------------------------- */
  function inPlaceComposer() {
    return document.querySelector("form[data-composer][hx-post]");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quote]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    var form = inPlaceComposer();
    var textarea = form && form.querySelector("textarea[name=body]");
    if (!textarea || !window.fetch || !window.DOMParser) return;
    event.preventDefault();
    fetch(link.href, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        if (!html) { window.location.href = link.href; return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var quoted = doc.querySelector("textarea[name=body]");
        var replyTo = doc.querySelector("input[name=reply_to]");
        if (!quoted) return;
        var current = textarea.value.replace(/\s+$/, "");
        textarea.value = (current ? current + "\n\n" : "") + quoted.value;
        var target = form.querySelector("input[name=reply_to]");
        if (target && replyTo) target.value = replyTo.value;
        textarea.focus();
        var end = textarea.value.length;
        textarea.setSelectionRange(end, end);
        textarea.scrollIntoView({ block: "center" });
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      })
      .catch(function () { window.location.href = link.href; });
  });

  /* htmx ------------------------------------------------------------------- */
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    var elt = detail.requestConfig && detail.requestConfig.elt;
    if (!elt || !elt.closest || !elt.closest("form[data-composer]")) return;
    if ([400, 413, 429].indexOf(detail.xhr.status) >= 0) {
      // The answer is the form (or the preview) with its message: show it.
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var post = document.querySelector("[data-new-post]");
    if (post) {
      post.removeAttribute("data-new-post");
      // A live update (notifications.js) may have added the same post first.
      document.querySelectorAll('[id="' + post.id + '"]').forEach(function (other) {
        if (other !== post) other.remove();
      });
      post.focus();
      var form = inPlaceComposer();
      if (form && form.dataset.posted) announce(form.dataset.posted);
      return;
    }
    var form = event.target;
    if (!form.matches || !form.matches("form[data-composer]")) return;
    var summary = form.querySelector(".error-summary");
    if (summary) summary.focus();
  });

  function setUp(root) {
    var forms = [];
    if (root.matches && root.matches("form[data-composer]")) forms.push(root);
    if (root.querySelectorAll) {
      root.querySelectorAll("form[data-composer]").forEach(function (form) { forms.push(form); });
    }
    forms.forEach(function (form) {
      if (form.hasAttribute("data-composer-ready")) return;
      form.setAttribute("data-composer-ready", "");
      var textarea = form.querySelector("textarea[name=body]");
      if (textarea) {
        setUpDraft(form, textarea);
        setUpMentions(form, textarea);
      }
      setUpWait(form);
    });
  }

  document.addEventListener("htmx:load", function (event) { setUp(event.detail.elt); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
