#!/usr/bin/env python3
"""Writes Tests/OneDoorKitTests/Fixtures/stems/{english,french}.tsv: every word of the Government of
Canada's service inventory (converted by ../shared/tools/gc-convert --bilingual) with its stem by the
reference implementation, PyPI snowballstemmer. English words are folded first (accents off, as the
index folds them); French words are kept in lower case with their accents, which the French stemmer reads.

Usage: python3 Tests/stems/make_fixtures.py CONVERTED_CATALOGUE
"""
import pathlib
import re
import sys
import unicodedata

import snowballstemmer

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "OneDoorKitTests" / "Fixtures" / "stems"


def fold(text):
    text = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)).lower()
    return text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def words(catalogue):
    english, french = set(), set()
    for path in pathlib.Path(catalogue, "services").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if path.name.endswith(".fr.md"):
            french.update(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower()))
        else:
            english.update(re.findall(r"[^\W_]+", fold(text)))
    return english, french


def main():
    english, french = words(sys.argv[1])
    for language, found in (("english", english), ("french", french)):
        stemmer = snowballstemmer.stemmer(language)
        lines = "".join(f"{word}\t{stemmer.stemWord(word)}\n" for word in sorted(found))
        (FIXTURES / f"{language}.tsv").write_text(lines, encoding="utf-8")
        print(f"{language}: {len(found)} words")


if __name__ == "__main__":
    main()
