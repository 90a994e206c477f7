// The search client's logic, without a browser: `node --test Tests/search` (part of `make test`).
// The index it reads is the one `onedoor build` wrote for the minimal fixture, recorded in Golden/.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const search = require("../../site-templates/assets/search.js");
const { FORMAT } = search;

/** Every file of a built portal's search/ folder, as the page's <script> elements hand them over. */
function builtIndex(folder) {
  const files = {};
  const context = { OneDoorSearch: { receive: (name, data) => { files[name] = data; } } };
  for (const name of fs.readdirSync(folder)) vm.runInNewContext(fs.readFileSync(path.join(folder, name), "utf8"), context);
  return files;
}

const golden = builtIndex(path.join(__dirname, "../OneDoorKitTests/Golden/minimal/search"));

/** Runs a query against a built index as the page does, and names the services found. */
function query(files, text, filters = {}, quiet = search.quietWords("en")) {
  // Only the files the client would load, in its steps: words files, terms files, then those of typos.
  const index = files.index;
  const found = search.findWith(index, text, filters, quiet, (name) => files[name]);
  const docs = found.results.map((r) => files[search.docsFile(index, r.doc)][r.doc % index.chunk]);
  return { names: docs.map((d) => d[FORMAT.DOC_NAME]), partial: found.partial };
}

/** A small catalogue's files, every word in its one terms file: `docs` are [name, summary, page]. */
function smallCatalogue(terms, docs, nameWords = 1) {
  const index = {
    count: docs.length, chunk: 50, shards: [""], vocabulary: [], stemmer: "english", nameWords, categories: [], teams: [], types: [],
    statuses: ["live"], facets: docs.flatMap(() => [-1, 0, 0, -1]),
  };
  return { index, order: docs.map((_, doc) => doc), terms, "docs-0": docs };
}

test("words are folded: accents and case off, letters and digits only", () => {
  assert.deepEqual(search.words("Éméil, Wi-Fi 5G — ŒUVRE"), ["emeil", "wi", "fi", "5g", "oeuvre"]);
  assert.equal(search.fold("ÀÉÎÕÜ"), "aeiou");
  assert.deepEqual(search.terms("wifi WiFi wi-fi", "english").map((t) => t.raw), ["wifi", "wi", "fi"]);
  assert.deepEqual(search.terms("Taxes licences", "english").map((t) => t.stem), ["tax", "licenc"]);
  // French is stemmed with its accents, then folded, as the index builder does.
  assert.deepEqual(search.terms("Éducation passeports", "french").map((t) => t.stem), ["educ", "passeport"]);
});

test("French: œ is oe, an elision and a hyphen cut words, and the words that tell nothing are known", () => {
  assert.deepEqual(search.words("L’assurance-emploi d'un cœur"), ["l", "assurance", "emploi", "d", "un", "coeur"]);
  const quiet = search.quietWords("fr-CA");
  for (const word of ["l", "d", "qu", "de", "la", "pour", "mon"]) assert.ok(quiet.has(word), word);
  assert.ok(!quiet.has("emploi"));
  assert.equal(search.quietWords("de").size, 0);
});

test("distance counts a swap of two letters as one edit, and stops past its limit", () => {
  assert.equal(search.distance("emial", "email", 2), 1);
  assert.equal(search.distance("pasword", "password", 2), 1);
  assert.equal(search.distance("abc", "xyz", 1), 2);
  assert.equal(search.distance("a", "abcdef", 2), 3);
});

test("a word's terms file is the one its longest beginning names, worked out once for each index", () => {
  const index = { shards: ["p", "pri", "print", "_t"], vocabulary: [] };
  assert.equal(search.shardFor("printer", index), "terms-print");
  assert.equal(search.shardFor("printer", index), "terms-print", "asked again");
  assert.equal(search.shardFor("prize", index), "terms-pri");
  assert.equal(search.shardFor("pa", index), "terms-p");
  assert.equal(search.shardFor("zoo", index), null);
  assert.equal(search.shardFor("çtat", index), "terms-_t", "a letter other than a-z and 0-9 is _");
  // An index made from another, with files of its own: it works out its own.
  const other = Object.assign(Object.create(index), { shards: [""], shardSet: null });
  assert.equal(search.shardFor("printer", other), "terms");
  assert.equal(search.shardFor("printer", index), "terms-print");
});

test("distance between the beginnings of two words is that of the words cut short", () => {
  // "secr" + "ity": the term's first four letters are a letter away from "secur".
  assert.equal(search.distance("secrity", "secur", 1, 4), 1);
  assert.equal(search.distance("hostnig", "hosting", 1, 4, 4), 0);
  assert.equal(search.distance("passwrod", "password", 2, 8, 8), 1);
  for (const [a, b] of [["oassword", "password"], ["faciities", "facility"], ["emial", "emails"]]) {
    for (let m = 0; m <= a.length; m++) {
      for (let n = 0; n <= b.length; n++) {
        assert.equal(search.distance(a, b, 2, m, n), search.distance(a.slice(0, m), b.slice(0, n), 2), `${a}:${m} ${b}:${n}`);
      }
    }
  }
});

test("a word answers a term as typed or stemmed, as its beginning, or a typo away", () => {
  const term = (text) => search.terms(text, "english")[0];
  assert.equal(search.quality(term("email"), "email"), 1);
  assert.equal(search.quality(term("taxes"), "tax"), 1, "a word form meets its stem");
  assert.equal(search.quality(term("shar"), "sharepoint"), 0.8);
  assert.equal(search.quality(term("emial"), "email"), 0.6);
  assert.equal(search.quality(term("secrity"), "secur"), 0.5, "a typo of a word with an ending");
  assert.equal(search.quality(term("pasword"), "password"), 0.6);
  assert.equal(search.quality(term("oassword"), "password"), 0.6, "a typo in the first letter too");
  assert.equal(search.quality(term("sharpe"), "sharepoint"), 0.5);
  assert.equal(search.quality(term("vpn"), "vpm"), 0, "three letters forgive no typo");
});

test("a typo in the first or second letter still names the words file of the word it means", () => {
  const keys = (word) => search.vocabularyKeys(word);
  assert.deepEqual(keys("password"), ["pa", "as", "ps"]);
  for (const typo of ["oassword", "assword", "ppassword", "apssword", "psasword", "pssword", "pqssword"]) {
    assert.ok(keys(typo).some((key) => keys("password").includes(key)), typo);
  }
  assert.deepEqual(keys("p"), [], "a one-letter term is looked up as it is");
});

test("postings are read by their named positions: a doc's distance from the one before, then a code", () => {
  const name = 5 << FORMAT.CODE_FIELD_SHIFT | 1, summary = 3 << FORMAT.CODE_FIELD_SHIFT;
  const files = { terms: { printer: [0, summary, 2, name, 1, summary] } };
  const index = { count: 10, shards: [""], vocabulary: [], nameWords: 2, stemmer: "english" };
  const found = search.matches(search.terms("printer", "english")[0], index, files, 0);
  assert.deepEqual(Array.from(found.docs), [0, 2, 3]);
  assert.ok(found.score[2] > found.score[0], "a one-word name counts more than a summary");
  assert.equal(found.name[2], 1);
  assert.equal(FORMAT.POSTING_SIZE, 2);
});

test("the built index finds by name, prefix and typo, best field first", () => {
  assert.deepEqual(query(golden, "laptops").names, ["Laptops"]);
  assert.deepEqual(query(golden, "lapt").names, ["Laptops"]);
  assert.deepEqual(query(golden, "laptpos").names, ["Laptops"]);
  assert.deepEqual(query(golden, "hostnig").names, ["Hosting", "Laptops"]);
  // "hosting" is Hosting's name and a word of the laptops' description: the name comes first.
  assert.deepEqual(query(golden, "hosting").names, ["Hosting", "Laptops"]);
});

test("every telling word must match, the quiet ones need not; when none has all, it says so", () => {
  assert.deepEqual(query(golden, "laptop staff").names, ["Laptops"]);
  const some = query(golden, "laptop servers");
  assert.deepEqual(some.names.sort(), ["Hosting", "Laptops"]);
  assert.equal(some.partial, true);
  const sentence = query(golden, "how do I get a laptop");
  assert.deepEqual(sentence.names, ["Laptops"]);
  assert.equal(sentence.partial, false, "a question's quiet words are not wanted in the answer");
  assert.equal(query(golden, "laptop").partial, false);
});

test("filters combine with a query, and a category includes its sub-categories", () => {
  assert.deepEqual(query(golden, "", { team: "platform-team" }).names, ["Hosting"]);
  assert.deepEqual(query(golden, "", { category: "technology" }).names, ["Hosting", "Laptops"]);
  assert.deepEqual(query(golden, "", { category: "desk" }).names, ["Laptops"]);
  assert.deepEqual(query(golden, "who", { status: "retired" }).names, []);
});

test("retired services come last, then ties in name order", () => {
  const index = {
    count: 3, statuses: ["pipeline", "live", "retired"], order: [2, 1, 0], categories: [], teams: [], types: [],
    facets: [0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0],
  };
  const found = { scores: new search.Scores(3).set(0, 5).set(1, 1).set(2, 1) };
  assert.deepEqual(search.rank(index, found, {}, index.order).map((r) => r.doc), [2, 1, 0]);
  assert.deepEqual(search.rank(index, found, {}).map((r) => r.doc), [1, 2, 0], "without order.js, ties in id order");
});

test("of thousands of services with one score, those first in name order are the first results", () => {
  const count = 3000;
  const index = { count, statuses: ["live", "retired"], categories: [], teams: [], types: [], facets: new Array(count * 4).fill(0) };
  const order = Array.from({ length: count }, (_, doc) => count - 1 - doc);
  const scores = new search.Scores(count);
  for (let doc = 0; doc < count; doc++) scores.set(doc, doc % 1000 === 7 ? 2 : 1);
  const ranked = search.rank(index, { scores }, {}, order);
  assert.equal(ranked.count, count);
  assert.ok(ranked.length < 100, "only the first are made results");
  const expected = [2007, 1007, 7].concat(Array.from({ length: count }, (_, i) => count - 1 - i).filter((doc) => doc % 1000 !== 7));
  assert.deepEqual(ranked.slice(0, 50).map((r) => r.doc), expected.slice(0, 50));
  assert.deepEqual(ranked.sortAll().map((r) => r.doc), expected);
});

test("a word is in the terms file of its longest prefix, or the one file of a small index", () => {
  assert.equal(search.shardFor("printer", { shards: [""], vocabulary: [] }), "terms");
  assert.equal(search.shardFor("printer", { shards: ["a", "p", "pr", "x"], vocabulary: [] }), "terms-pr");
  assert.equal(search.shardFor("pa", { shards: ["a", "p", "pr", "x"], vocabulary: [] }), "terms-p");
  assert.equal(search.shardFor("print servic", { shards: ["p", "print", "pr"], vocabulary: [] }), "terms-print");
});

test("a query loads the words file of its first letters, those of typos only when asked, and the terms files its words begin", () => {
  const index = { shards: ["p", "pas", "pass", "passw", "pass_r", "pr"], vocabulary: ["pa", "as", "ps", "pr"], stemmer: "english" };
  const first = search.vocabularyFiles(index, "pas", null);
  assert.deepEqual(first.filter((name) => name.startsWith("words-")), ["words-pa"]);
  // Every terms file of words that begin "pas", not those of pairs ("pass r…"), which the pair's own lookup loads.
  assert.deepEqual(first.filter((name) => name.startsWith("terms-")).sort(), ["terms-pas", "terms-pass", "terms-passw"]);
  assert.deepEqual(search.vocabularyFiles(index, "pas", ["pas"]).filter((name) => name.startsWith("words-")).sort(),
    ["words-as", "words-pa", "words-ps"]);
  const wider = { shards: index.shards, vocabulary: index.vocabulary.concat(["ri", "pi"]), stemmer: "english" };
  assert.deepEqual(search.vocabularyFiles(wider, "pas pri", ["pri"]).filter((name) => name.startsWith("words-")).sort(),
    ["words-pa", "words-pi", "words-pr", "words-ri"], "a typo's words files only for the terms find names");
  assert.deepEqual(search.vocabularyFiles(index, "pa", null), ["terms-p"], "two letters are looked up whole");
});

test("from a word's third letter, the words files of its typos can load before they are needed", () => {
  const index = { shards: ["p"], vocabulary: ["pa", "as", "ps", "ri"], stemmer: "english" };
  assert.deepEqual(search.typoVocabularyFiles(index, "pa"), []);
  assert.deepEqual(search.typoVocabularyFiles(index, "pas"), ["words-as", "words-ps"]);
  // The first three letters name them, and only the last word's count; a key the index lacks is left out.
  assert.deepEqual(search.typoVocabularyFiles(index, "print passw"), ["words-as", "words-ps"]);
  assert.deepEqual(search.typoVocabularyFiles(index, "pri"), ["words-ri"]);
});

test("the first files of a query include those of the everyday words its terms meet", () => {
  const index = { shards: ["f", "g", "m", "p"], vocabulary: ["fu"], stemmer: "english" };
  const first = search.vocabularyFiles(index, "fund", null);
  // "fund" meets "money", "grant" and "payment" (EVERYDAY): their files load with its own.
  assert.ok(["terms-f", "terms-g", "terms-m", "terms-p"].every((name) => first.includes(name)), first.join(" "));
});

test("a term that no word of its words file is or begins needs its typos, as soon as that file is at hand", () => {
  const index = { shards: ["s"], vocabulary: ["se", "ec", "sc"], stemmer: "english" };
  const files = { "words-se": ["secur", "secret", "servic"] };
  assert.deepEqual(search.typosFromWords(index, "secr", files), null, "secret begins so");
  assert.deepEqual(search.typosFromWords(index, "secrity", files), ["secrity"]);
  assert.deepEqual(search.typosFromWords(index, "servic secrity", files), ["secrity"]);
  assert.deepEqual(search.typosFromWords(index, "sec", files), null, "three letters: no typo can answer");
  assert.deepEqual(search.typosFromWords(index, "ecurity", files), null, "its words file is not at hand: unknown");
  assert.deepEqual(search.typosFromWords(index, "zzzzz", files), ["zzzzz"], "no words file: no word begins so");
  assert.deepEqual(search.typosFromWords({ shards: [""], vocabulary: [], stemmer: "english" }, "secrity", {}), null,
    "a small index has one file for every word");
});

test("words typed as they are answer first, and the count is theirs: typos only when nothing else answers", () => {
  const files = smallCatalogue({ recall: [0, 81], rica: [1, 81], record: [2, 48] },
    [["Recall", "", "a.html"], ["Rica", "", "b.html"], ["Records", "", "c.html"]]);
  // "reca" begins "recall": "rica", a typo away, is no longer counted with it.
  assert.deepEqual(query(files, "reca").names, ["Recall"]);
  // Nothing begins with "rcall": the typo answers.
  assert.deepEqual(query(files, "rcall").names, ["Recall"]);
  assert.deepEqual(query(files, "ricord").names, ["Records"]);
});

test("a word only a few summaries or descriptions have as typed may be their misspelling: the words a typo away follow", () => {
  // "Application" in two names, "applicaton" in a summary, "hemp" in a description, "help" in a name.
  const files = smallCatalogue({ applic: [0, 82, 1, 82], applicaton: [2, 48], hemp: [2, 16], help: [0, 82] },
    [["Application Help", "", "a.html"], ["Applications", "", "b.html"], ["GCcase", "Applicaton hosting.", "c.html"]], 2);
  const found = search.findWith(files.index, "applicaton", {}, search.quietWords("en"), (name) => files[name]);
  assert.deepEqual(query(files, "applicaton").names, ["GCcase", "Application Help", "Applications"], "as typed first, then a typo away");
  assert.equal(found.count, 3);
  assert.equal(found.close, 2, "the status says how many are spelled nearly the same");
  // A word in a name is what it says; a rare short word has too many neighbours to look for them.
  assert.deepEqual(query(files, "application").names, ["Application Help", "Applications"]);
  assert.deepEqual(query(files, "hemp").names, ["GCcase"]);
});

test("a few services with every word: those with most of the words in their names join them, the count still theirs", () => {
  const name = 5 << FORMAT.CODE_FIELD_SHIFT | 4, body = 1 << FORMAT.CODE_FIELD_SHIFT;
  // Two of the three words in a name; all three in a description only.
  const files = smallCatalogue({ permit: [0, name, 1, body], export: [0, name, 1, body], good: [1, body], weather: [2, name] },
    [["Export and Import Permits", "", "a.html"], ["Phytosanitary Certificates", "", "b.html"], ["Weather", "", "c.html"]], 2);
  assert.deepEqual(query(files, "permit to export goods").names, ["Export and Import Permits", "Phytosanitary Certificates"]);
  const found = search.findWith(files.index, "permit to export goods", {}, search.quietWords("en"), (file) => files[file]);
  assert.equal(found.matching, 1, "one service has every word");
  assert.equal(found.count, 2);
  // One word of three in a name is not enough to go before every word.
  files.terms.weather = [1, body, 1, name];
  assert.deepEqual(query(files, "permit goods weather").names, ["Phytosanitary Certificates", "Export and Import Permits", "Weather"]);
});

test("a last letter typed alone begins a word: it counts where a service has it, but none needs it", () => {
  const name = 5 << FORMAT.CODE_FIELD_SHIFT | 2, body = 1 << FORMAT.CODE_FIELD_SHIFT;
  // "Vitamin D" has the letter as a word; "Customs Security" is where "customs s" may be going.
  const files = smallCatalogue({ custom: [0, name, 1, name], secur: [0, name], d: [2, name], vitamin: [2, name], s: [1, body] },
    [["Customs Security", "", "a.html"], ["Customs Brokers", "Canada's brokers.", "b.html"], ["Vitamin D", "", "c.html"]], 2);
  const begun = search.findWith(files.index, "customs s", {}, search.quietWords("en"), (file) => files[file]);
  assert.equal(begun.count, 2, "both customs services, not only the one with an \"s\" of its own");
  assert.deepEqual(query(files, "customs s").names, ["Customs Brokers", "Customs Security"]);
  assert.equal(begun.matching, 2);
  // Typed with a space after it, the letter is a word: one service has every word.
  const word = search.findWith(files.index, "customs s ", {}, search.quietWords("en"), (file) => files[file]);
  assert.equal(word.matching, 1);
  assert.deepEqual(query(files, "vitamin d").names, ["Vitamin D"]);
});

test("when no service has every word, a word only its typos answer counts with the others", () => {
  const files = smallCatalogue({ renew: [0, 81, 2, 16], passport: [1, 81] },
    [["Renewals", "", "a.html"], ["Passport", "", "b.html"], ["Licences", "", "c.html"]]);
  const found = query(files, "renew my pasport");
  assert.equal(found.partial, true);
  assert.deepEqual(found.names, ["Passport", "Renewals", "Licences"], "the rarer word, though mistyped, first");
});

test("everyday words find the words services are written in, and spelling variants", () => {
  const gun = search.candidates(search.terms("gun", "english")[0], { vocabulary: [], shards: [] }, {});
  assert.ok(gun.some(([word, quality]) => word === "firearm" && quality === 0.9), JSON.stringify(gun));
  const licence = search.candidates(search.terms("license", "english")[0], { vocabulary: [], shards: [] }, {});
  assert.ok(licence.some(([word]) => word === "licenc"));
  const bateau = search.candidates(search.terms("bateau", "french")[0], { vocabulary: [], shards: [] }, {});
  assert.ok(bateau.some(([word]) => word === "embarc"));
});

test("on show, names with the words as typed go before those with another word of the same stem", () => {
  const terms = search.terms("collective", "english");
  const shown = [{ name: "Digital Collections" }, { name: "Patent Collective Program" }, { name: "Collective", retired: true }];
  assert.deepEqual(search.preferTyped(shown, (d) => d.name, terms, "english").map((d) => d.name),
    ["Patent Collective Program", "Digital Collections", "Collective"]);
});

test("marks fall on whole words, and on the beginning of a word only for the word being typed", () => {
  const shown = (name, text) => search.marks(name, search.terms(text, "english"), "english").map(([start, length]) => name.slice(start, start + length));
  assert.deepEqual(shown("Access to Information and Privacy", "access to information"), ["Access", "to", "Information"]);
  // "a" and "as" are not the words being typed: they mark nothing inside "Access" or "Assessments".
  assert.deepEqual(shown("Security Assessments", "as security"), ["Security"]);
  // Two letters do not begin words: they are looked up as they are.
  assert.deepEqual(shown("Security Assessments", "security as"), ["Security"]);
  assert.deepEqual(shown("Security Assessments", "security ass"), ["Security", "Ass"]);
  // A typo of a whole word marks the word; a typo of a beginning marks nothing.
  assert.deepEqual(shown("Password reset", "pasword"), ["Password"]);
  assert.deepEqual(shown("Password reset", "pasw"), []);
  // A word form marks the word it meets.
  assert.deepEqual(shown("Tax returns", "taxes return"), ["Tax", "returns"]);
});

test("a service under a notice carries its state in words, for the results to show", () => {
  const noticed = builtIndex(path.join(__dirname, "../OneDoorKitTests/Golden/noticed/search"));
  const index = noticed.index;
  const docs = noticed["docs-0"];
  const position = (name) => docs.findIndex((d) => d[FORMAT.DOC_NAME] === name);
  assert.equal(search.stateOf(index, position("Hosting"))[FORMAT.STATE_CLASS], "disrupted");
  assert.equal(search.stateOf(index, position("Printing"))[FORMAT.STATE_CLASS], "affected");
  assert.equal(search.stateOf(golden.index, 0), undefined, "an index without notices has no states");
});

test("thousands of results: the first are in order, the count is all of them, and all of them come in order when asked", () => {
  // A made-up index of 1,000 services sharing a word: every third has it in its name, every tenth is retired.
  const count = 1000;
  const index = Object.create(golden.index);
  Object.assign(index, { count, shards: [""], vocabulary: [], shardSet: null, facets: [] });
  const retired = index.statuses.indexOf("retired");
  for (let doc = 0; doc < count; doc++) index.facets.push(0, 0, doc % 10 === 0 ? retired : 0, 0);
  const postings = [];
  for (let doc = 0; doc < count; doc++) {
    postings.push(doc ? 1 : 0, doc % 3 ? 1 << FORMAT.CODE_FIELD_SHIFT : (5 << FORMAT.CODE_FIELD_SHIFT) | 2);
  }
  const files = { index, terms: { widget: postings } };
  const found = search.findWith(index, "widget", {}, search.quietWords("en"), (name) => files[name]);
  assert.equal(found.count, count);
  assert.ok(found.results.length >= 50 && found.results.length < count, `${found.results.length} made`);
  const all = found.results.sortAll();
  assert.equal(all.length, count);
  assert.deepEqual(found.results.slice(0, 50).map((r) => r.doc), all.slice(0, 50).map((r) => r.doc));
  // Names first (every third service), retired ones last, ties by position.
  assert.deepEqual(all.slice(0, 3).map((r) => r.doc), [3, 6, 9]);
  assert.ok(all.slice(-100).every((r) => r.retired));
  assert.ok(all.every((r, i) => i === 0 || r.retired > all[i - 1].retired || r.score <= all[i - 1].score));
});

test("the kth largest score is found without sorting, ties and all", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const [size, distinct] of [[1, 1], [2, 2], [60, 3], [1000, 1], [1000, 5], [5000, 100000]]) {
    for (const k of [1, 2, 50].filter((k) => k <= size)) {
      const values = Float64Array.from({ length: size }, () => Math.floor(random() * distinct) / 7);
      const expected = values.slice().sort()[size - k];
      assert.equal(search.largest(values.slice(), k), expected, `${size} values of ${distinct}, k = ${k}`);
    }
  }
});
