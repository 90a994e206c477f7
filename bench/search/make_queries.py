#!/usr/bin/env python3
"""Writes the search quality query set (bench/search/queries.tsv) from the Government of Canada's
service inventory as ../shared/tools/gc-convert --bilingual converts it. Seeded, so the same data
always gives the same queries; the plain-language needs are written by hand below, each with the
services a person asking it wants (any of them in the top three counts).

Six kinds, as the issue measured them:
- name: a service's whole name;
- typo: a name with one letter wrong, missing, extra or swapped in its longest word — at the first
  letter for a third of them, the second for a third, elsewhere for the rest;
- prefix: a name's first words, the last cut short, as someone still typing;
- plain: a need in plain words (below);
- keyword: one of the inventory's keywords, answered by any service that has it;
- french: a service's French name, half of them typed without accents.

Usage: python3 bench/search/make_queries.py CONVERTED_CATALOGUE > bench/search/queries.tsv
"""
import pathlib
import random
import re
import sys
import unicodedata

import snowballstemmer

QUIET = set("a an and are as at by de for from in into of on or the to under with".split())

PLAIN = [
    ("renew my passport", ["canadian-passport-1242", "passports-travel-documents-srv03049"]),
    ("money while I look for work", ["employment-insurance-ei-benefits-1003"]),
    ("lost my job need income", ["employment-insurance-ei-benefits-1003"]),
    ("pension when I retire", ["canada-pension-plan-cpp-benefits-7", "old-age-security-oas-benefits-1001"]),
    ("help paying for university", ["canada-student-grants-and-canada-student-loans-1296"]),
    ("money for my kids", ["canada-child-benefit-ccb-applications-1107"]),
    ("file my taxes", ["individual-income-tax-returns-1097"]),
    ("free help doing my tax return", ["community-volunteer-income-tax-program-3729"]),
    ("become a canadian citizen", ["grant-of-citizenship-srv03048"]),
    ("get a number to work in canada", ["provision-of-a-social-insurance-number-1292"]),
    ("licence to own a gun", ["canadian-firearms-program-cfp-firearms-licensing-f-926"]),
    ("register my boat", ["pleasure-craft-licence-srv03509", "register-a-vessel-srv03485"]),
    ("protect my brand name", ["register-trademarks-1258"]),
    ("protect my invention", ["grant-patents-1267"]),
    ("weather forecast", ["public-weather-1995"]),
    ("visit canada as a tourist", ["electronic-travel-authorization-1422", "immigration-secondary-temporary-resident-program-v-673"]),
    ("study in canada", ["study-permit-1428", "immigration-secondary-temporary-resident-program-s-675"]),
    ("permission to work in canada", ["work-permit-srv03051"]),
    ("bring my family to live in canada", ["family-reunification-permanent-residence-srv03046"]),
    ("disabled and cannot work pension", ["canada-pension-plan-disability-benefits-991"]),
    ("tax break for disability", ["disability-tax-credit-1146"]),
    ("loan to start a small business", ["canada-small-business-financing-program-csbfp-1243"]),
    ("visit a national park", ["access-to-places-administered-by-parks-canada-srv02886"]),
    ("register my company for taxes", ["business-number-bn-registration-1116"]),
    ("sales tax return for my business", ["gst-hst-returns-1099"]),
    ("help for homeless veterans", ["veteran-homelessness-vh-3570"]),
    ("health advice before travelling abroad", ["travel-health-advice-2265"]),
    ("copyright my book", ["register-copyrights-1255", "copyright-3573"]),
    ("ask for government records", ["*access to information and privacy"]),
    ("licence for a radio station", ["issuing-radio-spectrum-licences-1306", "certification-coordination-and-technical-analysis-1303"]),
]


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    fields = {}
    for line in text.split("---", 2)[1].splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def unquote(value):
    return value[1:-1].replace('\\"', '"') if value.startswith('"') else value


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def typo(word, position, generator):
    """One edit at `position`: a letter replaced, left out, doubled or swapped with the next."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    kind = generator.choice(["replace", "drop", "insert", "swap"])
    if kind == "swap" and position + 1 < len(word) and word[position] != word[position + 1]:
        return word[:position] + word[position + 1] + word[position] + word[position + 2:]
    if kind == "drop":
        return word[:position] + word[position + 1:]
    if kind == "insert":
        return word[:position] + generator.choice(letters) + word[position:]
    replacement = generator.choice([c for c in letters if c != word[position].lower()])
    return word[:position] + replacement + word[position + 1:]


def main():
    catalogue = pathlib.Path(sys.argv[1])
    generator = random.Random(2026)
    services = {}
    for path in sorted(catalogue.glob("services/**/*.md")):
        language = "fr" if path.name.endswith(".fr.md") else "en"
        identifier = path.name[: -len(".fr.md")] if language == "fr" else path.stem
        fields = front_matter(path)
        services.setdefault(identifier, {})[language] = fields
    ids = sorted(identifier for identifier in services if "en" in services[identifier])
    by_name = {}
    for identifier in ids:
        by_name.setdefault(unquote(services[identifier]["en"]["name"]).lower(), []).append(identifier)

    def same_name(identifier):
        return by_name[unquote(services[identifier]["en"]["name"]).lower()]

    rows = []
    # Names with a word of five letters or more, so that a typo has room.
    candidates = [i for i in ids if max(len(w) for w in re.findall(r"\w+", unquote(services[i]["en"]["name"]))) >= 5]
    chosen = generator.sample(candidates, 70)
    for identifier in chosen[:20]:
        rows.append(("name", unquote(services[identifier]["en"]["name"]), same_name(identifier)))
    for n, identifier in enumerate(chosen[20:50]):
        name = unquote(services[identifier]["en"]["name"])
        longest = max(re.findall(r"[A-Za-z]+", name), key=len)
        position = 0 if n % 3 == 0 else 1 if n % 3 == 1 else generator.randrange(2, len(longest))
        rows.append(("typo", name.replace(longest, typo(longest, position, generator), 1), same_name(identifier)))
    for identifier in chosen[50:70]:
        # Typed from the start and stopped inside the second telling word (of four letters or more, not
        # a quiet word), or inside the first when the name has one: what someone has typed when the
        # service they want could be told apart.
        words = re.findall(r"[\w'’]+", unquote(services[identifier]["en"]["name"]))
        telling = [n for n, word in enumerate(words) if len(word) >= 4 and word.lower() not in QUIET]
        stop = telling[1] if len(telling) >= 2 else telling[0] if telling else len(words) - 1
        kept = words[: stop + 1]
        last = kept[-1]
        if len(last) > 4:
            kept[-1] = last[: max(4, (len(last) * 3 + 4) // 5)]
        rows.append(("prefix", " ".join(kept), same_name(identifier)))
    for query, answers in PLAIN:
        if answers[0].startswith("*"):
            answers = by_name[answers[0][1:]]
        missing = [a for a in answers if a not in services]
        assert not missing, missing
        rows.append(("plain", query, answers))
    keywords = {}
    for identifier in ids:
        for keyword in re.findall(r'"([^"]+)"', services[identifier]["en"].get("keywords", "")):
            keywords.setdefault(keyword.lower(), []).append(identifier)
    # A service named by the keyword (by its stem: "centres" names "Client Service Centre") answers it
    # too, as well as those that list it.
    stem = snowballstemmer.stemmer("english").stemWord
    named = {}
    for identifier in ids:
        for word in set(re.findall(r"[a-z]+", unquote(services[identifier]["en"]["name"]).lower())):
            named.setdefault(stem(word), []).append(identifier)
    # Keywords that tell services apart: found in at most 20.
    telling = sorted(k for k, found in keywords.items() if 1 <= len(found) <= 20 and len(k) >= 4)
    for keyword in generator.sample(telling, 20):
        rows.append(("keyword", keyword, sorted(set(keywords[keyword]) | set(named.get(stem(keyword), [])))))
    french = [i for i in ids if "fr" in services[i]]
    for n, identifier in enumerate(generator.sample(french, 20)):
        name = unquote(services[identifier]["fr"]["name"])
        rows.append(("french", strip_accents(name) if n % 2 else name, same_name(identifier)))
    print("kind\tquery\tanswers")
    for kind, query, answers in rows:
        print(f"{kind}\t{query}\t{' '.join(answers)}")


if __name__ == "__main__":
    main()
