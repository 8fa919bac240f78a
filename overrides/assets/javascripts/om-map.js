// While the pointer is on an entry of the network list below the map, or the entry has keyboard focus, its marker
// shows the network's name: the map stays hidden from screen readers (the list says the same), but sighted
// keyboard and mouse users see where each network is.
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll(".om-map"), function (map) {
    var markers = Array.prototype.slice.call(map.querySelectorAll(".om-map__marker[data-network]"));
    Array.prototype.forEach.call(map.querySelectorAll(":scope > ol a"), function (link) {
      var id = link.pathname.replace(/(\/index\.html|\.html|\/)$/, "").split("/").pop();
      var marker = markers.filter(function (m) { return m.getAttribute("data-network").split(" ").indexOf(id) >= 0; })[0];
      if (!marker) return;
      function on() { marker.classList.add("is-active"); }
      function off() { marker.classList.remove("is-active"); }
      link.addEventListener("focus", on);
      link.addEventListener("blur", off);
      link.addEventListener("mouseenter", on);
      link.addEventListener("mouseleave", off);
    });
  });
})();
