/* Accessibility touches the theme leaves out, and the program's print button.
 * Progressive enhancement only: without JavaScript every page is complete and readable. */
(function () {
  "use strict";

  // Material's search overlay is a dialog without a name (axe: aria-dialog-name).
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) {
      var input = dialog.querySelector(".md-search__input");
      var fallback = (window.confsiteMessages || {}).Search || "Search";
      dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || fallback);
    }
  }

  // The print button is hidden in the HTML because it needs JavaScript to work.
  function showPrintButtons() {
    document.querySelectorAll("[data-cs-print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function onPage() {
    nameSearchDialog();
    showPrintButtons();
  }

  // Delegated, so it survives Material's instant navigation replacing the content.
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("[data-cs-print]")) {
      event.preventDefault();
      window.print();
    }
  });

  // Material's `document$` emits on the first load and after every instant navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
