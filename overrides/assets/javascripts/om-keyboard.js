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
    if (!element) return false;
    if (element.checkVisibility) return element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    return element.getClientRects().length > 0;
  }

  // The first entry of the menu a visitor sees (the theme hides some, e.g. the current page's link beside its toc).
  function firstLink() {
    var candidates = sidebar ? sidebar.querySelectorAll(".md-nav__list a[href], .md-nav__list label[tabindex='0']") : [];
    return Array.prototype.filter.call(candidates, shown)[0];
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-om-toggle]"), function (label) {
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation(); // the theme's own Enter handler would press the label a second time
      label.click();
    });
  });

  // Space presses the menu's own focusable labels too (sub-menus and their way back); the theme handles only Enter.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== " " || !target || target.tagName !== "LABEL" || !target.hasAttribute("tabindex")) return;
    if (target.hasAttribute("data-om-toggle")) return;
    event.preventDefault();
    target.click();
  });

  // A sub-menu opened or closed: the focus goes to what now stands where the pressed label was.
  if (sidebar) {
    sidebar.addEventListener("change", function (event) {
      var toggle = event.target;
      if (!toggle.classList || !toggle.classList.contains("md-nav__toggle") || toggle.id === "__toc") return;
      var active = document.activeElement;
      if (!active || active.tagName !== "LABEL" || active.htmlFor !== toggle.id) return;
      window.setTimeout(function () {
        var item = toggle.parentNode;
        var panel = item.querySelector(":scope > .md-nav");
        var target = toggle.checked
          ? panel && panel.querySelector(":scope > .md-nav__title")
          : item.querySelector(":scope > label.md-nav__link, :scope > .md-nav__container > label") ||
            item.querySelector(":scope > .md-nav__container > a");
        // Without scrolling: the panel is still sliding in, and scrolling the menu to it would push it aside.
        if (target) target.focus({ preventScroll: true });
      }, 0);
    });
  }

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
        // After the label's own activation, which would take the focus back to it.
        if (link) window.setTimeout(function () { link.focus({ preventScroll: true }); }, 0);
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
    var field = document.querySelector(".md-search__input");
    search.addEventListener("change", function () {
      var active = document.activeElement;
      var inSearch = active === document.body || (active && active.closest && active.closest(".md-search"));
      if (!search.checked && inSearch && shown(button(search))) button(search).focus();
      // Opened: into the field (the theme tries that before the closed search is shown again, om.css).
      if (search.checked && field && active !== field) {
        window.setTimeout(function () { field.focus(); }, 0);
      }
    });
    // The theme's keys for the search (/, s, f) focus the field; below 960 px the closed field takes no focus,
    // so these keys press the search button there.
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (["/", "s", "f"].indexOf(event.key) < 0 || event.ctrlKey || event.metaKey || event.altKey) return;
      if (search.checked || !shown(button(search))) return;
      if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
      event.preventDefault();
      event.stopPropagation();
      button(search).click();
    });
  }
})();
