/* The toolkit library's filters: a sidebar from 48rem, a closed "Filter"
   disclosure on phones so that the toolkits come first. The page is served
   the same to every width (and cached), so the width opens the sidebar here;
   without this file a wide screen shows the disclosure closed, one click away. */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48rem)");

  function openOnWideScreens() {
    var panel = document.getElementById("toolkit-filter-panel");
    if (panel && wide.matches) panel.open = true;
  }

  wide.addEventListener("change", function () {
    var panel = document.getElementById("toolkit-filter-panel");
    if (panel) panel.open = wide.matches;
  });
  openOnWideScreens();
  document.addEventListener("htmx:afterSettle", openOnWideScreens);
})();
