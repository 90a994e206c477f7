/* OneDoor word stems: Snowball's English (Porter2) and French stemmers, written from their published
   descriptions (snowballstem.org, Snowball 3) and held word for word to the reference implementation
   (`make stem-test`). The Swift index builder has the same algorithms (Sources/OneDoorKit/Search/Stemmer*),
   so that a word typed and a word indexed meet at the same stem: `taxes` and `tax`, `licences` and
   `licence`. A word is given in lower case; English stems fold accents first, French stems after. */
(function (exports) {
  "use strict";

  function endsWith(s, suffix) {
    return s.length >= suffix.length && s.slice(s.length - suffix.length) === suffix;
  }

  /* The longest of `suffixes` (sorted longest first) that `s` ends with, or "". */
  function longest(s, suffixes) {
    for (var i = 0; i < suffixes.length; i++) if (endsWith(s, suffixes[i])) return suffixes[i];
    return "";
  }

  function byLength(list) {
    return list.slice().sort(function (a, b) { return b.length - a.length; });
  }

  /* ---- English (Porter2) ---- */

  var EN_VOWELS = "aeiouy";
  function enVowel(c) { return c !== undefined && EN_VOWELS.indexOf(c) >= 0; }

  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
    andes: "andes", atlas: "atlas", bias: "bias", cosmos: "cosmos", howe: "howe", news: "news", sky: "sky"
  };
  var EN_R1_PREFIXES = byLength(["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]);
  var EN_STEP1A = byLength(["sses", "ied", "ies", "ss", "us", "s"]);
  var EN_STEP1B = byLength(["eedly", "ingly", "edly", "eed", "ing", "ed"]);
  var EN_BEFORE_ING = byLength(["even", "cann", "inn", "earr", "herr", "out", "y"]);
  var EN_DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
  var EN_STEP2 = {
    tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
    ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful", fulli: "ful",
    ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogist: "og",
    ogi: "og", lessli: "less", li: ""
  };
  var EN_STEP2_SUFFIXES = byLength(Object.keys(EN_STEP2));
  var EN_STEP3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "", ative: "" };
  var EN_STEP3_SUFFIXES = byLength(Object.keys(EN_STEP3));
  var EN_STEP4_SUFFIXES = byLength(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
    "ism", "ate", "iti", "ous", "ive", "ize", "ion"]);

  /* A short syllable ends `s`: a non-vowel other than w, x or Y after a vowel after a non-vowel; or a
     vowel and a non-vowel that are the whole word; or "past". */
  function enShortSyllable(s) {
    var n = s.length;
    if (n >= 3 && !enVowel(s[n - 1]) && "wxY".indexOf(s[n - 1]) < 0 && enVowel(s[n - 2]) && !enVowel(s[n - 3])) return true;
    if (n === 2 && enVowel(s[0]) && !enVowel(s[1])) return true;
    return endsWith(s, "past");
  }

  function english(word) {
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTIONS, word)) return EN_EXCEPTIONS[word];
    if (word.length < 3) return word;
    var s = word[0] === "'" ? word.slice(1) : word;
    /* y as a consonant: first, or after a vowel. */
    var chars = s.split("");
    for (var i = 0; i < chars.length; i++) {
      if (chars[i] === "y" && (i === 0 || enVowel(chars[i - 1]))) chars[i] = "Y";
    }
    s = chars.join("");
    var p1 = s.length, p2 = s.length;
    var prefix = EN_R1_PREFIXES.filter(function (p) { return s.indexOf(p) === 0; })[0];
    var at = prefix ? prefix.length : afterVowelRun(s, 0, enVowel);
    if (at >= 0) {
      p1 = at;
      var second = afterVowelRun(s, p1, enVowel);
      if (second >= 0) p2 = second;
    }

    /* Step 1a */
    if (endsWith(s, "'s'")) s = s.slice(0, -3);
    else if (endsWith(s, "'s")) s = s.slice(0, -2);
    else if (endsWith(s, "'")) s = s.slice(0, -1);
    var suffix = longest(s, EN_STEP1A);
    var start = s.length - suffix.length;
    if (suffix === "sses") s = s.slice(0, start) + "ss";
    else if (suffix === "ied" || suffix === "ies") s = s.slice(0, start) + (start >= 2 ? "i" : "ie");
    else if (suffix === "s" && start > 0 && hasVowel(s.slice(0, start - 1), enVowel)) s = s.slice(0, start);

    /* Step 1b */
    s = englishStep1b(s, p1);

    /* Step 1c */
    var n = s.length;
    if (n > 2 && (s[n - 1] === "y" || s[n - 1] === "Y") && !enVowel(s[n - 2])) s = s.slice(0, n - 1) + "i";

    /* Step 2 */
    suffix = longest(s, EN_STEP2_SUFFIXES);
    start = s.length - suffix.length;
    if (suffix && start >= p1) {
      if (suffix === "li") {
        if ("cdeghkmnrt".indexOf(s[start - 1]) >= 0) s = s.slice(0, start);
      } else if (suffix === "ogi") {
        if (s[start - 1] === "l") s = s.slice(0, start) + "og";
      } else {
        s = s.slice(0, start) + EN_STEP2[suffix];
      }
    }

    /* Step 3 */
    suffix = longest(s, EN_STEP3_SUFFIXES);
    start = s.length - suffix.length;
    if (suffix && start >= p1 && (suffix !== "ative" || start >= p2)) s = s.slice(0, start) + EN_STEP3[suffix];

    /* Step 4 */
    suffix = longest(s, EN_STEP4_SUFFIXES);
    start = s.length - suffix.length;
    if (suffix && start >= p2 && (suffix !== "ion" || s[start - 1] === "s" || s[start - 1] === "t")) s = s.slice(0, start);

    /* Step 5 */
    n = s.length;
    if (s[n - 1] === "e") {
      if (n - 1 >= p2 || (n - 1 >= p1 && !enShortSyllable(s.slice(0, n - 1)))) s = s.slice(0, n - 1);
    } else if (s[n - 1] === "l" && n - 1 >= p2 && s[n - 2] === "l") {
      s = s.slice(0, n - 1);
    }
    return s.replace(/Y/g, "y");
  }

  function englishStep1b(s, p1) {
    var suffix = longest(s, EN_STEP1B);
    if (!suffix) return s;
    var start = s.length - suffix.length;
    if (suffix === "eed" || suffix === "eedly") {
      if (start >= p1 && ["succ", "proc", "exc"].indexOf(s.slice(0, start)) < 0) return s.slice(0, start) + "ee";
      return s;
    }
    if (suffix === "ing") {
      var before = longest(s.slice(0, start), EN_BEFORE_ING);
      if (before === "y") {
        /* dying, lying, tying */
        if (start === 2 && !enVowel(s[0])) return s.slice(0, 1) + "ie";
      } else if (before && start === before.length) {
        return s;
      }
    }
    if (!hasVowel(s.slice(0, start), enVowel)) return s;
    s = s.slice(0, start);
    var end = s.slice(-2);
    if (end === "at" || end === "bl" || end === "iz") return s + "e";
    if (EN_DOUBLES.indexOf(end) >= 0) {
      return s.length === 3 && "aeo".indexOf(s[0]) >= 0 ? s : s.slice(0, -1);
    }
    return s.length === p1 && enShortSyllable(s) ? s + "e" : s;
  }

  function hasVowel(s, isVowel) {
    for (var i = 0; i < s.length; i++) if (isVowel(s[i])) return true;
    return false;
  }

  /* The position after the first non-vowel that follows a vowel, from `from`; -1 when there is none. */
  function afterVowelRun(s, from, isVowel) {
    var i = from;
    while (i < s.length && !isVowel(s[i])) i++;
    if (i >= s.length) return -1;
    i++;
    while (i < s.length && isVowel(s[i])) i++;
    return i < s.length ? i + 1 : -1;
  }


  /* ---- French ---- */

  var FR_VOWELS = "aeiouyâàëéêèïîôûù";
  function frVowel(c) { return c !== undefined && c !== "" && FR_VOWELS.indexOf(c) >= 0; }

  /* Standard suffixes, each with what is done when the word ends with it (the longest that fits). */
  var FR_STANDARD = {};
  [["ance iqUe isme able iste eux ances iqUes ismes ables istes", 1], ["atrice ateur ation atrices ateurs ations", 2],
   ["logie logies", 3], ["usion ution usions utions", 4], ["ence ences", 5], ["ement ements", 6], ["ité ités", 7],
   ["if ive ifs ives", 8], ["eaux", 9], ["aux", 10], ["oux", 11], ["euse euses", 12], ["issement issements", 13],
   ["amment", 14], ["emment", 15], ["ment ments", 16]].forEach(function (group) {
    group[0].split(" ").forEach(function (suffix) { FR_STANDARD[suffix] = group[1]; });
  });
  var FR_STANDARD_SUFFIXES = byLength(Object.keys(FR_STANDARD));
  var FR_I_VERB = byLength(("ira ie isse issante i irai ir iras ies îmes isses issantes îtes is irais issais irions " +
    "issions irons issons issants it irait issait issant iraIent issaIent irent issent iront ît iriez issiez irez issez").split(" "));
  var FR_VERB = {};
  [["ions", 1], ["é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez eais", 2],
   ["a ai aIent ait ant ante antes ants as asse asses assent assiez assions âmes ât âtes", 3], ["ais aise aises", 4]]
    .forEach(function (group) { group[0].split(" ").forEach(function (suffix) { FR_VERB[suffix] = group[1]; }); });
  var FR_VERB_SUFFIXES = byLength(Object.keys(FR_VERB));
  var FR_RESIDUAL = byLength(["ion", "ier", "ière", "Ier", "Ière", "e"]);

  function french(word) {
    var s = word;
    /* Elisions: l'avion → avion. */
    var elision = /^(qu|[cdjlmnst])'(.)/.exec(s);
    if (elision) s = s.slice(elision[1].length + 1);
    s = frenchPrelude(s);
    var r = frenchRegions(s);
    s = frenchStandardSuffix(s, r);
    var changed = s.changed;
    s = s.word;
    if (!changed) {
      var verb = frenchIVerbSuffix(s, r);
      if (verb === null) verb = frenchVerbSuffix(s, r);
      if (verb !== null) { s = verb; changed = true; }
    }
    if (changed) {
      if (endsWith(s, "Y")) s = s.slice(0, -1) + "i";
      else if (endsWith(s, "ç")) s = s.slice(0, -1) + "c";
    } else {
      s = frenchResidualSuffix(s, r);
    }
    /* Undouble: enn, onn, ett, ell, eill lose their last letter. */
    if (["enn", "onn", "ett", "ell", "eill"].some(function (end) { return endsWith(s, end); })) s = s.slice(0, -1);
    /* Unaccent: é or è before non-vowels at the end becomes e. */
    var i = s.length;
    while (i > 0 && !frVowel(s[i - 1])) i--;
    if (i < s.length && i > 0 && (s[i - 1] === "é" || s[i - 1] === "è")) s = s.slice(0, i - 1) + "e" + s.slice(i);
    return s.replace(/He/g, "ë").replace(/Hi/g, "ï").replace(/H/g, "").replace(/I/g, "i").replace(/U/g, "u").replace(/Y/g, "y");
  }

  /* u, i between vowels and y beside a vowel are consonants (U, I, Y); ë and ï are He and Hi; qu is qU. */
  function frenchPrelude(word) {
    var s = word.split("");
    var i = 0;
    while (i < s.length) {
      var c = s[i], next = s[i + 1], after = s[i + 2];
      if (frVowel(c) && next === "u" && frVowel(after)) s[i + 1] = "U";
      else if (frVowel(c) && next === "i" && frVowel(after)) s[i + 1] = "I";
      else if (frVowel(c) && next === "y") s[i + 1] = "Y";
      else if (c === "ë") s.splice(i, 1, "H", "e");
      else if (c === "ï") s.splice(i, 1, "H", "i");
      else if (c === "y" && frVowel(next)) s[i] = "Y";
      else if (c === "q" && next === "u") s[i + 1] = "U";
      else i++;
    }
    return s.join("");
  }

  function frenchRegions(s) {
    var n = s.length;
    var pV = n, p1 = n, p2 = n;
    if (frVowel(s[0]) && frVowel(s[1]) && n > 2) {
      pV = 3;
    } else if (/^(par|col|tap)/.test(s) || (/^ni/.test(s) && frVowel(s[2]))) {
      pV = 3;
    } else if (n > 0) {
      for (var i = 1; i < n; i++) if (frVowel(s[i])) { pV = i + 1; break; }
    }
    var at = afterVowelRun(s, 0, frVowel);
    if (at >= 0) {
      p1 = at;
      var second = afterVowelRun(s, p1, frVowel);
      if (second >= 0) p2 = second;
    }
    return { pV: pV, p1: p1, p2: p2 };
  }

  /* The standard suffixes: { word, changed }. Some rules change the word yet count as not done, so
     that the verb suffixes are tried after them, as the algorithm says. */
  function frenchStandardSuffix(s, r) {
    var suffix = longest(s, FR_STANDARD_SUFFIXES);
    var unchanged = { word: s, changed: false };
    if (!suffix) return unchanged;
    var start = s.length - suffix.length;
    var stem = s.slice(0, start);
    function done(word) { return { word: word, changed: true }; }
    switch (FR_STANDARD[suffix]) {
      case 1: return start >= r.p2 ? done(stem) : unchanged;
      case 2:
        if (start < r.p2) return unchanged;
        return done(endsWith(stem, "ic") ? stem.slice(0, -2) + (start - 2 >= r.p2 ? "" : "iqU") : stem);
      case 3: return start >= r.p2 ? done(stem + "log") : unchanged;
      case 4: return start >= r.p2 ? done(stem + "u") : unchanged;
      case 5: return start >= r.p2 ? done(stem + "ent") : unchanged;
      case 6: {
        if (start < r.pV) return unchanged;
        var inner = longest(stem, ["iqU", "abl", "Ièr", "ièr", "eus", "iv"]);
        var at = stem.length - inner.length;
        if (inner === "iv") {
          if (at >= r.p2) {
            stem = stem.slice(0, at);
            if (endsWith(stem, "at") && at - 2 >= r.p2) stem = stem.slice(0, -2);
          }
        } else if (inner === "eus") {
          if (at >= r.p2) stem = stem.slice(0, at);
          else if (at >= r.p1) stem = stem.slice(0, at) + "eux";
        } else if (inner === "abl" || inner === "iqU") {
          if (at >= r.p2) stem = stem.slice(0, at);
        } else if (inner) {
          if (at >= r.pV) stem = stem.slice(0, at) + "i";
        }
        return done(stem);
      }
      case 7: {
        if (start < r.p2) return unchanged;
        var tail = longest(stem, ["abil", "ic", "iv"]);
        var from = stem.length - tail.length;
        if (tail === "abil") stem = stem.slice(0, from) + (from >= r.p2 ? "" : "abl");
        else if (tail === "ic") stem = stem.slice(0, from) + (from >= r.p2 ? "" : "iqU");
        else if (tail === "iv" && from >= r.p2) stem = stem.slice(0, from);
        return done(stem);
      }
      case 8:
        if (start < r.p2) return unchanged;
        if (endsWith(stem, "at") && start - 2 >= r.p2) {
          stem = stem.slice(0, -2);
          if (endsWith(stem, "ic")) stem = stem.slice(0, -2) + (start - 4 >= r.p2 ? "" : "iqU");
        }
        return done(stem);
      case 9: return done(stem + "eau");
      case 10: return start >= r.p1 ? done(stem + "al") : unchanged;
      case 11: return "bhjlnp".indexOf(s[start - 1]) >= 0 && start > 0 ? done(stem + "ou") : unchanged;
      case 12:
        if (start >= r.p2) return done(stem);
        return start >= r.p1 ? done(stem + "eux") : unchanged;
      case 13: return start >= r.p1 && start > 0 && !frVowel(s[start - 1]) ? done(stem) : unchanged;
      case 14: return { word: start >= r.pV ? stem + "ant" : s, changed: false };
      case 15: return { word: start >= r.pV ? stem + "ent" : s, changed: false };
      default: return { word: start > 0 && frVowel(s[start - 1]) && start - 1 >= r.pV ? stem : s, changed: false };
    }
  }

  /* The longest of `suffixes` that `s` ends with and that lies wholly at or after `from`, or "". */
  function longestFrom(s, suffixes, from) {
    for (var i = 0; i < suffixes.length; i++) {
      if (s.length - suffixes[i].length >= from && endsWith(s, suffixes[i])) return suffixes[i];
    }
    return "";
  }

  /* Verb suffixes in -ir: the stem, or null when none applies. */
  function frenchIVerbSuffix(s, r) {
    if (s.length < r.pV) return null;
    var suffix = longestFrom(s, FR_I_VERB, r.pV);
    if (!suffix) return null;
    var start = s.length - suffix.length;
    if (start > r.pV && s[start - 1] !== "H" && !frVowel(s[start - 1])) return s.slice(0, start);
    return null;
  }

  /* Other verb suffixes: the stem, or null when none applies. */
  function frenchVerbSuffix(s, r) {
    if (s.length < r.pV) return null;
    var suffix = longestFrom(s, FR_VERB_SUFFIXES, r.pV);
    if (!suffix) return null;
    var start = s.length - suffix.length;
    switch (FR_VERB[suffix]) {
      case 1: return start >= r.p2 ? s.slice(0, start) : null;
      case 2: return s.slice(0, start);
      case 3: return s.slice(0, s[start - 1] === "e" && start - 1 >= r.pV ? start - 1 : start);
      default: {
        var before = s.slice(0, start);
        if (endsWith(before, "al") && start === 3) return null;
        if (endsWith(before, "épl") || endsWith(before, "auv")) return null;
        return before;
      }
    }
  }

  function frenchResidualSuffix(s, r) {
    var n = s.length;
    if (s[n - 1] === "s" && (endsWith(s.slice(0, n - 1), "Hi") || (n > 1 && "aiousè".indexOf(s[n - 2]) < 0))) s = s.slice(0, n - 1);
    if (s.length < r.pV) return s;
    var suffix = longestFrom(s, FR_RESIDUAL, r.pV);
    var start = s.length - suffix.length;
    if (suffix === "ion") {
      if (start >= r.p2 && start - 1 >= r.pV && (s[start - 1] === "s" || s[start - 1] === "t")) return s.slice(0, start);
      return s;
    }
    if (suffix === "e") return s.slice(0, start);
    if (suffix) return s.slice(0, start) + "i";
    return s;
  }

  exports.french = french;
  exports.english = english;
  exports.afterVowelRun = afterVowelRun;
})(typeof module !== "undefined" ? module.exports : (window.OneDoorStem = {}));
