// The print button of the one-page sheets: shown only where a script can print; without one, the browser's menu does.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-om-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
