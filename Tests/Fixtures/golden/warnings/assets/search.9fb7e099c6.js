// Progressive enhancement: the search form goes to the search page, which lists every CPTS.
// With JavaScript, the list there is filtered as one types: by the words of each item (name, department and
// its number, stage) and, once data/search.json has loaded, by the names of the communes each CPTS covers.
(function () {
  "use strict";
  var input = document.getElementById("recherche-cpts");
  var list = document.getElementById("resultats");
  if (!input || !list) { return; }
  var none = document.getElementById("aucun-resultat");
  var communes = {};
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae").replace(/[-'\u2019]/g, " ");
  }
  function contains(text, word) { return text.indexOf(word) !== -1; }
  // The communes whose name holds every word the CPTS's own text does not, the exact name first.
  function communesMatching(item, words, text, query) {
    var found = (communes[item.getAttribute("data-path")] || []).filter(function (commune) {
      return words.every(function (word) { return contains(text, word) || contains(commune.folded, word); });
    });
    return found.sort(function (a, b) { return (b.folded === query) - (a.folded === query); });
  }
  function names(found) {
    var shown = found.slice(0, 3).map(function (commune) { return commune.name; }).join(", ");
    return found.length > 3 ? shown + " et " + (found.length - 3) + " autres" : shown;
  }
  function filter() {
    var query = fold(input.value).trim().replace(/\s+/g, " ");
    var words = query.split(" ").filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var text = fold(item.getAttribute("data-search") || "");
      var match = words.every(function (word) { return contains(text, word); });
      var found = match || words.length === 0 ? [] : communesMatching(item, words, text, query);
      var note = item.querySelector(".search-communes");
      if (note) { note.textContent = found.length ? " \u2014 couvre " + names(found) : ""; }
      match = match || found.length > 0;
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    if (none) { none.hidden = shown !== 0; }
  }
  input.addEventListener("input", filter);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; }
  filter();
  var index = list.getAttribute("data-index");
  if (index && window.fetch) {
    fetch(index).then(function (response) { return response.ok ? response.json() : []; }).then(function (entries) {
      entries.forEach(function (entry) {
        communes[entry.url] = (entry.communes || []).map(function (name) { return { name: name, folded: fold(name) }; });
      });
      list.setAttribute("data-communes", "loaded");
      filter();
    }).catch(function () { /* Without the index, the search still covers names, departments and stages. */ });
  }
})();
