#!/usr/bin/env python3
"""How high can date agreement on the FA-KES development set go?

The FA-KES records carry no date of their own: what a reader can know is the
date the article opens with (its publication, as `sitrep read` finds it) and
the dates its text writes. This counts, over the labelled rows:

  - labels equal to the article's own date;
  - other labels whose day is written in the text ("22 October", "Oct. 22",
    "October 22nd", "22/10"), with or without the year;
  - the rest: no date in the record can give them.

The first two together are the most any reader of the record can score,
however it resolves dates. Run from the repository root after `make`:

    python3 scripts/fakes-date-ceiling.py [../shared]

It reads ../shared and writes nothing.
"""
import datetime
import json
import os
import re
import subprocess
import sys

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]


def day_written(text, label):
    """Is the label's day and month written anywhere in the text?"""
    d = datetime.date.fromisoformat(label)
    month, short = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    day = str(d.day)
    names = f"(?:{month}|{short}\\.?)"
    suffix = "(?:st|nd|rd|th)?"
    forms = [
        rf"\b{day}{suffix}\s+(?:of\s+)?{names}\b",          # 22 October, 22nd of Oct.
        rf"\b{names}\s+{day}{suffix}\b",                     # October 22, Oct. 22nd
        rf"\b0?{day}[/.-]0?{d.month}[/.-](?:20)?\d\d\b",     # 22/10/2017
    ]
    low = text.lower()
    return any(re.search(f, low) for f in forms)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
    docs_path = os.path.join(shared, "corpus", "fakes-dev.jsonl")
    labels_path = os.path.join(shared, "corpus", "fakes-dev.labels.jsonl")
    env = dict(os.environ)
    env.setdefault("SITREP_DATA", os.path.abspath("data"))
    env.setdefault("SITREP_GAZETTEER", os.path.abspath("build/gazetteer.bin"))
    read = subprocess.run(["build/sitrep", "read", "--format", "jsonl", docs_path],
                          capture_output=True, text=True, env=env, check=True)
    own_date = {}
    for line in read.stdout.splitlines():
        a = json.loads(line)
        own_date.setdefault(a["doc_id"], a.get("date"))
    texts = {}
    with open(docs_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[r["id"]] = r.get("text", "")
    labels = [json.loads(l) for l in open(labels_path, encoding="utf-8") if l.strip()]
    n = len(labels)
    same = written = after = 0
    for lab in labels:
        own = own_date.get(lab["id"])
        if own == lab["date"]:
            same += 1
        elif day_written(texts.get(lab["id"], ""), lab["date"]):
            written += 1
        elif own and lab["date"] > own:
            after += 1
    rest = n - same - written
    print(f"labelled rows                          {n}")
    print(f"label = the article's own date         {same}")
    print(f"label's day written in the text        {written}")
    print(f"neither (of which after publication)   {rest} ({after})")
    print(f"ceiling for any reader of the record   {same + written}/{n} = {(same + written) / n:.3f}")


if __name__ == "__main__":
    main()
