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
    /* terms*.js: each word's postings are pairs: the service's position minus the previous one's, and a
       code: the field (1 body … 5 name) shifted left by CODE_FIELD_SHIFT, and for a name, its number of words. */
    POSTING_SIZE: 2, POSTING_DOC_DELTA: 0, POSTING_CODE: 1, CODE_FIELD_SHIFT: 4, CODE_NAME_WORDS: 15,
    /* docs-N.js: each service is [name, summary, page]. */
    DOC_NAME: 0, DOC_SUMMARY: 1, DOC_HREF: 2,
    /* terms*.js, after the words: the services its words put first, each [position, name, summary, page]. */
    SHOWN_DOC: 0, SHOWN_NAME: 1, SHOWN_SUMMARY: 2, SHOWN_HREF: 3,
    /* index.js: each of `states` (present when notices touch services) is [position, class]. */
    STATE_DOC: 0, STATE_CLASS: 1
  };

  /* The stemmers, shared with nothing else: stem.js (a script of its own on the page, loaded first). */
  var STEM = typeof document === "undefined" ? require("./stem.js") : window.OneDoorStem;

  /* Accents off and lower case; the letters written as two (œ, æ, ß) as those two. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }

  function words(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  /* The words of a text as search files them: { raw: folded as typed, stem: folded stem }. English
     words are folded, then stemmed; French ones stemmed with their accents (which the stemmer reads),
     then folded — as the index builder does. */
  function keyed(text, stemmer) {
    if (stemmer === "french") {
      return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).map(function (word) {
        return { raw: fold(word), stem: fold(STEM.french(word)), stemmer: stemmer };
      });
    }
    return words(text).map(function (word) {
      return { raw: word, stem: stemOf(word, stemmer), stemmer: stemmer };
    });
  }

  /* The stem of a folded word (French folded words are stemmed as they are). */
  function stemOf(word, stemmer) {
    return stemmer === "english" ? STEM.english(word) : stemmer === "french" ? fold(STEM.french(word)) : word;
  }

  /* Optimal string alignment distance (a swap of two letters is one edit) between the first `aLength`
     letters of `a` and the first `bLength` of `b` (all of them when not given), or limit + 1 as soon as
     it must exceed `limit`. Without a string or an array made: a keystroke compares a term with
     hundreds of words, and what it leaves behind is work for the garbage collector. */
  function distance(a, b, limit, aLength, bLength) {
    var m = aLength === undefined ? a.length : aLength, n = bLength === undefined ? b.length : bLength;
    if (Math.abs(m - n) > limit) return limit + 1;
    /* Three rows of `rows`, at these offsets, reused. */
    var width = n + 1;
    if (rows.length < 3 * width) rows = new Int32Array(6 * width);
    var previous2 = 0, previous = width, current = 2 * width;
    for (var j = 0; j <= n; j++) rows[previous + j] = j;
    for (var i = 1; i <= m; i++) {
      rows[current] = i;
      var best = i;
      for (j = 1; j <= n; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var value = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
        if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
          value = Math.min(value, rows[previous2 + j - 2] + 1);
        }
        rows[current + j] = value;
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      var oldest = previous2;
      previous2 = previous;
      previous = current;
      current = oldest;
    }
    return Math.min(rows[previous + n], limit + 1);
  }
  var rows = new Int32Array(96);

  function typoLimit(term) {
    return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
  }

  /* How well a word of the index answers a term of the query ({ raw, stem }): as its stem or as typed
     (1), as the beginning of the word (0.8, someone still typing), a typo away (0.6 or 0.4 for two), or
     a typo away from its beginning, or from the word with an ending (0.5, 0.3). */
  function quality(term, word) {
    var plain = exactOrPrefix(term, word);
    if (plain) return plain;
    var limit = typoLimit(term.raw);
    if (!limit) return 0;
    var edits = Math.min(distance(term.stem, word, limit), distance(term.raw, word, limit));
    if (edits <= limit) return edits === 1 ? 0.6 : 0.4;
    if (word.length > term.raw.length) {
      edits = distance(term.raw, word, limit, term.raw.length, term.raw.length);
      if (edits <= limit) return edits === 1 ? 0.5 : 0.3;
    }
    /* A stem is the beginning of its words, so a word typed with a typo may be its stem and an ending
       of up to 4 letters: "hostnig" is "host" + "nig"; or a letter away from its stem, and an ending
       of up to 5 that the stem takes: "secrity" is "secr" + "ity", where "secr" is a letter away from
       "secur" and "secur" + "ity" stems to "secur" again. */
    for (var k = word.length - 1; word.length >= 4 && k <= word.length + 1; k++) {
      var ending = term.raw.length - k;
      if (ending < 1 || ending > 5) continue;
      var near = distance(term.raw, word, 1, k);
      if ((near === 0 && ending <= 4) || (near === 1 && stemOf(word + term.raw.slice(k), term.stemmer) === word)) return 0.5;
    }
    return 0;
  }

  /* `quality`, for a word that is the term or begins with it; 0 for any other. */
  function exactOrPrefix(term, word) {
    if (word === term.stem || word === term.raw) return 1;
    return term.raw.length >= PREFIX_LETTERS && word.indexOf(term.raw) === 0 ? EXACT_OR_PREFIX : 0;
  }

  /* The quality of a word that is the term, or begins with it. */
  var EXACT_OR_PREFIX = 0.8;

  /* A term of fewer letters than this is looked up as it is, not as the beginning of longer words: two
     letters begin too many words to be worth loading them all. */
  var PREFIX_LETTERS = 3;

  /* A letter of a file's key: a-z and 0-9 as they are, _ for any other. */
  function keyLetter(c) {
    var code = c.charCodeAt(0);
    return c.length === 1 && (code >= 97 && code <= 122 || code >= 48 && code <= 57) ? c : "_";
  }

  /* The prefix of `length` letters a terms file is named by. */
  function shardKey(word, length) {
    return Array.from(word, keyLetter).join("").slice(0, length);
  }

  /* The keys of the words files that hold every word a term may be typing or mistyping: its first two
     letters, and those it has without its first or its second (docs/search.md). */
  function vocabularyKeys(raw) {
    var letters = Array.from(raw).map(keyLetter);
    if (letters.length < 2) return [];
    var keys = [letters[0] + letters[1]];
    if (letters.length >= 3) keys.push(letters[1] + letters[2], letters[0] + letters[2]);
    return keys.filter(function (key, position) { return keys.indexOf(key) === position; });
  }

  /* The terms of a query, each once, in the order typed. */
  function terms(query, stemmer) {
    var seen = new Set();
    return keyed(query, stemmer).filter(function (term) {
      if (seen.has(term.raw)) return false;
      seen.add(term.raw);
      return true;
    });
  }

  function indexSets(index) {
    if (!index.shardSet) {
      index.shardSet = new Set(index.shards);
      index.longestShard = index.shards.reduce(function (longest, key) { return Math.max(longest, Array.from(key).length); }, 0);
      index.vocabularySet = new Set(index.vocabulary);
      index.shardOf = new Map();
    }
    return index;
  }

  /* The files a query needs first: its words files, and the terms files of its words as typed and
     stemmed, which most often hold every word that answers it, so that they load together. A small
     index has no words files: its one terms file holds every word. Every word a term is or begins is
     in the words file of its first two letters; the other two keys hold the words a typo in those
     letters away, needed only when nothing answers the words as typed, and only for the terms that
     `find` names (`typos`), so they load then: each file a keystroke waits for costs it a millisecond
     or two. */
  function vocabularyFiles(index, query, typos) {
    indexSets(index);
    if (!index.vocabulary.length) return index.shards.map(function (key) { return key ? "terms-" + key : "terms"; });
    var names = new Set();
    function add(name) { if (name) names.add(name); }
    var wanted = terms(query, index.stemmer);
    wanted.forEach(function (term) {
      add(shardFor(term.stem, index));
      add(shardFor(term.raw, index));
      /* The everyday words it meets (`fund`: money, grant…), known from the term alone. */
      everyday(term).forEach(function (stem) { add(shardFor(stem, index)); });
      if (term.raw.length < PREFIX_LETTERS) return;
      /* The terms files of the words the term begins, when they are split by longer prefixes (not
         those of pairs, whose keys have "_" for the space). */
      var key = shardKey(term.raw, index.longestShard);
      if (key === term.raw) {
        index.shards.forEach(function (shard) {
          if (shard.length > key.length && shard.indexOf(key) === 0 && shard.indexOf("_", key.length) < 0) names.add("terms-" + shard);
        });
      }
      wordsFiles(index, vocabularyKeys(term.raw).slice(0, asksTypos(typos, term) ? 3 : 1)).forEach(add);
    });
    /* Pairs of words side by side, which put first services that have both. */
    pairFiles(wanted, new Set(), index).forEach(add);
    return Array.from(names);
  }

  /* The terms that no word of the index is or begins, when the words files at hand already say so —
     `find` would name them for typos once it had looked (`typoTerms`) — so that the files of the words a
     typo away load with a query's first files rather than a round or two after them. Terms that a
     typo cannot answer (fewer than four letters), or that everyday words may answer, are left to `find`. */
  function typosFromWords(index, query, files) {
    indexSets(index);
    if (!index.vocabulary.length) return null;
    var unanswered = terms(query, index.stemmer).filter(function (term) {
      if (!typoLimit(term.raw) || everyday(term).length) return false;
      var key = vocabularyKeys(term.raw)[0];
      var words = index.vocabularySet.has(key) ? files["words-" + key] : [];
      return words !== undefined && !words.some(function (word) { return exactOrPrefix(term, word); });
    });
    return unanswered.length ? unanswered.map(function (term) { return term.raw; }) : null;
  }

  /* Whether `typos` (as `find` gives them, or null) names the term. */
  function asksTypos(typos, term) {
    return Boolean(typos && typos.indexOf(term.raw) >= 0);
  }

  /* The terms files of the pairs a query's terms make (`pairs`). */
  function pairFiles(wanted, quiet, index) {
    return pairs(wanted, quiet).map(function (pair) { return shardFor(pair.replace(/\*$/, ""), index); }).filter(Boolean);
  }

  /* The words file a term of two letters will need at its third: worth loading while it is typed. */
  function nextVocabularyFile(index, query) {
    indexSets(index);
    var last = terms(query, index.stemmer).pop();
    if (!last || Array.from(last.raw).length !== PREFIX_LETTERS - 1) return null;
    return wordsFiles(index, vocabularyKeys(last.raw).slice(0, 1))[0] || null;
  }

  /* The words files of the words a typo in the last term's first letters away, from its third letter:
     a keystroke needs them when nothing has the word as typed. Its first three letters name them, and
     each is a few hundred bytes, worth loading while typing pauses (loaded with a keystroke's own
     files, they slow it down). */
  function typoVocabularyFiles(index, query) {
    indexSets(index);
    var last = terms(query, index.stemmer).pop();
    if (!last || Array.from(last.raw).length < PREFIX_LETTERS) return [];
    return wordsFiles(index, vocabularyKeys(last.raw).slice(1));
  }

  /* The words files of `keys` that the index has: a key it lacks begins none of its words. */
  function wordsFiles(index, keys) {
    return keys.filter(function (key) { return index.vocabularySet.has(key); }).map(function (key) { return "words-" + key; });
  }

  /* The terms file that holds a word, or a pair of words: the one named by its longest prefix. */
  function shardFor(word, index) {
    indexSets(index);
    if (index.shardOf.has(word)) return index.shardOf.get(word);
    /* Worked out once a word: a keystroke asks for the terms file of each word that answers it, and
       of the same words again at the next, and each string made here is work for the garbage
       collector, which then interrupts a keystroke. */
    var key = shardKey(word, index.longestShard), found = null;
    for (var length = key.length; length >= 0 && found === null; length--) {
      if (index.shardSet.has(key.slice(0, length))) found = length ? "terms-" + key.slice(0, length) : "terms";
    }
    index.shardOf.set(word, found);
    return found;
  }

  /* Everyday words and the words services are written in, for plain-language needs: someone asks
     for a "gun licence", the service says "firearms". Each group's words find each other, through
     their stems; spelling variants too. Catalogue owners add their own (`synonyms` in catalogue.yaml). */
  var EVERYDAY = {
    english: [
      "gun firearm", "boat vessel craft", "kid kids child children", "job employment", "university college student",
      "tourist visitor", "invention patent", "brand trademark", "company business corporation", "car vehicle automobile",
      "retire retirement pension", "doctor medical health", "sick illness sickness", "house home housing", "rent housing",
      "disabled disability", "school education", "baby child maternity parental", "pregnant pregnancy maternity",
      "farm farmer agriculture agricultural", "fish fishing fisheries", "phone telephone", "internet broadband",
      "licence license", "programme program", "centre center", "defence defense", "organisation organization",
      "colour color", "cheque check", "travelling traveling", "money benefit payment funding", "paid payment",
      "unemployed unemployment employment", "gst hst", "immigrant immigration newcomer", "refugee asylum",
      "lawyer legal", "court tribunal", "police policing rcmp", "weapon firearm", "dog cat pet animal", "plane aircraft aviation",
      "train rail railway", "road highway", "wage salary pay", "grant funding contribution", "loan financing",
      "veteran veterans military", "senior elderly old age", "death deceased bereavement survivor",
      "id identification identity", "record records information", "complain complaint"
    ],
    french: [
      "arme armes feu", "bateau embarcation", "enfant enfants", "emploi travail", "universite etudiant etudes",
      "touriste visiteur", "invention brevet", "marque commerce", "entreprise societe", "voiture vehicule automobile",
      "retraite pension", "medecin sante", "malade maladie", "maison logement", "impot impots", "argent prestation paiement",
      "chomage assurance emploi", "immigrant immigration", "refugie asile", "avocat juridique", "police grc",
      "avion aeronef aviation", "salaire paie", "subvention financement contribution", "pret financement",
      "ancien combattant anciens combattants", "aine aines vieillesse", "deces survivant", "plainte plaintes"
    ]
  };

  /* Every word of a group the term is in, as a stem, other than the term's own. */
  function everyday(term) {
    var groups = EVERYDAY[term.stemmer];
    if (!groups) return [];
    if (!groups.stems) {
      groups.stems = groups.map(function (group) {
        return group.split(" ").map(function (word) { return stemOf(word, term.stemmer); });
      });
    }
    var found = [];
    groups.stems.forEach(function (group) {
      if (group.indexOf(term.stem) < 0) return;
      group.forEach(function (stem) { if (stem !== term.stem && found.indexOf(stem) < 0) found.push(stem); });
    });
    return found;
  }

  /* The quality of a word found through an everyday word's group: counted with exact answers, but
     weighed below the word typed (`university` puts a service that says "university" above one that
     says "student"). */
  var EVERYDAY_QUALITY = 0.9;
  var EVERYDAY_WEIGHT = 0.75;

  /* The words of the index that answer a term, as [word, quality], given the words files loaded: a
     one-letter term answers only as it is; words a typo away only when `typos` asks (they cost a
     comparison letter by letter with every word of the files). */
  function candidates(term, index, files, typos) {
    return keptFor(files, "candidates " + term.raw + " " + term.stem + (typos ? " typos" : ""), function () {
      return candidatesNow(term, index, files, typos);
    });
  }

  function candidatesNow(term, index, files, typos) {
    if (term.raw.length < PREFIX_LETTERS) {
      var exact = [[term.raw, 1]];
      if (term.stem !== term.raw) exact.push([term.stem, 1]);
      everyday(term).forEach(function (stem) { exact.push([stem, EVERYDAY_QUALITY]); });
      return exact;
    }
    var found = new Map();
    function consider(word) {
      if (found.has(word) || word.indexOf(" ") >= 0) return;
      var q = typos ? quality(term, word) : exactOrPrefix(term, word);
      if (q) found.set(word, q);
    }
    if (!index.vocabulary.length) {
      index.shards.forEach(function (key) { Object.keys(files[key ? "terms-" + key : "terms"] || {}).forEach(consider); });
    } else {
      vocabularyKeys(term.raw).forEach(function (key) { (files["words-" + key] || []).forEach(consider); });
    }
    if (!found.has(term.stem)) found.set(term.stem, 1);
    everyday(term).forEach(function (stem) { if (!(found.get(stem) >= EVERYDAY_QUALITY)) found.set(stem, EVERYDAY_QUALITY); });
    return Array.from(found);
  }

  /* Pairs of terms side by side, in order, as the index files them (a space between their stems):
     those of the query, and those of its telling words when quiet ones stand between. */
  function pairs(wanted, quiet) {
    var found = [];
    [wanted, wanted.filter(function (term) { return !quiet.has(term.raw); })].forEach(function (list) {
      for (var i = 0; i + 1 < list.length; i++) {
        var pair = list[i].stem + " " + list[i + 1].stem;
        if (found.indexOf(pair) < 0) found.push(pair);
        /* The last word may be still being typed: the pairs it begins. */
        if (i + 2 === list.length && list[i + 1] === wanted[wanted.length - 1] && list[i + 1].raw.length >= PREFIX_LETTERS) {
          var begun = list[i].stem + " " + list[i + 1].raw + "*";
          if (found.indexOf(begun) < 0) found.push(begun);
        }
      }
    });
    return found;
  }

  /* The postings of a pair, or of every pair that begins so ("process cana*"), merged. */
  function pairPostings(pair, index, files) {
    if (pair.slice(-1) !== "*") {
      var exact = postingsOf(pair, index, files);
      return exact ? [exact] : [];
    }
    var prefix = pair.slice(0, -1);
    var shard = files[shardFor(prefix, index)] || {};
    return Object.keys(shard).filter(function (key) { return key !== prefix && key.indexOf(prefix) === 0; })
      .map(function (key) { return shard[key]; });
  }

  /* The terms files a query needs, once its words files are loaded: those of the words that answer
     it as typed, stemmed or begun; for the terms in `typos`, those of the words a typo away too
     (needed only when no service has every word as typed: `find` names them). */
  function termFiles(index, query, files, quiet, typos) {
    var wanted = terms(query, index.stemmer);
    var names = new Set();
    wanted.forEach(function (term) {
      candidates(term, index, files, asksTypos(typos, term)).forEach(function (candidate) {
        var name = shardFor(candidate[0], index);
        if (name) names.add(name);
      });
    });
    pairFiles(wanted, quiet || new Set(), index).forEach(function (name) { names.add(name); });
    return Array.from(names);
  }

  /* A word's postings, from the terms files loaded, or undefined. */
  function postingsOf(word, index, files) {
    var name = shardFor(word, index);
    var shard = name && files[name];
    return shard && Object.prototype.hasOwnProperty.call(shard, word) ? shard[word] : undefined;
  }

  /* How much a field counts (FORMAT.FIELD_…): body 1, category, team or audience 2, summary 3,
     keyword 6, name 10. */
  var FIELD_WEIGHT = [0, 1, 2, 3, 6, 10];
  var NAME_FIELD = 5;

  /* A name's weight for its length, as BM25 weighs a field's (k1 = 1.2, b = 0.75): a word in a short
     name counts more than the same word in a long one. */
  function nameWeight(nameWords, average) {
    var k1 = 1.2, b = 0.75;
    return FIELD_WEIGHT[NAME_FIELD] * (k1 + 1) / (1 + k1 * (1 - b + b * nameWords / (average || 1)));
  }

  /* For one term: the services it matches (`docs`), each one's score (`score[doc]`): the best field
     weight times the quality of the match, times how rare the term is (BM25's idf over the services it
     matches); and `name[doc]`, the name's length when the term is a word of the name as typed or
     stemmed. Typed arrays, as a term may match thousands of services on every keystroke. Only words at
     least `minimum` good count. */
  function matches(term, index, files, minimum, asBest) {
    var answering = candidates(term, index, files, (minimum || 0) < EXACT_OR_PREFIX).filter(function (candidate) {
      return candidate[1] >= (minimum || 0) && postingsOf(candidate[0], index, files);
    });
    /* A term that only its typos answer (`pasport`) counts its best one as a word typed. */
    var best = asBest ? answering.reduce(function (most, candidate) { return Math.max(most, candidate[1]); }, 0) : 1;
    /* The services matched, in a typed array rather than an array grown by thousands of pushes: each
       step of an array's growth is garbage, and the collector then interrupts a keystroke. Each field
       made with the kind of value it keeps: a field that changes kind (from null to an array) throws
       away the code a browser compiled for the object. */
    var found = {
      docs: new Int32Array(index.count), count: 0, score: new Float64Array(index.count), name: new Uint8Array(index.count),
      topField: 0, whole: answering.some(function (candidate) { return candidate[1] === 1; })
    };
    var weights = postingWeights(index.nameWords);
    for (var c = 0; c < answering.length; c++) {
      var q = answering[c][1] / best;
      addPostings(found, postingsOf(answering[c][0], index, files), q === EVERYDAY_QUALITY ? EVERYDAY_WEIGHT : q, q === 1, weights);
    }
    scaleScores(found, Math.log(1 + (index.count - found.count + 0.5) / (found.count + 0.5)));
    found.docs = found.docs.subarray(0, found.count);
    return found;
  }

  /* Each posting's weight by its code, worked out once a term: the loop of `addPostings` runs for
     thousands of postings on a keystroke, before the browser has compiled it well, where every call
     counts. */
  function postingWeights(nameWords) {
    var weights = new Float64Array(FIELD_WEIGHT.length << FORMAT.CODE_FIELD_SHIFT);
    for (var code = 0; code < weights.length; code++) {
      var field = code >> FORMAT.CODE_FIELD_SHIFT;
      weights[code] = field === NAME_FIELD ? nameWeight(code & FORMAT.CODE_NAME_WORDS, nameWords) : FIELD_WEIGHT[field];
    }
    return weights;
  }

  /* A word's postings added to a term's matches (`matches`), each weighed by its field (`weights`) and
     `factor`; the names' lengths kept when the word is the term (`whole`).

     The loops over thousands of services are functions of their own, here and in `boost` and `rank`,
     each small and called with values of one kind: a browser compiles a loop that runs long, with all
     it calls, while keystrokes wait, and a small function is compiled in a fraction of the time
     (docs/decisions.md, "Code written for the browser's compiler"). */
  function addPostings(found, postings, factor, whole, weights) {
    var docs = found.docs, score = found.score, name = found.name, count = found.count, topField = found.topField, doc = 0;
    for (var k = 0; k < postings.length; k += FORMAT.POSTING_SIZE) {
      doc += postings[k + FORMAT.POSTING_DOC_DELTA];
      var code = postings[k + FORMAT.POSTING_CODE], field = code >> FORMAT.CODE_FIELD_SHIFT;
      var weight = weights[code] * factor;
      if (score[doc] === 0) docs[count++] = doc;
      if (weight > score[doc]) score[doc] = weight;
      if (whole && field === NAME_FIELD) name[doc] = code & FORMAT.CODE_NAME_WORDS;
      if (field > topField) topField = field;
    }
    found.count = count;
    found.topField = topField;
  }

  /* Each matched service's score times `factor`. */
  function scaleScores(found, factor) {
    var docs = found.docs, score = found.score;
    for (var d = 0; d < found.count; d++) score[docs[d]] *= factor;
  }

  /* `matches`, kept while no file is added to `files`: each keystroke of a query's last word looks
     up its other words again, and a keystroke may look up its words twice. */
  function matchesOnce(term, index, files, minimum, asBest) {
    return keptFor(files, "matches " + term.raw + " " + term.stem + " " + (minimum || 0) + (asBest ? " best" : ""), function () {
      return matches(term, index, files, minimum, asBest);
    });
  }

  /* What `make` gives, kept by `key` while no file is added to `files` (what a term answers depends on
     the files loaded, and nothing else). */
  var keptByFiles = new WeakMap();
  var KEPT_MOST = 200;
  function keptFor(files, key, make) {
    var fileCount = Object.keys(files).length;
    var kept = keptByFiles.get(files);
    /* Started again when a file comes, or when it holds more than a long query's worth. */
    if (!kept || kept.fileCount !== fileCount || kept.values.size > KEPT_MOST) {
      kept = { fileCount: fileCount, values: new Map() };
      keptByFiles.set(files, kept);
    }
    if (!kept.values.has(key)) kept.values.set(key, make());
    return kept.values.get(key);
  }

  /* Services' scores by their position: what a Map of them does, on typed arrays, since a query may
     match thousands of services at every keystroke and a Map of thousands is work for the garbage
     collector. Kept in the order they were set; a score deleted and set again keeps its first place. */
  function Scores(count) {
    this.value = new Float64Array(count);
    this.state = new Uint8Array(count);
    /* Each service set, in the order set: the first `setCount` of `docs`. */
    this.docs = new Int32Array(count);
    this.setCount = 0;
    this.size = 0;
  }
  var ABSENT = 0, PRESENT = 1, DELETED = 2;
  Scores.prototype.has = function (doc) { return this.state[doc] === PRESENT; };
  Scores.prototype.get = function (doc) { return this.state[doc] === PRESENT ? this.value[doc] : undefined; };
  Scores.prototype.set = function (doc, score) {
    if (this.state[doc] !== PRESENT) {
      if (this.state[doc] === ABSENT) this.docs[this.setCount++] = doc;
      this.state[doc] = PRESENT;
      this.size++;
    }
    this.value[doc] = score;
    return this;
  };
  Scores.prototype.delete = function (doc) {
    if (this.state[doc] !== PRESENT) return false;
    this.state[doc] = DELETED;
    this.size--;
    return true;
  };
  Scores.prototype.forEach = function (each) {
    for (var i = 0; i < this.setCount; i++) {
      var doc = this.docs[i];
      if (this.state[doc] === PRESENT) each(this.value[doc], doc);
    }
  };

  /* Services matched by every one of `perTerm`, with the sum of their scores. */
  function every(perTerm) {
    var fewest = perTerm.reduce(function (a, b) { return b.docs.length < a.docs.length ? b : a; });
    var all = new Scores(fewest.score.length);
    var docs = fewest.docs;
    next: for (var d = 0; d < docs.length; d++) {
      var doc = docs[d], total = 0;
      for (var i = 0; i < perTerm.length; i++) {
        if (!(perTerm[i].score[doc] > 0)) continue next;
        total += perTerm[i].score[doc];
      }
      all.set(doc, total);
    }
    return all;
  }

  /* Services matching every telling term (the quiet words need not be there), with the sum of their
     scores. When none has them all, those with some: the rare words found count for more, as each
     term's score carries its rarity. */
  /* The matches of the telling terms, the quiet ones left out. */
  function tellingOf(wanted, perTerm, quiet) {
    return perTerm.filter(function (found, position) { return !quiet.has(wanted[position].raw); });
  }

  function combine(wanted, perTerm, quiet) {
    var telling = tellingOf(wanted, perTerm, quiet);
    if (!telling.length) telling = perTerm;
    /* Every telling word is needed; a quiet word ("my", "for") only adds to the score where it is. */
    var all = every(telling);
    if (all.size || wanted.length < 2) {
      perTerm.forEach(function (found) {
        if (telling.indexOf(found) >= 0) return;
        all.forEach(function (score, doc) { all.set(doc, score + found.score[doc]); });
      });
      return matched(all, false, perTerm);
    }
    return matched(some(telling), true, perTerm);
  }

  /* Services found and their scores; `partial` when none has every telling word; and the matches of
     each term (`perTerm`). One shape for every such object, each field with one kind of value, so that
     the code a browser compiles for one serves them all. */
  function matched(scores, partial, perTerm) {
    return { scores: scores, partial: partial, perTerm: perTerm };
  }

  /* Services with some of the terms, with the sum of their scores. */
  function some(perTerm) {
    var scores = new Scores(perTerm[0].score.length);
    perTerm.forEach(function (found) {
      for (var d = 0; d < found.docs.length; d++) {
        var doc = found.docs[d];
        scores.set(doc, (scores.has(doc) ? scores.value[doc] : 0) + found.score[doc]);
      }
    });
    return scores;
  }

  /* A query that is the whole name of a service puts it first; words side by side and in order, as in
     a name or keyword, count more. */
  var WHOLE_NAME_BONUS = 1000;
  var PAIR_WEIGHT = 0.5;

  function boost(found, wanted, perTerm, index, files, quiet) {
    if (!found.scores.size) return;
    addWholeNameBonus(found.scores, perTerm, wanted.length);
    pairs(wanted, quiet).forEach(function (pair) {
      var best = new Map();
      var df = 0;
      pairPostings(pair, index, files).forEach(function (postings) {
        df += postings.length / FORMAT.POSTING_SIZE;
        bestPairWeights(postings, found.scores, best);
      });
      var idf = Math.log(1 + (index.count - df + 0.5) / (df + 0.5));
      best.forEach(function (weight, doc) { found.scores.set(doc, found.scores.get(doc) + PAIR_WEIGHT * weight * idf); });
    });
  }

  /* WHOLE_NAME_BONUS added to each service whose name has every term and no other word. */
  function addWholeNameBonus(scores, perTerm, termCount) {
    next: for (var at = 0; at < scores.setCount; at++) {
      var doc = scores.docs[at];
      if (scores.state[doc] !== PRESENT) continue;
      for (var i = 0; i < perTerm.length; i++) if (perTerm[i].name[doc] !== termCount) continue next;
      scores.value[doc] += WHOLE_NAME_BONUS;
    }
  }

  /* The best field weight of a pair's postings (`best`, by service), for the services found. */
  function bestPairWeights(postings, scores, best) {
    var doc = 0;
    for (var k = 0; k < postings.length; k += FORMAT.POSTING_SIZE) {
      doc += postings[k + FORMAT.POSTING_DOC_DELTA];
      var weight = FIELD_WEIGHT[postings[k + FORMAT.POSTING_CODE] >> FORMAT.CODE_FIELD_SHIFT];
      if (scores.has(doc) && !(best.get(doc) >= weight)) best.set(doc, weight);
    }
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
  var QUIET_ENGLISH = new Set(("a about am an and any are as at be been by can could do does find for from get has have " +
    "help how i if in is it just look looking me my need not of on or our please should so some that the their them " +
    "there they this to us want was we were what when where who why will with would you your").split(" "));

  /* French's, with the letters left of an elision (l', d', qu'), which the apostrophe cuts off. */
  var QUIET_FRENCH = new Set(("a au aux avec c ce ces cet cette comment d dans de des du elle en est et il ils j je l la le les " +
    "leur leurs m ma mes moi mon n ne nous on ou par pas pour qu que quel quelle qui s sa se ses si son sur t ta te tes " +
    "ton tu un une vos votre vous y").split(" "));

  function quietWords(language) {
    return /^en\b/i.test(language || "") ? QUIET_ENGLISH : /^fr\b/i.test(language || "") ? QUIET_FRENCH : new Set();
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
     filters, best first, retired ones last, ties in name order (`order`, from order.js, when loaded;
     else in the order of their ids, which most often follow their names). Thousands of results are
     not each made an object: the first SORTED are, in order, found through a selection of their keys
     alone; `count` says how many there are, and `sortAll` makes the whole list when someone asks. */
  function rank(index, found, filters, order) {
    var filtered = Object.keys(filters).some(function (key) { return filters[key]; });
    var accept = filtered ? facetFilter(index, filters) : null;
    var docs = found === null ? everyDoc(index.count, accept) : foundDocs(found.scores, accept);
    var retired = index.statuses.indexOf("retired");
    var values = found === null ? new Float64Array(index.count) : found.scores.value;
    if (docs.length <= SORTED * 2) return allResults(docs, values, index, retired, order);
    var keys = rankKeys(docs, values, index.facets, retired);
    var threshold = largest(keys.slice(), SORTED);
    var first = firstResults(docs, keys, threshold, lastTie(docs, keys, threshold, order), values, index, retired, order);
    first.sort(byRank);
    first.count = docs.length;
    first.sortAll = function () { return allResults(docs, values, index, retired, order); };
    return first;
  }

  /* Every service, or those `accept` takes (every one when null). */
  function everyDoc(count, accept) {
    var docs = new Int32Array(count), n = 0;
    for (var doc = 0; doc < count; doc++) if (accept === null || accept(doc)) docs[n++] = doc;
    return docs.subarray(0, n);
  }

  /* The services found, or those of them `accept` takes (every one when null). */
  function foundDocs(scores, accept) {
    var docs = new Int32Array(scores.setCount), n = 0;
    for (var at = 0; at < scores.setCount; at++) {
      var doc = scores.docs[at];
      if (scores.state[doc] === PRESENT && (accept === null || accept(doc))) docs[n++] = doc;
    }
    return docs.subarray(0, n);
  }

  /* Each service's key for ranking: its score, or far below every live one when it is retired. The
     status read as `facet()` reads it, written out: through `facet()` the keystrokes back to back at
     10,000 services were slower (90th percentile 7.8 and 7.7 ms against 7.0 and 7.0, in turns). */
  function rankKeys(docs, values, facets, retired) {
    var keys = new Float64Array(docs.length);
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i];
      keys[i] = values[doc] - (facets[doc * FORMAT.FACETS_PER_SERVICE + FORMAT.FACET_STATUS] === retired ? RETIRED_PENALTY : 0);
    }
    return keys;
  }

  /* Of the services whose key ties with the SORTED-th (`threshold`), only those first in name order
     are needed (a prefix may give thousands the same score): the place of the last one needed, or
     Infinity when every one is. */
  function lastTie(docs, keys, threshold, order) {
    var above = 0, ties = new Int32Array(docs.length), tied = 0;
    for (var i = 0; i < docs.length; i++) {
      if (keys[i] > threshold) above++;
      else if (keys[i] === threshold) ties[tied++] = docs[i];
    }
    if (tied <= SORTED - above) return Infinity;
    var places = new Float64Array(tied);
    for (i = 0; i < tied; i++) places[i] = -placeOf(ties[i], order);
    return -largest(places, SORTED - above);
  }

  /* The results of the services above `threshold`, and of those at it up to the place `last`. */
  function firstResults(docs, keys, threshold, last, values, index, retired, order) {
    var first = [];
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i];
      if (keys[i] > threshold || (keys[i] === threshold && placeOf(doc, order) <= last)) first.push(resultOf(doc, values, index, retired, order));
    }
    return first;
  }

  /* A result: a service, its score, whether it is retired, and its place among ties (`order`, name
     order, when loaded). Functions of their own rather than made anew by each `rank`: a browser's
     compiled code expects the one function it saw at a call, and throws itself away at another. */
  function resultOf(doc, values, index, retired, order) {
    return { doc: doc, score: values[doc], retired: facet(index, doc, FORMAT.FACET_STATUS) === retired, place: placeOf(doc, order) };
  }

  /* A service's place among those with the same score: in name order (`order`), when loaded, else
     its position. */
  function placeOf(doc, order) {
    return order ? order[doc] : doc;
  }

  /* Every one of `docs` a result, in order. */
  function allResults(docs, values, index, retired, order) {
    var list = [];
    for (var i = 0; i < docs.length; i++) list.push(resultOf(docs[i], values, index, retired, order));
    return list.sort(byRank);
  }

  /* Retired ones last, then the higher score, then the first place. */
  function byRank(a, b) {
    return (a.retired - b.retired) || (b.score - a.score) || a.place - b.place;
  }

  /* The `k`th largest of `values` (reordered), by a quickselect: a query of a short prefix matches
     thousands of services, and sorting all their scores to find the first fifty was most of its time. */
  function largest(values, k) {
    var target = values.length - k, low = 0, high = values.length - 1;
    var pivot = values[(low + high) >> 1], i = low, j = high;
    /* Hoare's partition with each of its steps a turn of one loop, not loops within a loop: a browser
       compiles a hot inner loop on its own, and throws that code away each time the inner loop ends. */
    while (low < high) {
      if (i <= j) {
        if (values[i] < pivot) i++;
        else if (values[j] > pivot) j--;
        else { var swap = values[i]; values[i] = values[j]; values[j] = swap; i++; j--; }
        continue;
      }
      if (target <= j) high = j;
      else if (target >= i) low = i;
      else break;
      pivot = values[(low + high) >> 1];
      i = low;
      j = high;
    }
    return values[target];
  }

  /* How many services a ranked list has, made into objects or not. */
  function countOf(ranked) {
    return ranked.count === undefined ? ranked.length : ranked.count;
  }

  /* How many results are put in order at once: more than a page shows. */
  var SORTED = 50;
  var RETIRED_PENALTY = 1e12;

  /* Finds and ranks, given the index and the files the query needs (`vocabularyFiles`, then
     `termFiles`), already loaded, by name. */
  function find(index, query, filters, quiet, files) {
    var wanted = terms(query, index.stemmer);
    quiet = withWordBegun(quiet, wanted, query);
    function answer(minimum, unanswered) {
      var perTerm = wanted.map(function (term) {
        return matchesOnce(term, index, files, minimum, Boolean(unanswered && unanswered.indexOf(term.raw) >= 0));
      });
      var found = combine(wanted, perTerm, quiet);
      boost(found, wanted, perTerm, index, files, quiet);
      return found;
    }
    /* Services with every word as typed, stemmed or begun are the answer, and the count is theirs;
       words a typo away answer only when none has. */
    var exact = wanted.length ? answer(EXACT_OR_PREFIX) : null;
    var unanswered = exact ? typoTerms(wanted, exact.perTerm) : null;
    var answered = exact && exact.scores.size && !exact.partial;
    var weak = answered ? weakTerms(wanted, exact.perTerm) : null;
    var found = !exact ? null : answered ? exact : answer(0, unanswered);
    /* With typos, still no service has every word: those with some words as typed come first — unless
       a word answers only through its typos (`pasport`), which then count. */
    var typosAnswer = Boolean(found && unanswered) && found.perTerm.some(function (perTerm, position) {
      return unanswered.indexOf(wanted[position].raw) >= 0 && perTerm.docs.length > 0;
    });
    if (found && found.partial && exact.scores.size && !typosAnswer) found = exact;
    var results = rank(index, found, filters, files.order);
    var matching = countOf(results);
    var count = matching;
    /* A few services with every word: those with some of the telling words join them, as a question
       in plain words often has a word the right service does not ("permit to export goods"). Each
       one's score is weighed by the share of the telling words it has (Lucene's coordination factor),
       so that two of three words in a name can go before all three in a description. */
    var telling = found ? tellingOf(wanted, found.perTerm, quiet) : [];
    if (found && !found.partial && matching < FEW && telling.length >= 2) {
      var others = some(telling);
      found.scores.forEach(function (score, doc) { others.delete(doc); });
      var partly = matched(others, false, found.perTerm);
      boost(partly, wanted, found.perTerm, index, files, quiet);
      others.forEach(function (score, doc) { others.set(doc, score * shareOf(telling, doc)); });
      var joining = rank(index, partly, filters, files.order);
      count += countOf(joining);
      results = mergedWith(results, joining);
    }
    /* A word that only a few summaries or descriptions have as typed may be their misspelling as well
       as the reader's (`recieve`): the services a typo away follow them. */
    var close = 0;
    if (weak) {
      var typed = answer(0);
      var shown = new Set(results.map(function (result) { return result.doc; }));
      var nearby = matched(new Scores(index.count), false, typed.perTerm);
      typed.scores.forEach(function (score, doc) { if (!shown.has(doc)) nearby.scores.set(doc, score); });
      if (nearby.scores.size) {
        var spelled = rank(index, nearby, filters, files.order);
        close = countOf(spelled);
        count += close;
        results = followedBy(results, spelled);
      }
    }
    return {
      index: index, terms: wanted, results: results, count: count, matching: found && found.partial ? 0 : matching, close: close,
      partial: Boolean(found && found.partial), typos: exact && !answered ? unanswered : weak
    };
  }

  /* The share of the terms (their matches, `perTerm`) that a service has. */
  function shareOf(perTerm, doc) {
    var has = 0;
    for (var i = 0; i < perTerm.length; i++) if (perTerm[i].score[doc] > 0) has++;
    return has / perTerm.length;
  }

  /* Two ranked lists as one, the higher score first, each list's own order kept (a retired service
     with every word stays before those with some of them that score less). */
  function mergedWith(first, then) {
    return joinedBy(first, then, function (a, b) {
      var joined = [], i = 0, j = 0;
      while (i < a.length || j < b.length) joined.push(j >= b.length || (i < a.length && a[i].score >= b[j].score) ? a[i++] : b[j++]);
      return joined;
    });
  }

  /* The quiet words, and a last term of one letter typed with nothing after it: the start of a word
     ("Customs S"), which counts where a service has it as a word of its own, but which no service
     needs, so that the results do not jump to the few that have the letter alone while the word is
     being typed. */
  function withWordBegun(quiet, wanted, query) {
    var last = wanted[wanted.length - 1];
    if (wanted.length < 2 || Array.from(last.raw).length !== 1 || /\s$/.test(query)) return quiet;
    var optional = new Set(quiet);
    optional.add(last.raw);
    return optional;
  }

  /* Ranked results, then others ranked after them. */
  function followedBy(first, then) {
    return joinedBy(first, then, function (a, b) { return a.concat(b); });
  }

  /* Two ranked lists joined by `join`, and every one of both joined the same way when asked
     (`sortAll`, for lists of which only the first were made results). */
  function joinedBy(first, then, join) {
    var joined = join(first, then);
    if (first.sortAll || then.sortAll) {
      joined.sortAll = function () { return join(first.sortAll ? first.sortAll() : first, then.sortAll ? then.sortAll() : then); };
    }
    return joined;
  }

  /* The terms that are a word of a few services as typed, but only of their summaries or descriptions,
     never of a name or keyword: a misspelling the text may share (`applicaton`). A word being typed
     past its stem (`fundi`) is left as it is, and so are short words: a rare word of four letters has
     many neighbours a letter away. */
  function weakTerms(wanted, perTerm) {
    var weak = wanted.filter(function (term, position) {
      var found = perTerm[position];
      return term.raw.length >= WEAK_LENGTH && found.whole && found.docs.length < FEW && found.topField <= SUMMARY_FIELD;
    });
    return weak.length ? weak.map(function (term) { return term.raw; }) : null;
  }
  var WEAK_LENGTH = 5;
  var SUMMARY_FIELD = 3;

  /* The terms whose typos are worth looking up: those nothing answers as typed; none when each
     answers but no service has them all (those with some of them answer). */
  function typoTerms(wanted, perTerm) {
    var unanswered = wanted.filter(function (term, position) { return !perTerm[position].docs.length; });
    return unanswered.length ? unanswered.map(function (term) { return term.raw; }) : null;
  }

  /* Fewer services than this with every word, and those with some of them follow. */
  var FEW = 10;

  /* The steps a page takes (`search` below), with the files at hand: `get(name)` gives a file's data.
     For node — the tests and the bench — which read the files as they are. */
  function findWith(index, query, filters, quiet, get) {
    var files = { index: index };
    function take(names) { names.forEach(function (name) { files[name] = get(name); }); }
    take(vocabularyFiles(index, query, null).concat(words(query).length ? [] : ["order"]));
    take(termFiles(index, query, files, quiet, null));
    var found = find(index, query, filters, quiet, files);
    if (!found.typos) return found;
    take(vocabularyFiles(index, query, found.typos));
    take(termFiles(index, query, files, quiet, found.typos));
    return find(index, query, filters, quiet, files);
  }

  /* The docs file that holds a service's name, summary and page. */
  function docsFile(index, doc) {
    return "docs-" + Math.floor(doc / index.chunk);
  }

  /* Among the results on show (`items`, named by `nameOf`), those whose name has every term as typed
     — not only a word of the same stem: `collective` and "Collections" share one — go first, keeping
     their order otherwise; retired ones stay last. */
  function preferTyped(items, nameOf, terms, stemmer) {
    if (!terms.length) return items;
    var first = [], rest = [];
    items.forEach(function (item) {
      var nameWords = keyed(nameOf(item), stemmer).map(function (word) { return word.raw; });
      var typed = terms.every(function (term, position) {
        return nameWords.some(function (word) {
          return word === term.raw || (position === terms.length - 1 && word.indexOf(term.raw) === 0);
        });
      });
      (typed && !item.retired ? first : rest).push(item);
    });
    return first.concat(rest);
  }

  /* The parts of `name` to mark for `terms`, as [start, length] pairs: a word that is a term (as
     typed or stemmed), or a typo of a whole term, is marked whole; the beginning of a word only for the
     last term, the one still being typed. A short term never marks the inside or the start of a longer
     word it is not typing. */
  function marks(name, terms, stemmer) {
    var found = [];
    var pattern = /[\p{L}\p{N}]+/gu;
    var match;
    while ((match = pattern.exec(name)) !== null) {
      var word = keyed(match[0], stemmer)[0];
      if (!word) continue;
      var length = 0;
      terms.forEach(function (term, position) {
        var q = Math.max(quality(term, word.stem), quality(term, word.raw));
        if (q === 1 || q === 0.6 || q === 0.4) length = match[0].length;
        else if (q === EXACT_OR_PREFIX && position === terms.length - 1) length = Math.max(length, Math.min(term.raw.length, match[0].length));
      });
      if (length) found.push([match.index, length]);
    }
    return found;
  }

  var core = {
    FORMAT: FORMAT, fold: fold, words: words, keyed: keyed, distance: distance, quality: quality, shardKey: shardKey,
    vocabularyKeys: vocabularyKeys, vocabularyFiles: vocabularyFiles, typoVocabularyFiles: typoVocabularyFiles,
    typosFromWords: typosFromWords, termFiles: termFiles, shardFor: shardFor,
    candidates: candidates, matches: matches, combine: combine, facetFilter: facetFilter, rank: rank, terms: terms,
    find: find, findWith: findWith, docsFile: docsFile, quietWords: quietWords, marks: marks, stateOf: stateOf,
    preferTyped: preferTyped, largest: largest, Scores: Scores
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
  /* The services the terms files loaded carry, by position, as [name, summary, page]. */
  var shownDocs = new Map();
  var SHOWN = 10;
  var URL_DELAY = 300;
  /* How long typing pauses before the files the next letters may need load: less than the time
     between two keystrokes of a fast typist (about 100 ms). */
  var PAUSE = 50;
  var QUIET = quietWords(document.documentElement.lang);
  /* The page's words for what the client writes (data-words on the search form), in its language. */
  var WORDS = {};

  function say(key, count) {
    return (WORDS[key] || key).replace("{0}", count === undefined ? "" : String(count));
  }

  window.OneDoorSearch = {
    receive: function (name, data, shown) {
      (shown || []).forEach(function (doc) {
        shownDocs.set(doc[FORMAT.SHOWN_DOC], [doc[FORMAT.SHOWN_NAME], doc[FORMAT.SHOWN_SUMMARY], doc[FORMAT.SHOWN_HREF]]);
      });
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

  /* Every service matching all terms and the filters, best first, retired ones last: `findWith`'s
     steps, each round of files loaded with <script> elements. */
  function search(query, filters) {
    var filtered = Object.keys(filters).some(function (key) { return filters[key]; });
    if (!words(query).length && !filtered) return Promise.resolve(null);
    return load("index").then(function (index) {
      /* A list of every service that passes the filters is in name order. */
      var typos = typosFromWords(index, query, loaded);
      var first = vocabularyFiles(index, query, typos).concat(words(query).length ? [] : ["order"]);
      if (typos) first = first.concat(termFiles(index, query, loaded, QUIET, typos));
      var next = nextVocabularyFile(index, query);
      if (next) load(next).catch(function () {});
      return Promise.all(first.map(load)).then(function () {
        var more = termFiles(index, query, loaded, QUIET, null).filter(function (name) { return loaded[name] === undefined; });
        /* While the other terms files load, the docs of the results the files at hand give start to load
           too: most often they are the results on show. */
        if (more.length) prefetchDocs(index, find(index, query, filters, QUIET, loaded).results.slice(0, SHOWN));
        return Promise.all(more.map(load));
      }).then(function () {
        var found = find(index, query, filters, QUIET, loaded);
        if (!found.typos) return found;
        /* Nothing has every word as typed: the words a typo away are needed. */
        return Promise.all(vocabularyFiles(index, query, found.typos).map(load)).then(function () {
          return Promise.all(termFiles(index, query, loaded, QUIET, found.typos).map(load));
        }).then(function () {
          return find(index, query, filters, QUIET, loaded);
        });
      });
    });
  }

  /* Runs the steps of a search over made-up words for every service, while the index has loaded and
     nobody has typed yet: the browser compiles the code that a first keystroke would otherwise wait
     for (a first search of thousands of services takes three times as long). A browser compiles its
     best code for what it has run many times, so the searches run again a few times, each round on
     its own turn, so that a keystroke never waits for more than one. The made-up words are filed
     under the real index and its files' names, parsed from JSON as the page receives real files: code
     compiled for objects of another shape is thrown away at the first real keystroke and compiled
     again, while the keystrokes wait (docs/search.md, "Speed and size"). */
  var WARM_ROUNDS = 6;
  function warmUp(index) {
    indexSets(index);
    /* Words under a beginning the index has a terms file for: "warmth", or, in an index without one
       for it, the same with the first beginning it has. */
    var base = shardFor("warmth", index) ? "" : (index.shards.filter(function (key) { return key.indexOf("_") < 0; })[0] || "");
    var word = base + "warmth", near = base + "ward", rare = base + "wasp";
    function stem(text) { return stemOf(text, index.stemmer); }
    /* Words files as a large index has them, so that the words a typo away are looked for the way a
       keystroke looks for them, among a thousand words (`oassword`). */
    var vocabulary = [stem(word), stem(near), stem(rare)];
    for (var n = 0; n < 1000; n++) vocabulary.push(base + "wa" + n.toString(36));
    /* The made-up files, as JSON, with `count` services for the word. */
    function madeFiles(count) {
      var postings = [];
      for (var doc = 0; doc < count; doc++) postings.push(doc ? 1 : 0, doc % 3 ? 1 << FORMAT.CODE_FIELD_SHIFT : 5 << FORMAT.CODE_FIELD_SHIFT | 2);
      var made = {};
      made[stem(word)] = postings;
      made[stem(word) + " " + stem(near)] = postings.slice(0, 40);
      made[stem(near)] = postings.slice(0, 400);
      made[stem(rare)] = postings.slice(0, 10);
      var byFile = {};
      Object.keys(made).forEach(function (key) {
        var name = shardFor(key, index);
        if (name) (byFile[name] = byFile[name] || {})[key] = made[key];
      });
      return JSON.stringify([byFile, vocabulary]);
    }
    /* The first round on a few services, past the SORTED * 2 that `rank` sorts whole: a browser
       compiles a long loop while it runs, with what it has seen run so far, and a branch or a line
       after the loop not yet seen then throws that code away each time it is reached. */
    var few = madeFiles(Math.min(index.count, SORTED * 3)), all = madeFiles(index.count);
    (function run(round) {
      /* Files of their own each round: what a search works out is kept for the files it had. */
      var parsed = JSON.parse(round ? all : few), files = {};
      files.index = index;
      Object.keys(parsed[0]).forEach(function (name) { files[name] = parsed[0][name]; });
      vocabularyKeys(word).forEach(function (key) { files["words-" + key] = parsed[1]; });
      /* A word, its beginning, a pair, a typo, and two words that few services have together, which
         every service with one of them follows (`service 4`). */
      var typo = base + "wramth";
      [word, word.slice(0, -2), word + " " + near, typo, word + " " + rare].forEach(function (query) { find(index, query, {}, QUIET, files); });
      if (round + 1 < WARM_ROUNDS) setTimeout(function () { run(round + 1); }, 0);
    })(0);
  }

  /* What the next letters of the query may need, loaded while typing pauses. */
  function prefetchWhilePaused(index, query) {
    typoVocabularyFiles(index, query).forEach(function (name) { load(name).catch(function () {}); });
  }

  function prefetchDocs(index, results) {
    results.forEach(function (r) { if (!shownDocs.has(r.doc)) load(docsFile(index, r.doc)).catch(function () {}); });
  }

  /* The name, summary and page of each result: from the terms files loaded when they carry it, else
     from its docs file. */
  function documentsFor(index, results) {
    var chunks = new Set();
    results.forEach(function (r) { if (!shownDocs.has(r.doc)) chunks.add(docsFile(index, r.doc)); });
    return Promise.all(Array.from(chunks).map(load)).then(function () {
      return results.map(function (r) {
        var d = shownDocs.get(r.doc) || loaded[docsFile(index, r.doc)][r.doc % index.chunk];
        return { name: d[FORMAT.DOC_NAME], summary: d[FORMAT.DOC_SUMMARY], href: d[FORMAT.DOC_HREF], doc: r.doc, retired: r.retired };
      });
    });
  }

  /* The name as text nodes, with the parts that match a term in <mark>. */
  function highlighted(name, parts) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    parts.forEach(function (part) {
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

    /* The URL follows the query once typing pauses, or as a result opens: replacing it costs a
       keystroke up to 10 ms in Chromium. */
    var urlTimer = 0;
    function keepInURLSoon() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(keepInURL, URL_DELAY);
    }

    function keepInURL() {
      clearTimeout(urlTimer);
      urlTimer = 0;
      var params = new URLSearchParams();
      if (input.value) params.set("q", input.value);
      var chosen = filters();
      Object.keys(chosen).forEach(function (key) { params.set(key, chosen[key]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    /* What each item of the list shows: its service and its name's marks (as JSON, to compare). */
    var shownItems = new WeakMap();

    /* The results in the list. An item stays where the same service stays at its place, its name
       marked anew when the marks change: a keystroke that changes little then costs the browser
       little to draw, and the next keystroke does not wait behind that drawing. */
    function show(found, people) {
      people.forEach(function (doc, position) {
        var parts = marks(doc.name, found.terms, found.index.stemmer);
        var shows = { doc: doc.doc, marks: JSON.stringify(parts) };
        var item = list.children[position];
        var was = item && shownItems.get(item);
        if (was && was.doc === shows.doc) {
          if (was.marks !== shows.marks) {
            var link = item.querySelector("a.result-link");
            link.textContent = "";
            link.appendChild(highlighted(doc.name, parts));
            shownItems.set(item, shows);
          }
          return;
        }
        var fresh = resultItem(found.index, doc, parts);
        shownItems.set(fresh, shows);
        if (item) list.replaceChild(fresh, item);
        else list.appendChild(fresh);
      });
      while (list.children.length > people.length) list.removeChild(list.lastElementChild);
    }

    /* A result's item: its name, marked (`parts`), as a link; its status and notice state when they
       are news; its summary; its category and owning team. */
    function resultItem(index, doc, parts) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + doc.href;
      link.className = "result-link";
      link.appendChild(highlighted(doc.name, parts));
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
      return item;
    }

    var pauseTimer = 0;
    function run() {
      var mine = ++generation;
      clearTimeout(pauseTimer);
      keepInURLSoon();
      search(input.value, filters()).then(function (found) {
        if (mine !== generation) return;
        if (!found) {
          panel.hidden = true;
          list.textContent = "";
          status.textContent = "";
          answered();
          return;
        }
        var shown = showAll ? (found.results.sortAll ? found.results.sortAll() : found.results) : found.results.slice(0, SHOWN);
        return documentsFor(found.index, shown).then(function (people) {
          if (mine !== generation) return;
          panel.hidden = false;
          var count = found.count;
          var matching = found.partial ? count : found.matching;
          status.textContent = count === 0
            ? say("none")
            : (found.partial ? say("partial") : "") +
              say((found.partial ? "some_" : "found_") + (matching === 1 ? "one" : "many"), matching) +
              (count > matching + found.close ? say("also", count - matching - found.close) : "") +
              (found.close ? say("close", found.close) : "") +
              (shown.length < count ? say("showing", shown.length) : "");
          more.hidden = shown.length >= count;
          show(found, preferTyped(people, function (doc) { return doc.name; }, found.terms, found.index.stemmer));
          answered();
          pauseTimer = setTimeout(function () { prefetchWhilePaused(found.index, input.value); }, PAUSE);
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
    list.addEventListener("click", function () { if (urlTimer) keepInURL(); }, true);
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
    input.addEventListener("focus", function () { load("index").then(warmUp).catch(function () {}); }, { once: true });
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
