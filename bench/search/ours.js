// Runs the query set against a built portal's search index with the client's own code (the same
// search.js the pages load), as a page would: words files, then terms files, then the ranking.
// Usage: node bench/search/ours.js SITE QUERIES.tsv > results.json
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const search = require("../../site-templates/assets/search.js");

const [site, queries] = process.argv.slice(2);
const folders = { en: "en/search", fr: "fr/search" };
const cache = {};

function file(folder, name) {
  const key = folder + "/" + name;
  if (!(key in cache)) {
    let data;
    const context = { OneDoorSearch: { receive: (_, value) => { data = value; } } };
    const source = path.join(site, folder, name + ".js");
    if (fs.existsSync(source)) vm.runInNewContext(fs.readFileSync(source, "utf8"), context);
    cache[key] = data;
  }
  return cache[key];
}

const results = [];
for (const line of fs.readFileSync(queries, "utf8").split("\n").slice(1).filter(Boolean)) {
  const [kind, query] = line.split("\t");
  const language = kind === "french" ? "fr" : "en";
  const folder = fs.existsSync(path.join(site, folders[language])) ? folders[language] : "search";
  const index = file(folder, "index");
  const quiet = search.quietWords(language);
  const found = search.findWith(index, query, {}, quiet, (name) => file(folder, name));
  // The first ten as the page shows them.
  const shown = found.results.slice(0, 10).map((r) => {
    const doc = file(folder, search.docsFile(index, r.doc))[r.doc % index.chunk];
    return { name: doc[search.FORMAT.DOC_NAME], href: doc[search.FORMAT.DOC_HREF], retired: r.retired };
  });
  const ids = search.preferTyped(shown, (doc) => doc.name, found.terms, index.stemmer)
    .map((doc) => doc.href.replace(/^services\//, "").replace(/\.html$/, ""));
  results.push({ kind, query, ids, count: found.count });
}
process.stdout.write(JSON.stringify(results));
