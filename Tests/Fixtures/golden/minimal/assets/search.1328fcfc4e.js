// Progressive enhancement: the search form goes to the search page, which lists every CPTS.
// With JavaScript, the list there is filtered as one types.
(function () {
  "use strict";
  var input = document.getElementById("recherche-cpts");
  var list = document.getElementById("resultats");
  if (!input || !list) { return; }
  var none = document.getElementById("aucun-resultat");
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function filter() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var text = fold(item.getAttribute("data-search") || "");
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    if (none) { none.hidden = shown !== 0; }
  }
  input.addEventListener("input", filter);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; }
  filter();
})();
