// Filters the overview tables instantly as the visitor chooses; without JavaScript the filter pages do the same.
// A marker <div class="om-filter" data-om-filter="Column,Column" data-om-noun="…"> stands right before its table.
(function () {
  "use strict";

  // The values of a cell: the texts of its links, or else its text ("–" means none).
  function valuesOf(cell) {
    var links = cell.querySelectorAll("a");
    var values = links.length
      ? Array.prototype.map.call(links, function (a) { return a.textContent.trim(); })
      : [cell.textContent.trim()];
    return values.filter(function (value) { return value && value !== "–"; });
  }

  function tableAfter(marker) {
    var next = marker.nextElementSibling;
    if (!next) return null;
    return next.matches("table") ? next : next.querySelector("table");
  }

  var count = 0; // numbers the select elements of the page, for their labels

  function setUp(marker) {
    var table = tableAfter(marker);
    if (!table || !table.tHead || !table.tBodies.length) return;
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var noun = marker.getAttribute("data-om-noun") || "Einträgen";
    var form = document.createElement("form");
    form.className = "om-filter__form";
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Liste filtern";
    fieldset.appendChild(legend);
    form.appendChild(fieldset);

    var filters = marker.getAttribute("data-om-filter").split(",").map(function (name) {
      var column = headers.indexOf(name);
      if (column < 0) return null;
      var options = [];
      rows.forEach(function (row) {
        valuesOf(row.cells[column]).forEach(function (value) {
          if (options.indexOf(value) < 0) options.push(value);
        });
      });
      options.sort(function (a, b) { return a.localeCompare(b, "de"); });
      var field = document.createElement("div");
      field.className = "om-filter__field";
      var label = document.createElement("label");
      var select = document.createElement("select");
      select.id = "om-filter-" + (++count);
      select.name = name;
      label.htmlFor = select.id;
      label.textContent = name;
      select.appendChild(new Option("alle", ""));
      options.forEach(function (value) { select.appendChild(new Option(value, value)); });
      field.appendChild(label);
      field.appendChild(select);
      fieldset.appendChild(field);
      return { column: column, select: select };
    }).filter(Boolean);

    var summary = document.createElement("p");
    summary.className = "om-filter__count";
    summary.setAttribute("role", "status");
    fieldset.appendChild(summary);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = filters.every(function (f) {
          return !f.select.value || valuesOf(row.cells[f.column]).indexOf(f.select.value) >= 0;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      summary.textContent = shown + " von " + rows.length + " " + noun + " angezeigt";
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    marker.appendChild(form);
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll(".om-filter[data-om-filter]"), setUp);
})();
