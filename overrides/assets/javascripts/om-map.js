// While the pointer is on an entry of a network list (the map's own, or on the overview the filtered list that
// numbers the networks alike), or the entry has keyboard focus, its marker shows the network's name: the map stays
// hidden from screen readers (the list says the same), but sighted keyboard and mouse users see where each network
// is. When the overview's filter (om-filter.js) hides entries, their markers go too: list and map show the same.
(function () {
  "use strict";

  var LISTS = ".om-map > ol > li > a, .om-entries > ol > li > a:first-child";

  function networkOf(link) {
    return link.pathname.replace(/(\/index\.html|\.html|\/)$/, "").split("/").pop();
  }

  Array.prototype.forEach.call(document.querySelectorAll(".om-map"), function (map) {
    var markers = Array.prototype.slice.call(map.querySelectorAll(".om-map__marker[data-network]"));
    function markerOf(id) {
      return markers.filter(function (m) { return m.getAttribute("data-network").split(" ").indexOf(id) >= 0; })[0];
    }
    Array.prototype.forEach.call(document.querySelectorAll(LISTS), function (link) {
      var marker = markerOf(networkOf(link));
      if (!marker) return;
      function on() { marker.classList.add("is-active"); }
      function off() { marker.classList.remove("is-active"); }
      link.addEventListener("focus", on);
      link.addEventListener("blur", off);
      link.addEventListener("mouseenter", on);
      link.addEventListener("mouseleave", off);
    });

    document.addEventListener("om-filtered", function (event) {
      var shown = {};
      Array.prototype.forEach.call(event.target.querySelectorAll("li:not([hidden]) > a:first-child"), function (link) {
        shown[networkOf(link)] = true;
      });
      markers.forEach(function (marker) {
        var any = marker.getAttribute("data-network").split(" ").some(function (id) { return shown[id]; });
        marker.classList.toggle("is-filtered-out", !any);
      });
    });
  });
})();
