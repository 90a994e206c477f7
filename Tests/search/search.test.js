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
  const index = files.index;
  const shardData = search.terms(text).map((term) => search.termFiles(term, index).map((name) => files[name]));
  const found = search.find(index, text, filters, quiet, shardData);
  const docs = found.results.map((r) => files["docs-" + Math.floor(r.doc / index.chunk)][r.doc % index.chunk]);
  return { names: docs.map((d) => d[FORMAT.DOC_NAME]), partial: found.partial };
}

test("words are folded: accents and case off, letters and digits only", () => {
  assert.deepEqual(search.words("Éméil, Wi-Fi 5G — ŒUVRE"), ["emeil", "wi", "fi", "5g", "oeuvre"]);
  assert.equal(search.fold("ÀÉÎÕÜ"), "aeiou");
  assert.deepEqual(search.terms("wifi WiFi wi-fi"), ["wifi", "wi", "fi"]);
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

test("a word answers a term exactly, as its beginning, or a typo away", () => {
  assert.equal(search.quality("email", "email"), 1);
  assert.equal(search.quality("shar", "sharepoint"), 0.8);
  assert.equal(search.quality("emial", "email"), 0.6);
  assert.equal(search.quality("secrity", "security"), 0.6);
  assert.equal(search.quality("sharpe", "sharepoint"), 0.5);
  assert.equal(search.quality("vpn", "vpm"), 0, "three letters forgive no typo");
});

test("postings are read by their named positions: a doc's distance from the one before, then a weight", () => {
  const shard = { printer: [0, 6, 2, 3, 1, 10] };
  const scores = search.matches("printer", [shard]);
  assert.deepEqual([...scores.entries()], [[0, 6], [2, 3], [3, 10]]);
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

test("every word must match; when none has all, the quiet words go first, and it says so", () => {
  assert.deepEqual(query(golden, "laptop staff").names, ["Laptops"]);
  const some = query(golden, "laptop servers");
  assert.deepEqual(some.names.sort(), ["Hosting", "Laptops"]);
  assert.equal(some.partial, true);
  const sentence = query(golden, "how do I get a laptop");
  assert.deepEqual(sentence.names, ["Laptops"]);
  assert.equal(sentence.partial, true);
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
  const found = { scores: new Map([[0, 5], [1, 1], [2, 1]]) };
  assert.deepEqual(search.rank(index, found, {}).map((r) => r.doc), [2, 1, 0]);
});

test("the shards a term needs are those its first letters name, or the one file of a small index", () => {
  assert.deepEqual(search.termFiles("printer", { shards: [""] }), ["terms"]);
  assert.deepEqual(search.termFiles("printer", { shards: ["a", "p", "pr", "x"] }), ["terms-p", "terms-pr"]);
});

test("words typed as they are answer first, and the count is theirs: typos only when nothing else answers", () => {
  const files = {
    index: { count: 3, chunk: 50, shards: [""], categories: [], teams: [], types: [], statuses: ["live"], facets: [], order: [0, 1, 2] },
    terms: { recall: [0, 10], rica: [1, 10], record: [2, 3] },
    "docs-0": [["Recall", "", "a.html"], ["Rica", "", "b.html"], ["Records", "", "c.html"]],
  };
  files.index.facets = [-1, 0, 0, -1, -1, 0, 0, -1, -1, 0, 0, -1];
  // "reca" begins "recall": "rica", a typo away, is no longer counted with it.
  assert.deepEqual(query(files, "reca").names, ["Recall"]);
  // Nothing begins with "rcall": the typo answers.
  assert.deepEqual(query(files, "rcall").names, ["Recall"]);
  assert.deepEqual(query(files, "ricord").names, ["Records"]);
});

test("marks fall on whole words, and on the beginning of a word only for the word being typed", () => {
  const shown = (name, text) => search.marks(name, search.terms(text)).map(([start, length]) => name.slice(start, start + length));
  assert.deepEqual(shown("Access to Information and Privacy", "access to information"), ["Access", "to", "Information"]);
  // "a" and "as" are not the words being typed: they mark nothing inside "Access" or "Assessments".
  assert.deepEqual(shown("Security Assessments", "as security"), ["Security"]);
  assert.deepEqual(shown("Security Assessments", "security as"), ["Security", "As"]);
  // A typo of a whole word marks the word; a typo of a beginning marks nothing.
  assert.deepEqual(shown("Password reset", "pasword"), ["Password"]);
  assert.deepEqual(shown("Password reset", "pasw"), []);
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
