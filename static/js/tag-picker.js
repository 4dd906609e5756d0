/* A tag picker you type into, for any <select multiple data-tag-picker>
   (tagging/widgets.py). The select stays in the page, hidden, and stays the
   truth: the form posts it, and the picker only selects and unselects its
   options. Without this file the select is shown as it is.

   The box follows the ARIA APG combobox pattern (list autocomplete): the
   input is role=combobox, controls a listbox of the matching tags not yet
   chosen, Down/Up move aria-activedescendant, Enter chooses, Escape closes
   (or clears). Chosen tags show as pills, each with a Remove button;
   Backspace in the empty box removes the last one. Strings come from the
   select's data- attributes; text is set with textContent only. */
(function () {
  "use strict";
  var LIMIT = 50;

  function fill(template, tag) {
    return (template || "").replace("%(tag)s", tag);
  }

  function enhance(select, n) {
    if (select.hasAttribute("data-tag-picker-ready")) return;
    select.setAttribute("data-tag-picker-ready", "");
    var data = select.dataset;
    var base = (select.id || "tag-picker-" + n) + "-picker";

    var picker = document.createElement("div");
    picker.className = "tag-picker";
    var pills = document.createElement("ul");
    pills.className = "tag-picker-pills";
    pills.setAttribute("aria-label", data.chosenLabel || "");
    var row = document.createElement("div");
    row.className = "tag-picker-field";
    var input = document.createElement("input");
    input.type = "text";
    input.id = base + "-input";
    input.className = "tag-picker-input";
    input.autocomplete = "off";
    input.placeholder = data.placeholder || "";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", base + "-list");
    var describedBy = select.getAttribute("aria-describedby");
    if (describedBy) input.setAttribute("aria-describedby", describedBy);
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
    var list = document.createElement("ul");
    list.id = base + "-list";
    list.className = "tag-picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");

    var empty = document.createElement("p");
    empty.className = "tag-picker-empty";
    empty.textContent = data.noMatch || "";
    empty.hidden = true;
    row.appendChild(input);
    row.appendChild(list);
    row.appendChild(empty);
    picker.appendChild(pills);
    picker.appendChild(row);
    picker.appendChild(live);
    select.parentNode.insertBefore(picker, select.nextSibling);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;

    // The field's label now names the box you type into.
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (label) {
      label.htmlFor = input.id;
      list.setAttribute("aria-label", label.textContent.trim());
    }
    // The error summary links to the select: send its reader to the box.
    if (select.id) {
      document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest('a[href="#' + select.id + '"]');
        if (!link) return;
        event.preventDefault();
        input.focus();
      });
    }
    var active = -1;
    var shown = [];

    function say(text) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = text; }, 50);
    }

    function renderPills() {
      pills.textContent = "";
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.selected) return;
        var li = document.createElement("li");
        li.className = "tag-pill";
        var name = document.createElement("span");
        name.textContent = option.textContent;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "tag-pill-remove";
        remove.setAttribute("aria-label", fill(data.removeLabel, option.textContent));
        remove.textContent = "×";
        remove.addEventListener("click", function () {
          unselect(option);
          input.focus();
        });
        li.appendChild(name);
        li.appendChild(remove);
        pills.appendChild(li);
      });
      pills.hidden = !pills.children.length;
    }

    function choose(option) {
      option.selected = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      renderPills();
      say(fill(data.added, option.textContent));
    }

    function unselect(option) {
      option.selected = false;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      renderPills();
      say(fill(data.removed, option.textContent));
    }

    function close() {
      empty.hidden = true;
      list.hidden = true;
      list.textContent = "";
      shown = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function open() {
      var typed = input.value.trim().toLowerCase();
      var starts = [];
      var contains = [];
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.selected || option.disabled || !option.value) return;
        var text = option.textContent.toLowerCase();
        if (!typed || text.indexOf(typed) === 0) starts.push(option);
        else if (text.indexOf(typed) > 0) contains.push(option);
      });
      shown = starts.concat(contains).slice(0, LIMIT);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      // "No tag matches" sits beside the listbox: a listbox holds options only.
      empty.hidden = shown.length > 0;
      if (!shown.length) {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        say(data.noMatch || "");
        return;
      }
      shown.forEach(function (option, i) {
        var li = document.createElement("li");
        li.id = base + "-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = option.textContent;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () {
          choose(option);
          input.value = "";
          close();
          input.focus();
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      if (typed && shown.length) highlight(0);
    }

    input.addEventListener("input", function () {
      if (input.value.trim()) open();
      else close();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) open();
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) open();
        highlight(active - 1);
      } else if (event.key === "Enter") {
        // Never submit the form from the tag box.
        event.preventDefault();
        if (!list.hidden && active >= 0 && shown[active]) {
          choose(shown[active]);
          input.value = "";
          close();
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Backspace" && !input.value) {
        var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected; });
        if (chosen.length) unselect(chosen[chosen.length - 1]);
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    renderPills();
  }

  function setUp() {
    document.querySelectorAll("select[multiple][data-tag-picker]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
  document.addEventListener("htmx:load", setUp);
})();
