/* The header menu button for narrow screens. Without this file the button
   stays hidden and the menu is an open, wrapped list; with it, screens
   narrower than 48rem show the button, which opens and closes the menu. */
(function () {
  "use strict";
  var button = document.querySelector(".nav-toggle[aria-controls]");
  if (!button) return;
  var menu = document.getElementById(button.getAttribute("aria-controls"));
  var header = button.closest(".site-header");
  if (!menu || !header) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  header.classList.add("has-nav-toggle");
  button.hidden = false;
  setOpen(false);

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape from inside the open menu closes it and returns to the button.
  menu.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
    if (getComputedStyle(button).display === "none") return;
    setOpen(false);
    button.focus();
  });
})();
