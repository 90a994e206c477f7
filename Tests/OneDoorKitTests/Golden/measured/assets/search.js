/* OneDoor search: plain JavaScript, no third-party code. The index is built by `onedoor build` and
   loaded on first use with <script> elements, which work from file:// as well as from any web server.
   The rules for words (accents off, lower case, letters and digits) match the Swift index builder.
   The first part finds and ranks services and needs no browser (`node --test Tests/search` runs it);
   the second shows them on the page. */
(function () {
  "use strict";

  /* Where each value stands in the index files, as docs/search.md describes them. */
  var FORMAT = {
    /* index.js: `facets` holds FACETS_PER_SERVICE numbers a service, at these offsets. */
    FACETS_PER_SERVICE: 4, FACET_CATEGORY: 0, FACET_TYPE: 1, FACET_STATUS: 2, FACET_TEAM: 3,
    /* index.js: each of `categories` is [id, name, parent's position or -1]; each of `teams` [id, name]. */
    CATEGORY_ID: 0, CATEGORY_NAME: 1, CATEGORY_PARENT: 2, TEAM_ID: 0, TEAM_NAME: 1,
    /* terms*.js: each word's postings are pairs: the service's position minus the previous one's, and a weight. */
    POSTING_SIZE: 2, POSTING_DOC_DELTA: 0, POSTING_WEIGHT: 1,
    /* docs-N.js: each service is [name, summary, page]. */
    DOC_NAME: 0, DOC_SUMMARY: 1, DOC_HREF: 2,
    /* index.js: each of `states` (present when notices touch services) is [position, class]. */
    STATE_DOC: 0, STATE_CLASS: 1
  };

  /* Accents off and lower case; the letters written as two (œ, æ, ß) as those two. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }

  function words(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  /* Optimal string alignment distance (a swap of two letters is one edit), or limit + 1 as soon as
     it must exceed `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = [], previous = [], current = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return Math.min(previous[b.length], limit + 1);
  }

  function typoLimit(term) {
    return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
  }

  /* The shards that may hold words starting with the term, or words a typo away from it. */
  function shardsFor(term, shards) {
    var found = shards.filter(function (key) { return key.indexOf(term) === 0 || term.indexOf(key) === 0; });
    if (found.length > 4) found = found.filter(function (key) { return key.length <= term.length; });
    return found;
  }

  /* How well a word of the index answers a term of the query: exactly, as its beginning, a typo
     away from it, or a typo away from its beginning (someone still typing). */
  function quality(term, word) {
    if (word === term) return 1;
    if (word.indexOf(term) === 0) return 0.8;
    var limit = typoLimit(term);
    if (!limit) return 0;
    var edits = distance(term, word, limit);
    if (edits <= limit) return edits === 1 ? 0.6 : 0.4;
    if (word.length > term.length) {
      edits = distance(term, word.slice(0, term.length), limit);
      if (edits <= limit) return edits === 1 ? 0.5 : 0.3;
    }
    return 0;
  }

  /* doc → score for one query term: the best field weight times the quality of the match, of the
     words that answer it at least as well as `minimum`. */
  function matches(term, shardData, minimum) {
    var scores = new Map();
    shardData.forEach(function (shard) {
      for (var word in shard) {
        var q = quality(term, word);
        if (!q || q < (minimum || 0)) continue;
        var postings = shard[word];
        var doc = 0;
        for (var k = 0; k < postings.length; k += FORMAT.POSTING_SIZE) {
          doc += postings[k + FORMAT.POSTING_DOC_DELTA];
          var score = postings[k + FORMAT.POSTING_WEIGHT] * q;
          if (!(scores.get(doc) >= score)) scores.set(doc, score);
        }
      }
    });
    return scores;
  }

  function facetFilter(index, filters) {
    var category = filters.category ? index.categories.findIndex(function (c) { return c[FORMAT.CATEGORY_ID] === filters.category; }) : -1;
    var team = filters.team ? index.teams.findIndex(function (t) { return t[FORMAT.TEAM_ID] === filters.team; }) : -1;
    var type = filters.type ? index.types.indexOf(filters.type) : -1;
    var status = filters.status ? index.statuses.indexOf(filters.status) : -1;
    /* A category filter includes its sub-categories. */
    function inCategory(position) {
      for (var guard = 0; position >= 0 && guard < 64; guard++) {
        if (position === category) return true;
        position = index.categories[position][FORMAT.CATEGORY_PARENT];
      }
      return false;
    }
    return function (doc) {
      if (filters.category && !inCategory(facet(index, doc, FORMAT.FACET_CATEGORY))) return false;
      if (filters.type && facet(index, doc, FORMAT.FACET_TYPE) !== type) return false;
      if (filters.status && facet(index, doc, FORMAT.FACET_STATUS) !== status) return false;
      if (filters.team && facet(index, doc, FORMAT.FACET_TEAM) !== team) return false;
      return true;
    };
  }

  /* Words that say little about a service, left out when a question typed as a sentence finds nothing
     with every word: "how do I reset my password" looks for "reset password". English only. */
  var QUIET_ENGLISH = new Set(("a an and are at be can do does for from get has have how i if in is it me my need " +
    "not of on or please the to want we what when where who why will with you your").split(" "));

  /* French's, with the letters left of an elision (l', d', qu'), which the apostrophe cuts off. */
  var QUIET_FRENCH = new Set(("a au aux avec c ce ces cet cette comment d dans de des du elle en est et il ils j je l la le les " +
    "leur leurs m ma mes moi mon n ne nous on ou par pas pour qu que quel quelle qui s sa se ses si son sur t ta te tes " +
    "ton tu un une vos votre vous y").split(" "));

  function quietWords(language) {
    return /^en\b/i.test(language || "") ? QUIET_ENGLISH : /^fr\b/i.test(language || "") ? QUIET_FRENCH : new Set();
  }

  function every(perTerm) {
    return perTerm.slice(1).reduce(function (all, found) {
      var both = new Map();
      all.forEach(function (score, doc) { if (found.has(doc)) both.set(doc, score + found.get(doc)); });
      return both;
    }, perTerm[0]);
  }

  /* Services matching every term, with the sum of their scores. When none has every term, those with
     every telling term (the quiet words left out), else those with some telling terms, each counting for
     more the fewer services it matches, so that "printer" outweighs "working". */
  function combine(terms, perTerm, count, quiet) {
    var all = every(perTerm);
    if (all.size || terms.length < 2) return { scores: all, partial: false };
    var telling = perTerm.filter(function (found, position) { return !quiet.has(terms[position]); });
    if (!telling.length) telling = perTerm;
    if (telling.length < perTerm.length) {
      all = every(telling);
      if (all.size) return { scores: all, partial: true };
    }
    var some = new Map();
    telling.forEach(function (found) {
      var rarity = Math.log(1 + count / Math.max(found.size, 1));
      found.forEach(function (score, doc) { some.set(doc, (some.get(doc) || 0) + score * rarity); });
    });
    return { scores: some, partial: true };
  }

  /* One of a service's filters (FORMAT.FACET_…) in the index. */
  function facet(index, doc, which) {
    return index.facets[doc * FORMAT.FACETS_PER_SERVICE + which];
  }

  /* The notice state of a service at build time ([position, class]), or undefined. */
  function stateOf(index, doc) {
    if (!index.states) return undefined;
    if (!index.stateByDoc) {
      index.stateByDoc = new Map(index.states.map(function (state) { return [state[FORMAT.STATE_DOC], state]; }));
    }
    return index.stateByDoc.get(doc);
  }

  /* The services the query found (`found`, or every service when there was no word) that pass the
     filters, best first, retired ones last, ties in name order. */
  function rank(index, found, filters) {
    var accept = facetFilter(index, filters);
    var results = [];
    if (found === null) {
      for (var doc = 0; doc < index.count; doc++) if (accept(doc)) results.push({ doc: doc, score: 0 });
    } else {
      found.scores.forEach(function (score, doc) { if (accept(doc)) results.push({ doc: doc, score: score }); });
    }
    var retired = index.statuses.indexOf("retired");
    results.forEach(function (r) { r.retired = facet(index, r.doc, FORMAT.FACET_STATUS) === retired; });
    results.sort(function (a, b) {
      return (a.retired - b.retired) || (b.score - a.score) || (index.order[a.doc] - index.order[b.doc]);
    });
    return results;
  }

  /* The query's words: each once, in the order typed. */
  function terms(query) {
    return Array.from(new Set(words(query)));
  }

  /* The shards' files a term needs. */
  function termFiles(term, index) {
    return shardsFor(term, index.shards).map(function (key) { return key ? "terms-" + key : "terms"; });
  }

  /* Finds and ranks, given the index and the terms files each term needs, already loaded. */
  function find(index, query, filters, quiet, shardData) {
    var wanted = terms(query);
    function answer(minimum) {
      return combine(wanted, wanted.map(function (term, position) {
        return matches(term, shardData[position], minimum);
      }), index.count, quiet);
    }
    /* Services with every word as typed (or its beginning) are the answer, and the count is theirs;
       words a typo away answer only when none has. */
    var exact = wanted.length ? answer(EXACT_OR_PREFIX) : null;
    var found = !exact ? null : exact.scores.size && !exact.partial ? exact : answer(0);
    return { index: index, terms: wanted, results: rank(index, found, filters), partial: Boolean(found && found.partial) };
  }

  /* The quality of a word that is the term, or begins with it. */
  var EXACT_OR_PREFIX = 0.8;

  /* The parts of `name` to mark for `terms`, as [start, length] pairs: a word that is a term, or a typo
     of a whole term, is marked whole; the beginning of a word only for the last term, the one still
     being typed. A short term never marks the inside or the start of a longer word it is not typing. */
  function marks(name, terms) {
    var found = [];
    var pattern = /[\p{L}\p{N}]+/gu;
    var match;
    while ((match = pattern.exec(name)) !== null) {
      var folded = fold(match[0]);
      var length = 0;
      terms.forEach(function (term, position) {
        var q = quality(term, folded);
        if (q === 1 || q === 0.6 || q === 0.4) length = match[0].length;
        else if (q === EXACT_OR_PREFIX && position === terms.length - 1) length = Math.max(length, Math.min(term.length, match[0].length));
      });
      if (length) found.push([match.index, length]);
    }
    return found;
  }

  var core = {
    FORMAT: FORMAT, fold: fold, words: words, distance: distance, quality: quality, shardsFor: shardsFor,
    matches: matches, combine: combine, facetFilter: facetFilter, rank: rank, terms: terms, termFiles: termFiles,
    find: find, quietWords: quietWords, marks: marks, stateOf: stateOf
  };
  if (typeof document === "undefined") {
    module.exports = core;
    return;
  }

  /* ---- In the page ---- */

  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var loaded = {};
  var waiting = {};
  var SHOWN = 10;
  var QUIET = quietWords(document.documentElement.lang);
  /* The page's words for what the client writes (data-words on the search form), in its language. */
  var WORDS = {};

  function say(key, count) {
    return (WORDS[key] || key).replace("{0}", count === undefined ? "" : String(count));
  }

  window.OneDoorSearch = {
    receive: function (name, data) {
      loaded[name] = data;
      (waiting[name] || []).forEach(function (w) { w.resolve(data); });
      delete waiting[name];
    }
  };

  function load(name) {
    if (loaded[name] !== undefined) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      if (!waiting[name]) {
        waiting[name] = [];
        var element = document.createElement("script");
        element.src = root + "search/" + name + ".js";
        element.async = true;
        element.onerror = function () {
          (waiting[name] || []).forEach(function (w) { w.reject(new Error(WORDS.unavailable || "The search index could not be loaded.")); });
          delete waiting[name];
          element.remove();
        };
        document.head.appendChild(element);
      }
      waiting[name].push({ resolve: resolve, reject: reject });
    });
  }

  /* Every service matching all terms and the filters, best first, retired ones last. */
  function search(query, filters) {
    var filtered = Object.keys(filters).some(function (key) { return filters[key]; });
    if (!terms(query).length && !filtered) return Promise.resolve(null);
    return load("index").then(function (index) {
      return Promise.all(terms(query).map(function (term) {
        return Promise.all(termFiles(term, index).map(load));
      })).then(function (shardData) {
        return find(index, query, filters, QUIET, shardData);
      });
    });
  }

  function documentsFor(index, results) {
    var chunks = Array.from(new Set(results.map(function (r) { return Math.floor(r.doc / index.chunk); })));
    return Promise.all(chunks.map(function (c) { return load("docs-" + c); })).then(function () {
      return results.map(function (r) {
        var d = loaded["docs-" + Math.floor(r.doc / index.chunk)][r.doc % index.chunk];
        return { name: d[FORMAT.DOC_NAME], summary: d[FORMAT.DOC_SUMMARY], href: d[FORMAT.DOC_HREF], doc: r.doc, retired: r.retired };
      });
    });
  }

  /* The name as text nodes, with the parts that match a term in <mark>. */
  function highlighted(name, terms) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    marks(name, terms).forEach(function (part) {
      fragment.appendChild(document.createTextNode(name.slice(last, part[0])));
      var mark = document.createElement("mark");
      mark.textContent = name.slice(part[0], part[0] + part[1]);
      fragment.appendChild(mark);
      last = part[0] + part[1];
    });
    fragment.appendChild(document.createTextNode(name.slice(last)));
    return fragment;
  }

  function setUp(form) {
    var input = form.querySelector("input[name=q]");
    var panel = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results-list");
    var more = document.getElementById("search-more");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var generation = 0;
    var showAll = false;

    function filters() {
      var result = {};
      selects.forEach(function (select) { if (select.value) result[select.name] = select.value; });
      return result;
    }

    function keepInURL() {
      var params = new URLSearchParams();
      if (input.value) params.set("q", input.value);
      var chosen = filters();
      Object.keys(chosen).forEach(function (key) { params.set(key, chosen[key]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function show(found, people) {
      list.textContent = "";
      var index = found.index;
      people.forEach(function (doc) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + doc.href;
        link.className = "result-link";
        link.appendChild(highlighted(doc.name, found.terms));
        item.appendChild(link);
        var statusName = index.statuses[facet(index, doc.doc, FORMAT.FACET_STATUS)];
        if (statusName !== "live") {
          var tag = document.createElement("strong");
          tag.className = "tag tag-" + statusName;
          tag.textContent = say(statusName);
          item.appendChild(document.createTextNode(" "));
          item.appendChild(tag);
        }
        var state = stateOf(index, doc.doc);
        if (state) {
          var stateTag = document.createElement("strong");
          stateTag.className = "tag tag-" + state[FORMAT.STATE_CLASS];
          stateTag.textContent = say(state[FORMAT.STATE_CLASS]);
          item.appendChild(document.createTextNode(" "));
          item.appendChild(stateTag);
        }
        var summary = document.createElement("p");
        summary.textContent = doc.summary;
        item.appendChild(summary);
        var meta = document.createElement("p");
        meta.className = "result-meta";
        /* Category and owning team, so that services of the same name can be told apart. */
        var category = index.categories[facet(index, doc.doc, FORMAT.FACET_CATEGORY)];
        var team = index.teams[facet(index, doc.doc, FORMAT.FACET_TEAM)];
        meta.textContent = [category ? category[FORMAT.CATEGORY_NAME] : "", team ? team[FORMAT.TEAM_NAME] : "",
          say(statusName)].filter(Boolean).join(" · ");
        item.appendChild(meta);
        list.appendChild(item);
      });
    }

    function run() {
      var mine = ++generation;
      keepInURL();
      search(input.value, filters()).then(function (found) {
        if (mine !== generation) return;
        if (!found) {
          panel.hidden = true;
          list.textContent = "";
          status.textContent = "";
          answered();
          return;
        }
        var shown = showAll ? found.results : found.results.slice(0, SHOWN);
        return documentsFor(found.index, shown).then(function (people) {
          if (mine !== generation) return;
          panel.hidden = false;
          var count = found.results.length;
          status.textContent = count === 0
            ? say("none")
            : (found.partial ? say("partial") : "") +
              say((found.partial ? "some_" : "found_") + (count === 1 ? "one" : "many"), count) +
              (shown.length < count ? say("showing", shown.length) : "");
          more.hidden = shown.length >= count;
          show(found, people);
          answered();
        });
      }).catch(function (error) {
        panel.hidden = false;
        status.textContent = error.message;
      });
    }

    /* Says which query the results on show answer, for tests and benchmarks to wait on. */
    function answered() {
      panel.setAttribute("data-answered", input.value + "\n" + JSON.stringify(filters()));
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a.result-link"));
    }

    input.addEventListener("input", function () { showAll = false; run(); });
    selects.forEach(function (select) { select.addEventListener("change", function () { showAll = false; run(); }); });
    more.addEventListener("click", function () { showAll = true; run(); });
    form.addEventListener("submit", function (event) {
      /* With the script, results show here; the first result opens with Enter. */
      event.preventDefault();
      var first = links()[0];
      if (first && input.value) first.click();
      else run();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = links()[0];
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape") {
        input.value = "";
        showAll = false;
        run();
      }
    });
    list.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      else if (event.key === "Escape") { event.preventDefault(); input.value = ""; run(); input.focus(); }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });

    var params = new URLSearchParams(location.search);
    var restored = false;
    if (params.get("q")) { input.value = params.get("q"); restored = true; }
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value) { select.value = value; restored = true; }
    });
    if (selects.some(function (select) { return select.value; })) {
      var details = form.querySelector("details");
      if (details) details.open = true;
    }
    if (restored) run();
    /* The index loads when someone starts to search, so no page waits for it. */
    input.addEventListener("focus", function () { load("index").catch(function () {}); }, { once: true });
  }

  function start() {
    var form = document.querySelector("form[data-search]");
    if (!form) return;
    try { WORDS = JSON.parse(form.getAttribute("data-words") || "{}"); } catch (error) { WORDS = {}; }
    setUp(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
