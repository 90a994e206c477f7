/* The client's stemmers against the reference implementation's stems (PyPI snowballstemmer) of every
   word of the Government of Canada's inventory, the same fixtures the Swift stemmers are held to. */
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const stem = require("../../site-templates/assets/stem.js");

function reference(language) {
  const file = path.join(__dirname, "..", "OneDoorKitTests", "Fixtures", "stems", language + ".tsv");
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => line.split("\t"));
}

for (const language of ["english", "french"]) {
  test(`${language} stems every inventory word as the reference does`, () => {
    const pairs = reference(language);
    assert.ok(pairs.length > 8000);
    const wrong = pairs.filter(([word, expected]) => stem[language](word) !== expected);
    assert.deepStrictEqual(wrong.slice(0, 20).map(([word, expected]) => [word, expected, stem[language](word)]), []);
  });
}

test("word forms meet", () => {
  assert.strictEqual(stem.english("taxes"), stem.english("tax"));
  assert.strictEqual(stem.english("licences"), stem.english("licence"));
  assert.strictEqual(stem.french("passeports"), stem.french("passeport"));
});
