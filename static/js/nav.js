/* The header menu button for narrow screens. Without this file the button
   stays hidden and the menu is an open, wrapped list; with it, screens
   narrower than 48rem show the button, which opens and closes the menu. */
(function () {
  "use strict";
  var button = document.querySelector(".nav-toggle[aria-controls]");
  if (!button) return;
  var menu = document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  // early.js set html.js-nav before the first paint; set it again in case
  // that file did not load.
  document.documentElement.classList.add("js-nav");
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
