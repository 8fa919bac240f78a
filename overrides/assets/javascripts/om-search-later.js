// Material fetches the search index (130 kB and more) as soon as a page loads. This holds that one request back
// until the visitor opens the search: the search toggle, a focus in the search field, the theme's shortcut keys
// (they set the toggle), or a link with ?h= that highlights search words. Loaded before the theme's bundle.
// Material (9.8) fetches the index with XMLHttpRequest; if a later version does not, nothing here changes anything.
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = /[?&]h=/.test(window.location.search);

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.omSearchIndex = INDEX.test(new URL(String(url), document.baseURI).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.omSearchIndex && !released) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) release();
  }, true);
})();
