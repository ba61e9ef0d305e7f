// colloquy archive search: the project's own small script, no library and no request to
// any other host. search-index.js hands the index (JSON: one entry per reply and per
// excerpt, {u: link, t: title, k: kind, w: who, x: text}) to colloquySearchIndex below.
// The query comes from ?q= (the form) or #q= in the address; every word must occur.
"use strict";
(function () {
  var MAX_RESULTS = 100;
  var SNIPPET = 220;

  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function queryFromAddress() {
    var hash = window.location.hash.replace(/^#/, "");
    var fromHash = new URLSearchParams(hash).get("q");
    if (fromHash) return fromHash;
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  // The part of `text` around the first word found, with each found word marked.
  function snippet(text, words) {
    var folded = fold(text);
    var first = -1;
    words.forEach(function (w) {
      var i = folded.indexOf(w);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    });
    var start = Math.max(0, first - 60);
    var end = Math.min(text.length, start + SNIPPET);
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode("…"));
    var piece = text.slice(start, end);
    var foldedPiece = folded.slice(start, end);
    var pos = 0;
    while (pos < piece.length) {
      var next = -1, len = 0;
      words.forEach(function (w) {
        var i = foldedPiece.indexOf(w, pos);
        if (i >= 0 && (next < 0 || i < next)) { next = i; len = w.length; }
      });
      if (next < 0) { frag.appendChild(document.createTextNode(piece.slice(pos))); break; }
      if (next > pos) frag.appendChild(document.createTextNode(piece.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + len);
      frag.appendChild(mark);
      pos = next + len;
    }
    if (end < text.length) frag.appendChild(document.createTextNode("…"));
    return frag;
  }

  function show(index, query) {
    var status = document.getElementById("status");
    var list = document.getElementById("results");
    var input = document.getElementById("q");
    if (!status || !list) return;
    if (input && input.value !== query) input.value = query;
    while (list.firstChild) list.removeChild(list.firstChild);
    var words = fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) {
      status.textContent = "Type words to find them in the replies and the excerpts (" + index.length + " entries).";
      return;
    }
    var found = index.filter(function (e) {
      var hay = fold(e.x + " " + (e.w || ""));
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    status.textContent = found.length === 0
      ? "Nothing found for “" + query + "”."
      : (found.length === 1 ? "1 result" : found.length + " results") + " for “" + query + "”" +
        (found.length > MAX_RESULTS ? "; the first " + MAX_RESULTS + " are shown." : ".");
    found.slice(0, MAX_RESULTS).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.u;
      a.textContent = e.k === "reply" ? (e.w || "a member") + " in " + e.t : e.t;
      var where = document.createElement("div");
      where.className = "where";
      where.textContent = e.k === "reply" ? "Reply" : "Excerpt";
      var text = document.createElement("p");
      text.appendChild(snippet(e.x, words));
      li.appendChild(a);
      li.appendChild(where);
      li.appendChild(text);
      list.appendChild(li);
    });
  }

  window.colloquySearchIndex = function (index) {
    var run = function () { show(index, queryFromAddress()); };
    run();
    window.addEventListener("hashchange", run);
    var input = document.getElementById("q");
    if (input) {
      input.addEventListener("input", function () { show(index, input.value); });
      if (!input.value) input.focus();
    }
  };
})();
