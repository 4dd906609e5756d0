/* Autocomplete for the header search box. Without this file the box is a
   plain GET form to /search/; with it, typing shows a few visible titles.
   The box follows the ARIA APG combobox pattern (list autocomplete): the
   input is role=combobox and controls a listbox of options; the arrow keys
   move aria-activedescendant, Enter opens the chosen one, Escape closes.
   Text is inserted with textContent only, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  if (!input) return;

  if (script && script.dataset.css && !document.querySelector("link[data-search-css]")) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = script.dataset.css;
    link.setAttribute("data-search-css", "");
    document.head.appendChild(link);
  }

  var url = form.getAttribute("data-suggest-url");
  var list = document.createElement("ul");
  list.id = "search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.getAttribute("data-suggest-label") || "");
  list.hidden = true;
  form.classList.add("has-suggestions");
  form.appendChild(list);
  input.setAttribute("autocomplete", "off");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  var timer = null;
  var controller = null;
  var active = -1;
  var lastQuery = "";

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function highlight(index) {
    var items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, n) {
      item.setAttribute("aria-selected", n === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function render(results) {
    list.textContent = "";
    active = -1;
    if (!results.length) return close();
    results.forEach(function (result, n) {
      var li = document.createElement("li");
      // Options hold text only (no links inside: an option's children are
      // presentational); choosing one goes to its address.
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.id = "search-suggestion-" + n;
      li.setAttribute("data-href", result.url);
      var title = document.createElement("span");
      title.className = "suggestion-title";
      title.textContent = result.title;
      var kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = result.kind;
      li.appendChild(title);
      li.appendChild(kind);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function go(option) {
    var href = option && option.getAttribute("data-href");
    if (href) window.location.href = href;
  }

  function lookup() {
    var q = input.value.trim();
    // The same words again reopen a list that Escape closed.
    if (q === lastQuery && !list.hidden) return;
    lastQuery = q;
    if (q.length < 2) return close();
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(q), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (input.value.trim() === q) render(data.results || []);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 180);
  });
  // Keep the focus in the box while the mouse picks an option.
  list.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });
  list.addEventListener("click", function (event) {
    go(event.target.closest("[role=option]"));
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) {
      // Down arrow on a closed box opens the list for the words typed.
      if (event.key === "ArrowDown" && input.value.trim().length >= 2) {
        event.preventDefault();
        lastQuery = "";
        lookup();
      }
      return;
    }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      go(options()[active]);
    } else if (event.key === "Escape") {
      // Close the list only: a search box would also clear what was typed.
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", function () {
    setTimeout(close, 150);
  });
})();
