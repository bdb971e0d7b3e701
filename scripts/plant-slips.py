#!/usr/bin/env python3
"""Recall on planted slips: copy real articles, plant one slip of one kind in each copy, lint the
copies, and count how many slips factlint reports at the place they were planted.

Usage: scripts/plant-slips.py [--bin BINARY] [--per-folder N] [--kinds K,K] [--show K] [DIR]

DIR is a folder of article folders (default: ../shared/corpus next to the checkout). For every
kind below and every folder, up to N articles (default 40) that have a site for the kind get one
slip each, picked the same way on every run (sorted paths, the first site in the text). A slip
is caught when the copy has a finding of the kind's code whose span, or a related span, touches
the planted place. The table gives caught/planted per kind and folder; `--show K` lists the
missed plants of kind K with their context, to read.

The planters only look for the shapes the rules are about (a name mentioned twice, a figure
restated, a full date, a range, a closed quotation), so the sites are real sentences of real
copy and the slips are the kind an editor makes: a letter swapped, a digit changed, a day that
does not exist, a mark deleted.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NOT_GIVEN = set("""The A An In On At By For From To Of And But Or If As When While After Before
Mr Mrs Ms Dr Sir President Prime Minister Senator Governor Mayor Chief Judge Justice Secretary
General Director Chairman Lord Lady Saint St New North South East West United Royal National
This That These Those Last Next Monday Tuesday Wednesday Thursday Friday Saturday Sunday It
He She They We His Her Their Its Our Under With Without About Over Since Until Into During
Former Deputy Vice Foreign Home Labour Tory Democrat Republican Rep Sen Gov Gen Col Capt""".split())
NOT_GIVEN |= set(MONTHS)
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10}
WORD_FOR = {v: k for k, v in COUNT_WORDS.items()}


def byte_at(text, index):
    return len(text[:index].encode("utf-8"))


class Plant:
    def __init__(self, code, text, windows, note):
        self.code = code
        self.text = text
        self.windows = windows  # (start, end) character ranges in the planted text
        self.note = note


def misspell(word, variant):
    inner = list(word)
    n = len(inner)
    kind = variant % 3
    if kind == 0 and n >= 5:  # swap two letters inside
        i = n // 2
        if inner[i] != inner[i - 1]:
            inner[i - 1], inner[i] = inner[i], inner[i - 1]
            return "".join(inner)
    if kind == 1 and n >= 5:  # drop one inner letter
        i = n // 2
        return word[:i] + word[i + 1:]
    i = n - 2 if n > 3 else 1  # change one vowel
    for j in list(range(i, 0, -1)) + list(range(i + 1, n)):
        c = inner[j]
        if c in "aeiou":
            inner[j] = {"a": "e", "e": "a", "i": "e", "o": "a", "u": "o"}[c]
            return "".join(inner)
    return word[:1] + word[1:].replace(word[1], word[1] * 2, 1)


FULL_NAME = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})\b")


def people(text):
    """(given, surname, first full-name index, later bare surname indexes)."""
    seen = set()
    for m in FULL_NAME.finditer(text):
        given, surname = m.group(1), m.group(2)
        if given in NOT_GIVEN or surname in NOT_GIVEN or surname in seen:
            continue
        seen.add(surname)
        later = [b.start() for b in re.finditer(r"\b%s\b" % re.escape(surname), text)
                 if b.start() > m.end() and text[max(0, b.start() - len(given) - 1):b.start()]
                 != given + " "]
        later = [i for i in later if not text[i + len(surname):i + len(surname) + 1].isalpha()
                 and not text[i + len(surname):].startswith(("'s", "’s"))]
        # A person: the bare surname speaks or carries an honorific somewhere.
        speaks = re.search(r"(?:\b(?:Mr|Mrs|Ms|Dr)\.? %s\b|\b%s,? (?:said|says|told|added|wrote|"
                           r"explained|stated|asked|argued|noted))" % (surname, surname), text)
        if later and speaks:
            yield given, surname, m.start(), later


def plant_name_misspelling(text, seed):
    for given, surname, start, later in people(text):
        at = later[0]
        wrong = misspell(surname, seed)
        if wrong == surname:
            continue
        new = text[:at] + wrong + text[at + len(surname):]
        return Plant("P001", new, [(at, at + len(wrong))], f"{given} {surname} -> {wrong}")
    return None


def paragraph_bounds(text, index):
    start = text.rfind("\n\n", 0, index)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", index)
    return start, (len(text) if end < 0 else end)


def plant_namesake(text, seed):
    men, women = ["Daniel", "Samuel", "Martin"], ["Laura", "Helen", "Clara"]
    for given, surname, start, later in people(text):
        at = later[0]
        p_start, _ = paragraph_bounds(text, at)
        if p_start <= start:
            continue
        # The namesake shares the honorific the reference carries, so only the name can tell.
        before = text[max(0, at - 5):at]
        others = men if "Mr" in before else women if re.search(r"M(r)?s", before) else men + women
        other = others[seed % len(others)]
        if other == given:
            other = others[(seed + 1) % len(others)]
        sentence = f"{other} {surname}, who also works on the project, was there too.\n\n"
        new = text[:p_start] + sentence + text[p_start:]
        at += len(sentence)
        return Plant("P002", new, [(at, at + len(surname))], f"{other} {surname} before {surname}")
    return None


def plant_unintroduced(text, seed):
    for given, surname, start, later in people(text):
        if text.count(given + " " + surname) != 1:
            continue
        new = text[:start] + text[start + len(given) + 1:]
        shift = len(given) + 1
        windows = [(start, start + len(surname))] + [(i - shift, i - shift + len(surname))
                                                      for i in later]
        return Plant("P003", new, windows, f"{given} {surname} introduced as {surname}")
    return None


FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+\.\d+|\d{3,})(?![\w,]*\d)"
                    r"(?=\s?(?:%|percent|per cent|pct|million|billion|mln|bln|m\b|bn\b|[a-z]))")


def plant_restated_figure(text, seed):
    """A figure given twice with the same two words after it ("45,000 jobs" … "45,000 jobs"),
    the second changed in one digit."""
    seen = {}
    for m in FIGURE.finditer(text):
        value = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", value) or text[:m.start()].endswith(("per ", "No. ")):
            continue
        after = re.match(r"\s?((?:%|[^\W\d]+)(?:\s[^\W\d]+)?)", text[m.end(1):])
        if not after:
            continue
        key = (value, after.group(1).lower())
        if key in seen:
            first = seen[key]
            digits = [i for i, c in enumerate(value) if c.isdigit()]
            i = digits[len(digits) // 2]
            changed = value[:i] + str((int(value[i]) + 1 + seed % 7) % 10) + value[i + 1:]
            new = text[:m.start(1)] + changed + text[m.end(1):]
            return Plant("N001", new, [(first, first + len(value)),
                                       (m.start(1), m.start(1) + len(changed))],
                         f"{value} {after.group(1)} restated as {changed}")
        seen[key] = m.start(1)
    return None


COUNT_LIST = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]) ([a-z]+(?: [a-z]+)?)"
                        r"(:| —| –| -- | - |, namely)\s*([^.:;\n]{3,300}?)(?=[.;\n])")


def list_items(body):
    parts = re.split(r",\s*(?:and|or)?\s*|\s+(?:and|or)\s+", body.strip())
    return [p for p in parts if p.strip()]


def plant_count(text, seed):
    for m in COUNT_LIST.finditer(text):
        word = m.group(1)
        count = COUNT_WORDS.get(word.lower()) or int(word)
        items = list_items(m.group(4))
        if len(items) != count or not re.search(r"\b(and|or)\b", m.group(4)):
            continue
        wrong = count + 1
        wrong_word = str(wrong) if word.isdigit() else WORD_FOR.get(wrong, str(wrong))
        new = text[:m.start(1)] + wrong_word + text[m.end(1):]
        return Plant("N003", new, [(m.start(1), m.end(0) + len(wrong_word) - len(word))],
                     f"{word} {m.group(2)} -> {wrong_word}")
    return None


PART_OF = re.compile(r"\b(\d{1,4}) (of|out of) (the |its |their |all )?(\d{1,4})\b")


def plant_part_whole(text, seed):
    for m in PART_OF.finditer(text):
        part, whole = int(m.group(1)), int(m.group(4))
        if not 0 < part < whole or re.match(r"\s*(?:%|percent|per cent|pct)", text[m.end():]):
            continue
        wrong = str(whole + 1 + seed % 3)
        new = text[:m.start(1)] + wrong + text[m.end(1):]
        return Plant("N005", new, [(m.start(1), m.end(0) + len(wrong) - len(m.group(1)))],
                     f"{part} of {whole} -> {wrong} of {whole}")
    return None


UNIT = r"(km|kilometres|kilometers|miles|mi|kg|kilograms|pounds|lb|lbs|metres|meters|feet|ft|m|cm|inches|in|hectares|acres|°C|°F|C|F)"
CONVERSION = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?" + UNIT + r"\s?\((?:about |around |roughly )?(\d[\d,]*(?:\.\d+)?)\s?" + UNIT + r"\)")
MONEY = re.compile(r"([£$€]\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|million|billion))?)\s?\((?:about |around |roughly )?([£$€]|US\$|Rs\.? )(\d[\d,]*(?:\.\d+)?)((?:\s?(?:m|bn|million|billion))?)\)")


def plant_conversion(text, seed):
    for pattern, group in ((CONVERSION, 3), (MONEY, 3)):
        for m in pattern.finditer(text):
            value = m.group(group)
            try:
                number = float(value.replace(",", ""))
            except ValueError:
                continue
            if number == 0:
                continue
            wrong = number * 1.6
            shown = f"{wrong:,.0f}" if "," in value or number >= 100 else (
                f"{wrong:.1f}" if "." in value else f"{wrong:.0f}")
            if shown == value:
                continue
            new = text[:m.start(group)] + shown + text[m.end(group):]
            return Plant("N004", new, [(m.start(), m.end() + len(shown) - len(value))],
                         f"{m.group(0)} -> {shown}")
    return None


CHANGE = re.compile(r"\b(rose|fell|increased|decreased|jumped|climbed|dropped|declined|grew|"
                    r"gained|lost|slipped|surged|plunged|was up|was down|were up|were down) "
                    r"(?:by )?(\d+(?:\.\d+)?) ?(%|percent|per cent|pct) "
                    r"(?:to|from) ([^.;\n]{1,80}?) (?:to|from) ([^.;\n]{1,60}?)(?=[.;,\n ])")


def plant_change(text, seed):
    for m in CHANGE.finditer(text):
        value = m.group(2)
        wrong = f"{float(value) * 2 + 7:.0f}" if "." not in value else f"{float(value) * 2 + 7:.1f}"
        new = text[:m.start(2)] + wrong + text[m.end(2):]
        return Plant("N002", new, [(m.start(), m.end() + len(wrong) - len(value))],
                     f"{m.group(0)[:60]} -> {wrong}")
    return None


MONTH_RE = "|".join(MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
FULL_DATE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"),? (?:(" + MONTH_RE + r") (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|(\d{1,2})(?:st|nd|rd|th)? (" + MONTH_RE + r"),? (\d{4}))")
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUMBER.update({"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10,
                     "Nov.": 11, "Dec.": 12})


def plant_weekday(text, seed):
    import datetime
    for m in FULL_DATE.finditer(text):
        month = m.group(2) or m.group(6)
        day = m.group(3) or m.group(5)
        year = m.group(4) or m.group(7)
        try:
            date = datetime.date(int(year), MONTH_NUMBER[month], int(day))
        except ValueError:
            continue
        if WEEKDAYS[date.weekday()] != m.group(1):
            continue
        wrong = WEEKDAYS[(date.weekday() + 1 + seed % 5) % 7]
        new = text[:m.start(1)] + wrong + text[m.end(1):]
        return Plant("D001", new, [(m.start(), m.end() + len(wrong) - len(m.group(1)))],
                     f"{m.group(0)} -> {wrong}")
    return None


DAY_OF_MONTH = re.compile(r"\b(February|Feb\.|April|June|September|Sept\.|November|Nov\.) (\d{1,2})\b(?!:)")


def plant_invalid_date(text, seed):
    for m in DAY_OF_MONTH.finditer(text):
        wrong = "30" if m.group(1).startswith("Feb") else "31"
        if m.group(2) == wrong:
            continue
        new = text[:m.start(2)] + wrong + text[m.end(2):]
        return Plant("D002", new, [(m.start(), m.end() + len(wrong) - len(m.group(2)))],
                     f"{m.group(0)} -> {m.group(1)} {wrong}")
    return None


YEAR_RANGE = re.compile(r"(?:\((\d{4})\s?[-–]\s?(\d{4})\)|\bfrom (\d{4}) (?:to|until) (\d{4})\b|"
                        r"\bbetween (\d{4}) and (\d{4})\b|\b(\d{4})[-–](\d{4})\b)")


def plant_backwards_range(text, seed):
    for m in YEAR_RANGE.finditer(text):
        groups = [g for g in m.groups() if g]
        first, second = int(groups[0]), int(groups[1])
        if not (1000 <= first < second <= 2100 and second - first < 200):
            continue
        i = [k for k, g in enumerate(m.groups()) if g][0] + 1
        a, b = m.start(i), m.start(i + 1)
        new = text[:a] + groups[1] + text[a + 4:b] + groups[0] + text[b + 4:]
        return Plant("D003", new, [(m.start(), m.end())], f"{m.group(0)} swapped")
    return None


def plant_unclosed_quote(text, seed):
    for open_mark, close_mark in (("“", "”"), ('"', '"')):
        for m in re.finditer(r"(?<![\w=])" + re.escape(open_mark) + r"([^" + re.escape(close_mark + open_mark)
                             + r"\n]{10,300})" + re.escape(close_mark), text):
            close = m.end() - 1
            p_start, p_end = paragraph_bounds(text, m.start())
            after = text[close + 1:p_end]
            if len(after.strip()) < 20 or open_mark in after or close_mark in after:
                continue
            if text[p_start:m.start()].count(open_mark) or text[p_start:m.start()].count(close_mark):
                continue
            following = text[p_end:].lstrip()
            if following.startswith(("“", '"', "‘", "'")):
                continue
            new = text[:close] + text[close + 1:]
            return Plant("Q001", new, [(p_start, p_end - 1)], f"closing mark deleted: {m.group(0)[:50]}")
    return None


QUOTED = re.compile(r"“([A-Z][^”\n]{20,160}?)”")


def plant_quote_drift(text, seed):
    for m in QUOTED.finditer(text):
        words = m.group(1).split()
        if len(words) < 5:
            continue
        i = len(words) // 2
        if not words[i].isalpha() or words[i].lower() in ("the", "a", "an"):
            continue
        changed = words[:]
        changed[i] = "really " + words[i]
        again = "“" + " ".join(changed) + "”"
        p_start, p_end = paragraph_bounds(text, m.end())
        sentence = f"\n\nAs it was put again later, {again}."
        new = text[:p_end] + sentence + text[p_end:]
        at = p_end + len(sentence) - len(again) - 1
        return Plant("Q002", new, [(m.start(), m.end()), (at, at + len(again))],
                     f"requoted with 'really {words[i]}'")
    return None


KINDS = {
    "name-misspelling": plant_name_misspelling,
    "namesake": plant_namesake,
    "unintroduced": plant_unintroduced,
    "restated-figure": plant_restated_figure,
    "list-count": plant_count,
    "part-whole": plant_part_whole,
    "conversion": plant_conversion,
    "change": plant_change,
    "weekday": plant_weekday,
    "invalid-date": plant_invalid_date,
    "backwards-range": plant_backwards_range,
    "unclosed-quote": plant_unclosed_quote,
    "quote-drift": plant_quote_drift,
}


def articles(folder):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".md", ".txt", ".markdown")) and name.upper() not in (
                    "SOURCE.MD", "README.MD"):
                yield os.path.join(dirpath, name)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default=os.path.join(here, "..", "..", "shared", "corpus"))
    parser.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "factlint"))
    parser.add_argument("--per-folder", type=int, default=40)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--show", default="")
    args = parser.parse_args()
    root = os.path.abspath(args.dir)
    if not os.path.isdir(root):
        sys.exit(f"plant-slips: not a folder: {args.dir}")
    folders = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    kinds = [k for k in args.kinds.split(",") if k]
    work = tempfile.mkdtemp(prefix="factlint-plant-")
    table = defaultdict(lambda: [0, 0])
    missed = defaultdict(list)
    try:
        for kind in kinds:
            plants = {}
            for folder in folders:
                taken = 0
                for seed, path in enumerate(articles(os.path.join(root, folder))):
                    if taken >= args.per_folder:
                        break
                    try:
                        text = open(path, encoding="utf-8").read()
                    except (UnicodeDecodeError, OSError):
                        continue
                    # Slips go into the body: front matter is the site generator's, not prose.
                    head = re.match(r"(?:---|\+\+\+)\n.*?\n(?:---|\+\+\+)\n", text, re.S)
                    cut = head.end() if head else 0
                    plant = KINDS[kind](text[cut:], seed)
                    if plant is None:
                        continue
                    plant.text = text[:cut] + plant.text
                    plant.windows = [(a + cut, b + cut) for a, b in plant.windows]
                    rel = os.path.relpath(path, root)
                    out = os.path.join(work, kind, rel)
                    os.makedirs(os.path.dirname(out), exist_ok=True)
                    with open(out, "w", encoding="utf-8") as f:
                        f.write(plant.text)
                    plants[os.path.abspath(out)] = (folder, plant)
                    taken += 1
            if not plants:
                continue
            run = subprocess.run([args.bin, "lint", "--no-config", "--no-progress", "--format",
                                  "json", os.path.join(work, kind)], capture_output=True, text=True)
            if run.returncode not in (0, 1):
                sys.exit(f"plant-slips: factlint failed ({run.returncode}): {run.stderr[:500]}")
            found = defaultdict(list)
            for d in json.loads(run.stdout)["diagnostics"]:
                spans = [d["span"]] + [r["span"] for r in d.get("related", [])]
                found[os.path.abspath(d["path"])].append((d["code"], spans))
            for path, (folder, plant) in plants.items():
                windows = [(byte_at(plant.text, a), byte_at(plant.text, b)) for a, b in plant.windows]
                hit = any(code == plant.code and any(s["start"] <= b and s["end"] >= a
                                                     for s in spans for a, b in windows)
                          for code, spans in found[path])
                table[(kind, folder)][0] += hit
                table[(kind, folder)][1] += 1
                if not hit:
                    missed[kind].append((os.path.relpath(path, os.path.join(work, kind)), plant))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    short = [f[:10] for f in folders]
    print(f"{'kind':18s} {'code':5s} " + " ".join(f"{s:>10s}" for s in short) + "      total")
    for kind in kinds:
        cells, caught, planted = [], 0, 0
        code = ""
        for folder in folders:
            c, n = table[(kind, folder)]
            caught, planted = caught + c, planted + n
            cells.append(f"{c:>4d}/{n:<5d}" if n else f"{'-':>10s}")
        code = KINDS[kind].__name__
        share = f"{100 * caught / planted:5.1f}%" if planted else "    -"
        print(f"{kind:18s} " + " ".join(cells) + f"  {caught:>4d}/{planted:<4d} {share}")
    for kind in args.show.split(","):
        for rel, plant in missed.get(kind, []):
            a, b = plant.windows[-1]
            context = plant.text[max(0, a - 120):b + 80].replace("\n", " ⏎ ")
            print(f"\n{kind} missed in {rel}: {plant.note}\n    …{context}…")


if __name__ == "__main__":
    main()
