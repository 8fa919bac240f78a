// A wide table scrolls sideways in its frame (Material's .md-typeset__scrollwrap). A frame that scrolls takes
// keyboard focus, so that the arrow keys scroll it too (WCAG 2.1.1, axe's scrollable-region-focusable); a frame
// that fits stays out of the tab order. Checked again when the window changes its width.
(function () {
  "use strict";

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "Tabelle, seitlich verschiebbar");
      } else {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }

  // Material wraps the tables once the page's content is mounted; document$ tells when.
  if (window.document$) window.document$.subscribe(function () { window.requestAnimationFrame(mark); });
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();
