#!/usr/bin/env python3
"""Writes a valid catalogue of N services, the same for the same N, for benchmarks.

Usage: python3 bench/generate.py N OUTPUT_DIR
       python3 bench/generate.py --performance CATALOGUE_DIR   (adds performance/results.csv to a catalogue
       generate.py wrote: 8 periods x 4 priorities for every service, 2 quarters then 6 months)
       python3 bench/generate.py --bilingual CATALOGUE_DIR   (makes a catalogue generate.py wrote English and
       French: languages [en, fr], the YAML files' names as maps, and ID.fr.md beside every service)

Every optional field is used somewhere; bodies are 150-400 words with headings, lists and service: links;
categories have sub-categories; about 3% of services are retired and 5% in the pipeline.
"""
import os
import random
import shutil
import sys

WORDS = ("access account application archive backup badge calendar camera catalogue cloud computer contract "
         "database desk device directory document email encryption file firewall form hardware identity "
         "incident internet laptop licence mailbox meeting mobile monitor network password payroll phone "
         "portal printer privacy project record recovery report request router scanner security server "
         "service share software storage support team telephone training transfer vpn website wifi").split()


SYLLABLES = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge go la le li lo lu ma me mi mo " \
            "na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo".split()


def vocabulary():
    """Real words first, then 6,000 made-up ones, so bodies have a vocabulary as wide as real prose."""
    rng = random.Random(1)
    made_up = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(7000)}
    return WORDS + sorted(made_up)[:6000]


BODY_WORDS = vocabulary()
# Zipf-like: the k-th word is about 1/k as common as the first.
BODY_WEIGHTS = [1.0 / (k + 1) for k in range(len(BODY_WORDS))]


def sentence(rng, lo=8, hi=18, body=False):
    count = rng.randint(lo, hi)
    words = rng.choices(BODY_WORDS, BODY_WEIGHTS, k=count) if body else [rng.choice(WORDS) for _ in range(count)]
    return " ".join(words).capitalize() + "."


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261123)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "services"))
    tops = [f"area-{i:02d}" for i in range(32)]
    subs = [f"{top}-sub-{j}" for top in tops for j in range(3)]
    with open(os.path.join(out, "catalogue.yaml"), "w") as f:
        f.write("title: Benchmark Catalogue\norganisation: Benchmark Province\nbase_url: https://bench.example/\n"
                "language: en\ncontact:\n  phone: \"555-0100\"\n  email: desk@bench.example\n"
                "review_interval_days: 3650\npriorities:\n")
        for p in range(1, 5):
            f.write(f"  - id: p{p}\n    name: Priority {p}\n    description: {sentence(rng)}\n    examples: [\"{sentence(rng, 3, 5)}\"]\n")
    with open(os.path.join(out, "categories.yaml"), "w") as f:
        for top in tops:
            f.write(f"- id: {top}\n  name: Area {top[-2:]}\n  description: {sentence(rng)}\n")
        for sub in subs:
            f.write(f"- id: {sub}\n  name: {sub.replace('-', ' ').title()}\n  parent: {sub[:7]}\n")
    teams = [f"team-{i:03d}" for i in range(max(1, min(200, count // 10)))]
    with open(os.path.join(out, "teams.yaml"), "w") as f:
        for team in teams:
            f.write(f"- id: {team}\n  name: Team {team[-3:]}\n  email: {team}@bench.example\n  phone: \"555-01{team[-2:]}\"\n  url: https://bench.example/{team}\n")
    models = ["business-hours", "critical-24x7", "vendor"]
    with open(os.path.join(out, "support-models.yaml"), "w") as f:
        for model in models:
            f.write(f"- id: {model}\n  name: {model.replace('-', ' ').title()}\n  hours: Monday to Friday, 08:30-16:30\n"
                    "  channels:\n    - type: phone\n      value: \"555-0100\"\n      label: Desk\n"
                    "    - type: email\n      value: desk@bench.example\n    - type: portal\n      value: https://bench.example/desk\n"
                    "    - type: chat\n      value: https://bench.example/chat\n    - type: walk-in\n      value: Building 1, ground floor\n"
                    "  escalation: [Desk, Resolver, Owner]\n  targets:\n")
            for p, (respond, resolve, pct) in enumerate([("15m", "4wh", 95), ("30m", "8wh", 95), ("4wh", "2wd", 80), ("1wd", "10wd", 80)], 1):
                f.write(f"    - priority: p{p}\n      respond: {respond}\n      resolve: {resolve}\n      percent: {pct}\n")
    ids = [f"service-{i:06d}" for i in range(count)]
    status = {}
    for i, sid in enumerate(ids):
        roll = rng.random()
        status[sid] = "retired" if roll < 0.03 and i > 0 else "pipeline" if roll < 0.08 else "live"
    live = [sid for sid in ids if status[sid] == "live"]
    for i, sid in enumerate(ids):
        category = subs[i % len(subs)] if i >= len(tops) else tops[i]
        if i < len(subs) + len(tops) and i >= len(tops):
            category = subs[i - len(tops)]
        team = teams[i % len(teams)]
        earlier = [ids[j] for j in rng.sample(range(i), min(i, 3)) if status[ids[j]] != "retired"] if i else []
        lines = ["---", f"name: Service {i} {rng.choice(WORDS).title()} {rng.choice(WORDS).title()}",
                 f"summary: {sentence(rng)}", f"category: {category}",
                 f"type: {rng.choice(['business', 'enterprise'])}", f"status: {status[sid]}", f"owner: {team}",
                 f"support_model: {models[i % 3]}", f"audience: [staff, {rng.choice(['managers', 'it staff', 'contractors'])}]",
                 f"keywords: [{', '.join(rng.sample(WORDS, 4))}]"]
        if i % 2 == 0:
            lines.append(f"request_url: https://bench.example/request/{sid}")
        if i % 5 == 0:
            lines += ["contacts:", f"  - role: Service owner", f"    name: Person {i}", f"    email: person{i}@bench.example"]
        if earlier and status[sid] != "retired":
            lines.append(f"depends_on: [{', '.join(earlier)}]")
        if i % 7 == 0:
            lines += ["targets:", "  - priority: p1", "    respond: 10m", "    resolve: 2h", "    percent: 99"]
        if i % 3 == 0:
            lines += [f"availability: {rng.choice(['99.9', '99.5', '99.95'])}", "continuity:", "  rto: 4h", "  rpo: 1h"]
        if i % 4 == 0:
            lines.append("cost: No charge to departments")
        lines.append(f"last_reviewed: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}")
        if status[sid] == "retired":
            lines.append(f"replaced_by: {rng.choice(live)}")
        lines.append("---")
        body, words = [""], 0
        target = rng.randint(150, 400)
        while words < target:
            kind = rng.random()
            if kind < 0.15:
                body += [f"## {sentence(rng, 2, 4)[:-1]}", ""]
            elif kind < 0.35:
                items = [f"- {sentence(rng, 4, 8, body=True)}" for _ in range(rng.randint(2, 4))]
                body += items + [""]
                words += sum(len(item.split()) for item in items)
            else:
                text = sentence(rng, 15, 30, body=True)
                if earlier and rng.random() < 0.3:
                    text += f" See [the related service](service:{rng.choice(earlier)})."
                body += [text, ""]
                words += len(text.split())
        folder = os.path.join(out, "services", category)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, sid + ".md"), "w") as f:
            f.write("\n".join(lines + body))


def performance(catalogue):
    """Results for every service of a generated catalogue: 8 periods x 4 priorities each."""
    rng = random.Random(8)
    ids = sorted(name[:-3] for _, _, files in os.walk(os.path.join(catalogue, "services")) for name in files if name.endswith(".md"))
    periods = ["2026-Q1", "2026-Q2", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
    os.makedirs(os.path.join(catalogue, "performance"), exist_ok=True)
    with open(os.path.join(catalogue, "performance", "results.csv"), "w") as f:
        f.write("period,service,priority,resolved,within_target,opened,satisfied,neutral,dissatisfied\r\n")
        for sid in ids:
            for period in periods:
                for p in range(1, 5):
                    resolved = rng.randint(0, 40 * p)
                    within = resolved - rng.randint(0, max(1, resolved // 8)) if resolved else 0
                    answers = resolved // 10
                    satisfied = rng.randint(0, answers)
                    f.write(f"{period},{sid},p{p},{resolved},{max(0, within)},{resolved + rng.randint(0, 5)},"
                            f"{satisfied},{rng.randint(0, answers - satisfied)},{rng.randint(0, 2)}\r\n")


def bilingual(catalogue):
    """The same catalogue in English and French: every text of the YAML files a map, every service translated
    (its name, summary and description, in made-up French as long as the English)."""
    import re
    path = os.path.join(catalogue, "catalogue.yaml")
    text = open(path).read().replace("language: en\n", "languages: [en, fr]\n")
    open(path, "w").write(text)
    for name in ["catalogue.yaml", "categories.yaml", "teams.yaml", "support-models.yaml"]:
        path = os.path.join(catalogue, name)
        lines = []
        for line in open(path).read().split("\n"):
            match = re.match(r"^(\s*(?:- )?(?:title|organisation|name|description|hours|label): )(.+)$", line)
            listed = re.match(r"^(\s*(?:- )?(?:examples|escalation): )\[(.+)\]$", line)
            if match and not match.group(2).startswith("{"):
                value = match.group(2).strip('"')
                line = f'{match.group(1)}{{en: "{value}", fr: "{value} (fr)"}}'
            elif listed:
                line = f'{listed.group(1)}{{en: [{listed.group(2)}], fr: [{listed.group(2)}]}}'
            lines.append(line)
        open(path, "w").write("\n".join(lines))
    for folder, _, files in os.walk(os.path.join(catalogue, "services")):
        for name in files:
            if not name.endswith(".md") or name.count(".") > 1:
                continue
            text = open(os.path.join(folder, name)).read()
            front, body = text.split("\n---\n", 1)
            fields = dict(re.findall(r"^(name|summary|cost): (.*)$", front, flags=re.MULTILINE))
            french = "---\n" + "".join(f"{key}: {value[:-1] + ' (fr)' + value[-1] if value.startswith(chr(34)) else value + ' (fr)'}\n" for key, value in fields.items())
            # Lists and contacts translated too, so that the catalogue is whole in both languages.
            for key, value in re.findall(r"^(keywords|audience): \[(.*)\]$", front, flags=re.MULTILINE):
                french += f"{key}: [{', '.join(item.strip() + ' fr' for item in value.split(','))}]\n"
            contacts = re.search(r"^contacts:\n((?:  .*\n?)+)", front + "\n", flags=re.MULTILINE)
            if contacts:
                french += "contacts:\n" + re.sub(r"(role: )(.*)", r"\1\2 (fr)", contacts.group(1)).rstrip("\n") + "\n"
            open(os.path.join(folder, name[:-3] + ".fr.md"), "w").write(french + "---\n" + body.replace("The ", "Le ").replace(" the ", " le "))


if __name__ == "__main__":
    if sys.argv[1] == "--performance":
        performance(sys.argv[2])
    elif sys.argv[1] == "--bilingual":
        bilingual(sys.argv[2])
    else:
        main()
