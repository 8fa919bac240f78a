// A wide table scrolls sideways in its frame (Material's .md-typeset__scrollwrap). A frame that scrolls takes
// keyboard focus, so that the arrow keys scroll it too (WCAG 2.1.1, axe's scrollable-region-focusable), has a name,
// and shows that there is more: a line above it and a shadow at the edge with more (om.css, .om-scrolls).
// A frame that fits stays out of the tab order. Checked again when the window changes its width.
(function () {
  "use strict";

  var HINT = "Tabelle breiter als die Seite: seitlich verschieben (wischen oder Pfeiltasten)";

  function hintBefore(frame) {
    var previous = frame.previousElementSibling;
    return previous && previous.classList.contains("om-scrollhint") ? previous : null;
  }

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (frame) {
      var hint = hintBefore(frame);
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "Tabelle, seitlich verschiebbar");
        frame.classList.add("om-scrolls");
        if (!hint) {
          hint = document.createElement("p");
          hint.className = "om-scrollhint";
          hint.setAttribute("aria-hidden", "true"); // the frame's name says the same
          hint.textContent = HINT;
          frame.parentNode.insertBefore(hint, frame);
        }
      } else {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
        frame.classList.remove("om-scrolls");
        if (hint) hint.remove();
      }
    });
  }

  // Material wraps the tables once the page's content is mounted; document$ tells when.
  if (window.document$) window.document$.subscribe(function () { window.requestAnimationFrame(mark); });
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();
