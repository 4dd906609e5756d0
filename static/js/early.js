/* Loaded in <head>, before the first paint: marks the page as scripted so the
   header menu is folded behind its button from the start on narrow screens
   (nav.js, deferred, wires the button). Without it the content would jump
   when nav.js folds the menu after the page is drawn. */
document.documentElement.classList.add("js-nav");
