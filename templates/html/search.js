// The site's search: the index (search-index.js) is loaded with the page,
// so it works from any folder, even opened from disk, and asks no server.
// Every word typed must appear in an entry's title, text or date; entries
// whose title has them come first. Results are announced to screen readers.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var box = document.getElementById("search-words");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = document.body.getAttribute("data-root") || "";
  var entries = window.agendapackSearch || [];
  var limit = 50;

  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9%£]+/).filter(Boolean);
  }
  var prepared = entries.map(function (e) {
    return { entry: e, title: words(e.title).join(" "), all: words(e.kind + " " + e.title + " " + e.text + " " + e.date).join(" ") };
  });

  function search(query) {
    var wanted = words(query);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!wanted.length) { status.textContent = "Type a word or two to search the meetings, papers, glossary and decisions."; return; }
    var found = prepared.filter(function (p) {
      return wanted.every(function (w) { return (" " + p.all).indexOf(" " + w) !== -1; });
    });
    found.sort(function (a, b) {
      var at = wanted.every(function (w) { return (" " + a.title).indexOf(" " + w) !== -1; });
      var bt = wanted.every(function (w) { return (" " + b.title).indexOf(" " + w) !== -1; });
      return (bt ? 1 : 0) - (at ? 1 : 0);
    });
    found.slice(0, limit).forEach(function (p) {
      var e = p.entry, li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("span");
      a.href = root + e.href;
      a.textContent = e.title;
      meta.className = "search-meta";
      meta.textContent = " " + e.kind + (e.date ? ", " + e.date : "");
      li.appendChild(a);
      li.appendChild(meta);
      if (e.text) { var p2 = document.createElement("p"); p2.textContent = e.text; li.appendChild(p2); }
      list.appendChild(li);
    });
    status.textContent = (found.length === 0 ? "No results" : found.length === 1 ? "1 result" : found.length + " results") +
      " for \u201c" + query.trim() + "\u201d" + (found.length > limit ? ", the first " + limit + " shown" : "") + ".";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); search(box.value); });
  var given = new URLSearchParams(window.location.search).get("q");
  if (given) { box.value = given; search(given); }
})();
