/* In-page actions (htmx) and confirmation dialogs. Every control works without
   this file: forms post and redirect, "Show more" links open the next page,
   and confirmation links open a confirmation page. */
(function () {
  "use strict";
  var script = document.currentScript;
  var failed = (script && script.getAttribute("data-failed")) || "";

  function statusRegion() {
    return document.getElementById("action-status");
  }

  function say(text) {
    var region = statusRegion();
    if (!region || !text) return;
    var p = document.createElement("p");
    p.className = "message message-error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    region.replaceChildren(p);
  }

  var pendingMore = null;

  document.addEventListener("htmx:beforeRequest", function (event) {
    var region = statusRegion();
    if (region) region.replaceChildren();
    var elt = event.detail.elt;
    var listId = elt && elt.getAttribute && elt.getAttribute("data-load-more");
    var list = listId && document.getElementById(listId);
    pendingMore = list ? { list: list, count: list.children.length } : null;
  });

  // Refusals (403, 429...) come retargeted to the status region: show them
  // there. Other failures keep the page as it was and say so.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status >= 400 && xhr.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:responseError", function (event) {
    if (!event.detail.xhr.getResponseHeader("HX-Retarget")) say(failed);
  });
  document.addEventListener("htmx:sendError", function () { say(failed); });

  var clearTimer = null;

  document.addEventListener("htmx:afterSettle", function () {
    // A confirmation ("Marked as the solution.") fades after a while; a
    // refusal stays until the next action.
    var region = statusRegion();
    window.clearTimeout(clearTimer);
    if (region && region.firstElementChild && !region.querySelector(".message-error")) {
      var shown = region.firstElementChild;
      clearTimer = window.setTimeout(function () {
        if (region.firstElementChild === shown) region.replaceChildren();
      }, 10000);
    }
    // A control that disappeared hands focus on (e.g. "Mark as read").
    var marked = document.querySelector("[data-focus-after-swap]");
    if (marked) {
      var target = document.getElementById(marked.getAttribute("data-focus-after-swap"));
      marked.removeAttribute("data-focus-after-swap");
      if (target) target.focus();
    }
    // "Show more": focus the first item that arrived.
    if (pendingMore) {
      var first = pendingMore.list.children[pendingMore.count];
      pendingMore = null;
      if (first) {
        if (!first.hasAttribute("tabindex")) first.setAttribute("tabindex", "-1");
        first.focus();
      }
    }
  });

  // Confirmation dialogs: a link to a confirmation page that, with a native
  // <dialog>, opens the same question in place. Escape closes it; focus goes
  // back to the link.
  document.addEventListener("click", function (event) {
    var trigger = event.target.closest && event.target.closest("[data-dialog]");
    if (!trigger) return;
    var dialog = document.getElementById(trigger.getAttribute("data-dialog"));
    if (!dialog || typeof dialog.showModal !== "function") return;
    event.preventDefault();
    dialog.addEventListener("close", function () { trigger.focus(); }, { once: true });
    dialog.showModal();
  });
})();
