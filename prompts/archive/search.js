// colloquy archive search: the project's own small script, no library and no request to
// any other host. search-index.js hands the index (JSON: one entry per reply and per
// excerpt, {u: link, t: title, k: kind, w: who, x: text}) to colloquySearchIndex below,
// with the words to show in the group's language (labels: {max, prompt, none, found: a text
// per plural category, first, replyIn, member, reply, excerpt}; {n}, {query}, {who} and
// {title} are filled in here).
// The query comes from ?q= (the form) or #q= in the address; every word must occur.
"use strict";
(function () {
  var SNIPPET = 220;

  // `text` with each {name} replaced by values[name] (taken literally, never as a pattern).
  function fill(text, values) {
    return String(text).replace(/\{(n|query|who|title)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // The text of labels.found for `n` results, by the plural rules of the page's language.
  function foundText(labels, n, query) {
    var form = "other";
    try {
      form = new Intl.PluralRules(document.documentElement.lang || "en").select(n);
    } catch (e) {
      form = n === 1 ? "one" : "other";
    }
    var pattern = labels.found[form] || labels.found.other;
    return fill(pattern, { n: n, query: query });
  }

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

  function show(index, labels, query) {
    var status = document.getElementById("status");
    var list = document.getElementById("results");
    var input = document.getElementById("q");
    if (!status || !list) return;
    if (input && input.value !== query) input.value = query;
    while (list.firstChild) list.removeChild(list.firstChild);
    var words = fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) {
      status.textContent = labels.prompt;
      return;
    }
    var found = index.filter(function (e) {
      var hay = fold(e.x + " " + (e.w || ""));
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    status.textContent = found.length === 0
      ? fill(labels.none, { query: query })
      : foundText(labels, found.length, query) +
        (found.length > labels.max ? " " + labels.first : "");
    found.slice(0, labels.max).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.u;
      a.textContent = e.k === "reply" ? fill(labels.replyIn, { who: e.w || labels.member, title: e.t }) : e.t;
      var where = document.createElement("div");
      where.className = "where";
      where.textContent = e.k === "reply" ? labels.reply : labels.excerpt;
      var text = document.createElement("p");
      text.appendChild(snippet(e.x, words));
      li.appendChild(a);
      li.appendChild(where);
      li.appendChild(text);
      list.appendChild(li);
    });
  }

  window.colloquySearchIndex = function (index, labels) {
    var run = function () { show(index, labels, queryFromAddress()); };
    run();
    window.addEventListener("hashchange", run);
    var input = document.getElementById("q");
    if (input) {
      input.addEventListener("input", function () { show(index, labels, input.value); });
      if (!input.value) input.focus();
    }
  };
})();
