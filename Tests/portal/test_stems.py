"""The stem fixtures still agree with the reference implementation (PyPI snowballstemmer), and the
client's stemmers agree with it on words beyond the inventory: random words made of each language's
letters and suffixes, run through node."""
import json
import pathlib
import random
import shutil
import subprocess

import pytest

snowballstemmer = pytest.importorskip("snowballstemmer")
ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "OneDoorKitTests" / "Fixtures" / "stems"


@pytest.mark.parametrize("language", ["english", "french"])
def test_fixtures_are_the_references_stems(language):
    stemmer = snowballstemmer.stemmer(language)
    lines = (FIXTURES / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
    wrong = [line for line in lines if stemmer.stemWord(line.split("\t")[0]) != line.split("\t")[1]]
    assert not wrong[:20]


def random_words(letters, suffixes, count, seed):
    generator = random.Random(seed)
    return sorted({
        "".join(generator.choice(letters) for _ in range(generator.randint(1, 8))) + generator.choice(suffixes)
        for _ in range(count)
    })


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the client's stemmers")
@pytest.mark.parametrize("language,letters,suffixes", [
    ("english", "aeiouybcdlmnrstgwxy", ["", "s", "es", "ies", "ed", "ing", "ingly", "eed", "ly", "ational", "ization",
                                        "fulness", "ousli", "iviti", "biliti", "logi", "ness", "ative", "ement", "ion", "e", "ll"]),
    ("french", "aeiouyâàëéêèïîôûùbcdlmnrstqpgvçh", ["", "s", "ance", "ation", "atrice", "logie", "ement", "ements", "ité",
                                                   "ive", "eaux", "aux", "oux", "euse", "issement", "amment", "emment", "ment",
                                                   "ira", "issant", "ions", "èrent", "erait", "asse", "ais", "ière", "ion", "e"]),
])
def test_client_stems_random_words_as_the_reference(language, letters, suffixes):
    words = random_words(letters, suffixes, 20000, seed=language)
    stemmer = snowballstemmer.stemmer(language)
    script = (f"const stem = require({json.dumps(str(ROOT / 'site-templates' / 'assets' / 'stem.js'))});"
              f"let input = ''; process.stdin.on('data', d => input += d);"
              f"process.stdin.on('end', () => console.log(JSON.stringify(JSON.parse(input).map(w => stem.{language}(w)))));")
    result = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True, check=True)
    got = json.loads(result.stdout)
    wrong = [(word, stemmer.stemWord(word), mine) for word, mine in zip(words, got) if stemmer.stemWord(word) != mine]
    assert not wrong[:20]
