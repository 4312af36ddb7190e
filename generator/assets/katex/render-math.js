/* Typesets the math spans that the generator and pymdownx.arithmatex (generic mode) write:
   <span class="arithmatex">\(...\)</span> and <div class="arithmatex">\[...\]</div>.
   Only those elements are touched, so a literal dollar sign in text never turns into math.
   Material's instant navigation swaps pages without reloading: document$ announces each one. */
(function () {
  "use strict";
  function typeset(root) {
    if (typeof katex === "undefined") return;
    root.querySelectorAll(".arithmatex").forEach(function (element) {
      if (element.querySelector(".katex")) return;
      var tex = element.textContent.trim();
      var display = /^\\\[/.test(tex) || element.tagName === "DIV";
      tex = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
      katex.render(tex, element, { displayMode: display, throwOnError: false });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { typeset(document.body); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { typeset(document.body); });
  } else {
    typeset(document.body);
  }
})();
