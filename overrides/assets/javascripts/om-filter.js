// Filters the overview lists instantly as the visitor chooses; without JavaScript the filter pages do the same.
// Markup (generated): <div class="om-facets"> with one list item per facet and a link per value, then the marker
// <div class="om-filter" data-om-noun="…" data-om-search="…">, then <div class="om-entries"> whose list items carry
// data-om="a0 b12" (facet letter, number of the value's link). The choices are kept in the address
// (?bundesland=bayern&q=m%C3%BCnchen), so a filtered view can be shared and bookmarked. Once the form stands, the
// facet links are hidden: the form offers the same choices, and each filter shows once (the links stay for
// visitors without JavaScript). After each change the list sends "om-filtered", so the map can follow (om-map.js).
(function () {
  "use strict";

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var count = 0; // numbers the controls of the page, for their labels

  // Two spellings without umlauts, so "München", "Muenchen" and "Munchen" find each other.
  function folded(text, umlautsAsE) {
    var lower = text.toLowerCase().replace(/ß/g, "ss");
    if (umlautsAsE) lower = lower.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue");
    return lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function matches(needle, haystack) {
    return !needle || folded(haystack, true).indexOf(folded(needle, true)) >= 0 ||
      folded(haystack, false).indexOf(folded(needle, false)) >= 0;
  }

  // The last two parts of a filter page's address: ".../partner/netzwerk/muenchen/" → ["netzwerk", "muenchen"].
  function keyAndValue(link) {
    var parts = link.pathname.replace(/(\/index\.html|\.html|\/)$/, "").split("/");
    return [decodeURIComponent(parts[parts.length - 2]), decodeURIComponent(parts[parts.length - 1])];
  }

  function facetsOf(list) {
    return Array.prototype.map.call(list.querySelectorAll(":scope > ul > li"), function (item, index) {
      var name = item.querySelector("strong").textContent.replace(/:\s*$/, "").trim();
      var key = null;
      var choices = Array.prototype.map.call(item.querySelectorAll("a"), function (link, number) {
        var pair = keyAndValue(link);
        var count = link.nextSibling && /^\s*\((\d+)\)/.exec(link.nextSibling.textContent);
        key = pair[0];
        return {
          label: link.textContent.trim() + (count ? " (" + count[1] + ")" : ""),
          value: pair[1],
          token: LETTERS[index] + number,
        };
      });
      return { name: name, key: key, choices: choices };
    }).filter(function (facet) { return facet.key && facet.choices.length; });
  }

  function field(labelText, control) {
    var wrapper = document.createElement("div");
    wrapper.className = "om-filter__field";
    var label = document.createElement("label");
    control.id = "om-filter-" + (++count);
    label.htmlFor = control.id;
    label.textContent = labelText;
    wrapper.appendChild(label);
    wrapper.appendChild(control);
    return wrapper;
  }

  function entryOf(item) {
    var name = item.querySelector("a");
    var texts = Array.prototype.map.call(item.querySelectorAll(".om-q"), function (span) { return span.textContent; });
    return {
      item: item,
      tokens: (item.getAttribute("data-om") || "").split(" "),
      text: [name ? name.textContent : ""].concat(texts).join(" "),
    };
  }

  function setUp(marker) {
    var list = marker.previousElementSibling;
    var entriesBlock = marker.nextElementSibling;
    if (!list || !list.matches(".om-facets") || !entriesBlock || !entriesBlock.matches(".om-entries")) return;
    var entries = Array.prototype.map.call(
      entriesBlock.querySelectorAll(":scope > ul > li, :scope > ol > li"), entryOf);
    var noun = marker.getAttribute("data-om-noun") || "Einträgen";
    var form = document.createElement("form");
    form.className = "om-filter__form";
    form.setAttribute("role", "search");
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Liste filtern";
    fieldset.appendChild(legend);
    form.appendChild(fieldset);

    var search = document.createElement("input");
    search.type = "search";
    search.name = "q";
    search.autocomplete = "off";
    fieldset.appendChild(field("Suche: " + (marker.getAttribute("data-om-search") || "Name"), search));

    var filters = facetsOf(list).map(function (facet) {
      var select = document.createElement("select");
      select.name = facet.key;
      select.appendChild(new Option("alle", ""));
      facet.choices.forEach(function (choice) { select.appendChild(new Option(choice.label, choice.token)); });
      fieldset.appendChild(field(facet.name, select));
      return { facet: facet, select: select };
    });

    var summary = document.createElement("p");
    summary.className = "om-filter__count";
    summary.setAttribute("role", "status");
    fieldset.appendChild(summary);

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      search.value = params.get("q") || "";
      filters.forEach(function (f) {
        var wanted = params.get(f.facet.key);
        var choice = f.facet.choices.filter(function (c) { return c.value === wanted; })[0];
        f.select.value = choice ? choice.token : "";
      });
    }

    function toAddress() {
      var params = new URLSearchParams(window.location.search);
      filters.forEach(function (f) {
        var choice = f.facet.choices.filter(function (c) { return c.token === f.select.value; })[0];
        if (choice) params.set(f.facet.key, choice.value); else params.delete(f.facet.key);
      });
      if (search.value.trim()) params.set("q", search.value.trim()); else params.delete("q");
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function apply() {
      var shown = 0;
      var chosen = filters.map(function (f) { return f.select.value; }).filter(Boolean);
      entries.forEach(function (entry) {
        var match = chosen.every(function (token) { return entry.tokens.indexOf(token) >= 0; }) &&
          matches(search.value, entry.text);
        entry.item.hidden = !match;
        if (match) shown += 1;
      });
      summary.textContent = shown + " von " + entries.length + " " + noun + " angezeigt";
      entriesBlock.dispatchEvent(new CustomEvent("om-filtered", { bubbles: true }));
    }

    form.addEventListener("change", function () { apply(); toAddress(); });
    search.addEventListener("input", function () { apply(); toAddress(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    marker.appendChild(form);
    list.hidden = true;
    fromAddress();
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll(".om-filter[data-om-noun]"), setUp);
})();
