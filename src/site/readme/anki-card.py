"""Renders one card of a studybook .apkg as Anki shows its answer side, to a PNG, with headless Chromium.

Usage: python3 anki-card.py DECK.apkg 'text of the question' OUT.png [WIDTH HEIGHT]
The card's HTML is the note type's answer template with the note's fields, its CSS, in <body class="card">, as
Anki's card view has it; the picture in README.md was made with this from the deck of content/.
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
import json


def main() -> None:
    apkg, text, out = sys.argv[1], sys.argv[2], sys.argv[3]
    width, height = (int(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (440, 900)
    work = tempfile.mkdtemp(prefix="anki-card")
    with zipfile.ZipFile(apkg) as z:
        z.extractall(work)
    media = json.load(open(os.path.join(work, "media"), encoding="utf-8"))
    for number, name in media.items():
        os.replace(os.path.join(work, number), os.path.join(work, name))
    db = sqlite3.connect(os.path.join(work, "collection.anki2"))
    models = json.loads(db.execute("select models from col").fetchone()[0])
    for mid, flds in db.execute("select mid, flds from notes"):
        fields = flds.split("\x1f")
        if text in fields[0]:
            break
    else:
        sys.exit(f"no note's first field holds {text!r}")
    model = models[str(mid)]
    values = {f["name"]: fields[i] for i, f in enumerate(model["flds"])}
    template = model["tmpls"][0]

    def fill(t: str) -> str:
        t = re.sub(r"\{\{#([^}]+)\}\}(.*?)\{\{/\1\}\}", lambda m: m.group(2) if values.get(m.group(1)) else "", t, flags=re.S)
        t = re.sub(r"\{\{cloze:([^}]+)\}\}", lambda m: re.sub(r"\{\{c\d+::(.*?)\}\}", r'<span class="cloze">\1</span>',
                                                                 values[m.group(1)]), t)
        return re.sub(r"\{\{([^}#/]+)\}\}", lambda m: values.get(m.group(1), ""), t)

    front = fill(template["qfmt"])
    back = fill(template["afmt"].replace("{{FrontSide}}", front))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>html,body{margin:0}body{padding:12px}"
            + model["css"] + "</style></head><body class='card'><div id='qa'>" + back + "</div></body></html>")
    page = os.path.join(work, "card.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=2", f"--window-size={width},{height}",
                    f"--screenshot={os.path.abspath(out)}", "file://" + page], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
