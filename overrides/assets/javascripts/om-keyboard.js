// The theme's menu and search buttons below 1220 px are labels of hidden checkboxes (overrides/partials/header.html
// makes them focusable). Here: Enter and Space press them, aria-expanded says whether they are open, and the focus
// stays where a keyboard user can see it: into the opened menu, back to its button when the menu closes, and the
// menu closes when the focus leaves it (Escape too). WCAG 2.1.1, 2.4.3, 2.4.7.
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var sidebar = document.querySelector(".md-sidebar--primary");

  function button(toggle) {
    return document.querySelector('[data-om-toggle="' + toggle.id + '"]');
  }

  function shown(element) {
    return element && element.getClientRects().length > 0;
  }

  function firstLink() {
    return sidebar && sidebar.querySelector(".md-nav__list a[href], .md-nav__list label[tabindex='0']");
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-om-toggle]"), function (label) {
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation(); // the theme's own Enter handler would press the label a second time
      label.click();
    });
  });

  [drawer, search].forEach(function (toggle) {
    if (!toggle || !button(toggle)) return;
    function sync() { button(toggle).setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    toggle.addEventListener("change", sync);
    sync();
  });

  if (drawer && sidebar && button(drawer)) {
    drawer.addEventListener("change", function () {
      var menu = button(drawer);
      if (drawer.checked && document.activeElement === menu) {
        var link = firstLink();
        if (link) link.focus();
      } else if (!drawer.checked && (sidebar.contains(document.activeElement) || document.activeElement === document.body)) {
        if (shown(menu)) menu.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) button(drawer).click();
    });
    document.addEventListener("focusin", function (event) {
      if (drawer.checked && !sidebar.contains(event.target) && event.target !== button(drawer)) {
        drawer.click(); // Tab past the menu's last link closes it, like a click beside it
      }
    });
  }

  if (search && button(search)) {
    search.addEventListener("change", function () {
      var active = document.activeElement;
      var inSearch = active === document.body || (active && active.closest && active.closest(".md-search"));
      if (!search.checked && inSearch && shown(button(search))) button(search).focus();
    });
  }
})();
