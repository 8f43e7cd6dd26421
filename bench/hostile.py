#!/usr/bin/env python3
"""Builds issue 21's hostile inputs and measures how studybook ends on each: a repeatable check, not a unit test.

    bench/hostile.py --jar target/studybook.jar --work DIR [--only NAME,...] [--timeout 120]
                     [--epubcheck-cp FILE]

Each case is written under DIR/cases/NAME (the big ones are tens of megabytes: DIR is scratch, never the repository)
and run once with /usr/bin/time -v and a time limit. Printed as a Markdown table: exit code, wall and CPU seconds
(user + system), peak RSS, EPUBCheck's verdict on every EPUB the case wrote, and the first line of stderr. Wall time
means little on a loaded machine; the load average is printed before and after. --epubcheck-cp names a file holding
a class path with EPUBCheck and its libraries (mvn dependency:build-classpath -Dmdep.outputFile=FILE
-Dmdep.includeScope=test); without it EPUBs are not checked. A case's inputs are deleted after it ran (--keep-inputs
keeps them), its outputs and time.txt stay. --start NAME resumes an interrupted run. Standard library only.
"""

import argparse
import hashlib
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "src", "test", "resources", "books")
HOSTILE_IMAGES = os.path.join(RESOURCES, "pictures", "hostile", "images")
# The JVM settings of ./studybook, without its class-data archive.
JAVA_OPTS = ["-Xmx768m", "-XX:+UseParallelGC", "-XX:MaxNewSize=96m", "-XX:MaxTenuringThreshold=0",
             "-XX:TenuredGenerationSizeIncrement=100", "-XX:TieredStopAtLevel=1"]


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode + ("b" if isinstance(data, bytes) else ""), **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
        f.write(data)


def book(d, chapter="# One\n\nText.\n", yaml="title: Hostile\nlanguage: en\n", index="# Hostile\n\n- [One](one.md)\n"):
    """A one-chapter book; None leaves a file out (the case writes it itself)."""
    os.makedirs(d, exist_ok=True)
    if yaml is not None:
        write(os.path.join(d, "book.yaml"), yaml)
    if index is not None:
        write(os.path.join(d, "README.md"), index)
    if chapter is not None:
        write(os.path.join(d, "one.md"), chapter)


def picture_book(d, name, data, alt="picture"):
    book(d, chapter="# One\n\n![%s](images/%s)\n" % (alt, name))
    write(os.path.join(d, "images", name), data)


# ---------------------------------------------------------------------------------------------------------------
# Pictures, written byte by byte.

def png(width, height, bit_depth=8, colour=2, rows=None):
    """A PNG of zero pixels (RGB), compressed row by row; rows=k keeps only k rows of data (a truncated file)."""
    channels = {0: 1, 2: 3, 6: 4}[colour]
    row = b"\0" + b"\0" * (width * channels * bit_depth // 8)
    comp = zlib.compressobj(1)
    parts = []
    for _ in range(height if rows is None else rows):
        parts.append(comp.compress(row))
    parts.append(comp.flush())
    idat = b"".join(parts)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def gif(screen_w, screen_h, frames, frame_w=1, frame_h=1):
    """A GIF of `frames` one-colour frames of frame_w x frame_h on a screen of screen_w x screen_h."""
    out = [b"GIF89a", struct.pack("<HHBBB", screen_w, screen_h, 0x80, 0, 0), b"\0\0\0\xff\xff\xff",
           b"!\xff\x0bNETSCAPE2.0\x03\x01\0\0\0"]
    # LZW with a minimum code size of 2: clear, one pixel of colour 0, end. Decoders read the rest of the frame as
    # background; studybook must still see the frame's declared size.
    image = b"\x02\x02\x44\x01\x00"
    for _ in range(frames):
        out.append(b"!\xf9\x04\x04\x02\x00\x00\x00")
        out.append(b"," + struct.pack("<HHHHB", 0, 0, frame_w, frame_h, 0) + image)
    out.append(b";")
    return b"".join(out)


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">'

SVG_REFS = {
    "svg-pattern-href": SVG_HEAD + '<pattern id="p" xlink:href="http://127.0.0.1:9/p.svg#q" width="4" height="4"/>'
                                   '<rect width="50" height="50" fill="url(#p)"/></svg>',
    "svg-feimage": SVG_HEAD + '<filter id="f"><feImage xlink:href="file:///etc/passwd"/></filter>'
                              '<rect width="10" height="10" filter="url(#f)"/></svg>',
    "svg-font-face": SVG_HEAD + '<defs><font-face font-family="X"><font-face-src><font-face-uri '
                                'xlink:href="http://127.0.0.1:9/f.svg#x"/></font-face-src></font-face></defs>'
                                '<text x="5" y="50" font-family="X">text</text></svg>',
    "svg-color-profile": SVG_HEAD + '<color-profile name="c" xlink:href="file:///etc/passwd"/>'
                                    '<rect width="10" height="10" color-profile="url(#c)"/></svg>',
    "svg-cursor": SVG_HEAD + '<cursor id="c" xlink:href="http://127.0.0.1:9/c.png"/>'
                             '<rect width="10" height="10" cursor="url(#c)"/></svg>',
    "svg-use-remote": SVG_HEAD + '<use xlink:href="http://127.0.0.1:9/x.svg#a"/></svg>',
    "svg-tref": SVG_HEAD + '<text x="5" y="50"><tref xlink:href="http://127.0.0.1:9/t.svg#t"/></text></svg>',
    "svg-css-import-escaped": SVG_HEAD + '<style>@\\69mport "http://127.0.0.1:9/a.css"; '
                                         'rect { fill: u\\72l(\\68ttp://127.0.0.1:9/i.png); }</style>'
                                         '<rect width="10" height="10"/></svg>',
    "svg-xml-stylesheet": '<?xml-stylesheet href="http://127.0.0.1:9/s.css" type="text/css"?>' + SVG_HEAD
                          + '<rect width="10" height="10"/></svg>',
}


# ---------------------------------------------------------------------------------------------------------------
# Cases: each takes its folder and returns (command arguments after the jar, extra environment, check) where check,
# if given, runs after the build and returns a note for the table.

def build_args(content, out):
    return ["build", "--content", content, "--out", out]


def c_symlink_yaml(d, out):
    book(os.path.join(d, "book"), yaml=None)
    write(os.path.join(d, "outside", "book.yaml"), "title: SECRET FROM OUTSIDE\n")
    os.symlink(os.path.join(d, "outside", "book.yaml"), os.path.join(d, "book", "book.yaml"))
    return build_args(os.path.join(d, "book"), out), {}, leak_check(out, "SECRET FROM OUTSIDE")


def c_symlink_index(d, out):
    book(os.path.join(d, "book"), index=None)
    write(os.path.join(d, "outside", "README.md"), "# SECRET INDEX\n\n- [One](one.md)\n")
    os.symlink(os.path.join(d, "outside", "README.md"), os.path.join(d, "book", "README.md"))
    return build_args(os.path.join(d, "book"), out), {}, leak_check(out, "SECRET INDEX")


def leak_check(out, secret):
    def check():
        for root, _, files in os.walk(out):
            for f in files:
                with open(os.path.join(root, f), "rb") as fh:
                    if secret.encode() in fh.read():
                        return "LEAKED into " + f
        return "nothing from outside in the outputs"
    return check


def c_filename(value):
    def case(d, out):
        book(os.path.join(d, "book"), yaml="title: T\nlanguage: en\nfilename: %s\n" % value.replace("$D", d))
        os.makedirs(os.path.join(d, "other"), exist_ok=True)

        def check():
            stray = [f for f in os.listdir(d) if f.endswith((".epub", ".pdf"))] + \
                    [f for f in os.listdir(os.path.join(d, "other")) if f.endswith((".epub", ".pdf"))]
            return "written outside --out: %s" % stray if stray else "nothing written outside --out"
        return build_args(os.path.join(d, "book"), out), {}, check
    return case


def c_init_dangling(d, out):
    target = os.path.join(d, "outside", "created-by-init.md")
    os.makedirs(os.path.join(d, "outside"))
    os.makedirs(os.path.join(d, "new"))
    os.symlink(target, os.path.join(d, "new", "README.md"))
    return ["init", os.path.join(d, "new")], {}, lambda: "outside written" if os.path.exists(target) else "nothing outside"


def c_init_images(d, out):
    outside = os.path.join(d, "outside")
    os.makedirs(outside)
    os.makedirs(os.path.join(d, "new"))
    os.symlink(outside, os.path.join(d, "new", "images"))
    return ["init", os.path.join(d, "new")], {}, lambda: "outside written" if os.listdir(outside) else "nothing outside"


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def c_fail_after_first(d, out, jar):
    """A good build, then a changed book whose PDF cannot be moved into place (a folder holds its name)."""
    src = os.path.join(d, "book")
    book(src)
    subprocess.run(["java"] + JAVA_OPTS + ["-jar", jar] + build_args(src, out) + ["--quiet"], capture_output=True)
    epub = next(os.path.join(out, f) for f in os.listdir(out) if f.endswith(".epub"))
    pdf = epub[:-len(".epub")] + ".pdf"
    before = sha(epub)
    write(os.path.join(src, "one.md"), "# One\n\nChanged text.\n")
    os.remove(pdf)
    write(os.path.join(pdf, "blocker"), "a folder where the PDF goes")
    return build_args(src, out), {}, lambda: "old EPUB kept" if sha(epub) == before else "EPUB REPLACED by a failed build"


def c_yaml(text, env=None):
    def case(d, out):
        book(os.path.join(d, "book"), yaml=text)
        return build_args(os.path.join(d, "book"), out), env or {}, None
    return case


def c_chapter(text_fn):
    def case(d, out):
        book(os.path.join(d, "book"), chapter=None)
        with open(os.path.join(d, "book", "one.md"), "w", encoding="utf-8") as f:
            text_fn(f)
        return build_args(os.path.join(d, "book"), out), {}, None
    return case


def c_copy(resource):
    def case(d, out):
        shutil.copytree(os.path.join(RESOURCES, resource), os.path.join(d, "book"))
        if not os.path.exists(os.path.join(d, "book", "book.yaml")):
            write(os.path.join(d, "book", "book.yaml"), "title: Copy\nlanguage: zh-CN\n")
        return build_args(os.path.join(d, "book"), out), {}, None
    return case


def c_picture(name, data_fn, alt="picture"):
    def case(d, out):
        picture_book(os.path.join(d, "book"), name, data_fn(), alt)
        return build_args(os.path.join(d, "book"), out), {}, None
    return case


def resource_image(name):
    def read():
        with open(os.path.join(HOSTILE_IMAGES, name), "rb") as f:
            return f.read()
    return read


def c_fifo_chapter(d, out):
    book(os.path.join(d, "book"), chapter=None)
    os.mkfifo(os.path.join(d, "book", "one.md"))
    return build_args(os.path.join(d, "book"), out), {}, None


def c_fifo_picture(d, out):
    book(os.path.join(d, "book"), chapter="# One\n\n![fifo](images/p.png)\n")
    os.makedirs(os.path.join(d, "book", "images"))
    os.mkfifo(os.path.join(d, "book", "images", "p.png"))
    return build_args(os.path.join(d, "book"), out), {}, None


def footnotes(f, n=100_000):
    f.write("# Notes\n\n")
    for k in range(n):
        f.write("Text[^%d].\n\n" % k)
    for k in range(n):
        f.write("[^%d]: Note %d.\n" % (k, k))


def same_headings(f, n=100_000):
    f.write("# Same\n\n")
    for _ in range(n):
        f.write("## Same\n\ntext\n\n")


def link_refs(f, n=50_000):
    f.write("# Links\n\n")
    for k in range(n):
        f.write("[l%d] " % k)
    f.write("\n\n")
    for k in range(n):
        f.write("[l%d]: https://example.com/%d \"t%d\"\n" % (k, k, k))


def c_watch_churn(d, out, jar):
    """watch, while folders are created and removed quickly for 10 s, then an edit that must be rebuilt."""
    src = os.path.join(d, "book")
    book(src)
    note = {}

    def churn(proc):
        # The first build, then 10 s of folders created and removed, then an edit that must be rebuilt: each waits for
        # the build before it (a loaded machine may take a minute), up to the case's time limit.
        wait_for(lambda: any(f.endswith(".epub") for f in os.listdir(out)) if os.path.isdir(out) else False, 100)
        end = time.time() + 10
        k = 0
        while time.time() < end:
            p = os.path.join(src, "churn%d" % (k % 5), "a", "b", "c")
            os.makedirs(p, exist_ok=True)
            write(os.path.join(p, "x.md"), "x")
            shutil.rmtree(os.path.join(src, "churn%d" % (k % 5)), ignore_errors=True)
            k += 1
        note["churn"] = k
        time.sleep(2)
        write(os.path.join(src, "one.md"), "# One\n\nEdited after the churn: WATCHED-EDIT.\n")
        epub = lambda: next((os.path.join(out, f) for f in os.listdir(out) if f.endswith(".epub")), "")
        note["rebuilt"] = wait_for(lambda: b"WATCHED-EDIT" in epub_text(epub()), 150)
        # The case runs in a session of its own: time and timeout pass Ctrl-C's signal on to studybook.
        os.killpg(proc.pid, signal.SIGINT)

    def check():
        return "%d folder create/remove rounds; edit after them %s" % (
            note.get("churn", 0), "rebuilt" if note.get("rebuilt") else "NOT rebuilt")
    return ["watch", "--content", src, "--out", out], {}, check, churn


def wait_for(condition, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(1)
    return False


def epub_text(path):
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            return b"".join(z.read(n) for n in z.namelist() if n.endswith(".xhtml"))
    except Exception:
        return b""


def c_concurrent(d, out, jar):
    """Two builds of two different books into one --out at once."""
    for k in range(2):
        book(os.path.join(d, "book%d" % k), chapter="# One\n\nBook %d.\n" % k, yaml="title: T\nlanguage: en\nfilename: book\n")
    other = {}

    def second(proc):
        other["p"] = subprocess.run(["java"] + JAVA_OPTS + ["-jar", jar] + build_args(os.path.join(d, "book1"), out),
                                    capture_output=True, text=True)

    def check():
        p = other.get("p")
        pdfs = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")] if os.path.isdir(out) else []
        whole = all(open(f, "rb").read().rstrip().endswith(b"%%EOF") for f in pdfs)
        return "second build: exit %s %s; PDF %s" % (p.returncode if p else "?", first_line(p.stderr) if p else "",
                                                     "complete" if pdfs and whole else "MISSING OR CUT SHORT")
    return build_args(os.path.join(d, "book0"), out), {}, check, second


CASES = [
    ("symlinked book.yaml", c_symlink_yaml),
    ("symlinked index page", c_symlink_index),
    ("filename: ../x", c_filename("../x")),
    ("filename: /abs/path", c_filename("$D/other/book")),
    ("init: dangling README.md symlink", c_init_dangling),
    ("init: images/ symlink", c_init_images),
    ("failure after the first output", c_fail_after_first),
    ("language: zh_CN", c_yaml("title: T\nlanguage: zh_CN\n")),
    ("language: 中文", c_yaml("title: T\nlanguage: 中文\n")),
    ("date: 2200-01-01", c_yaml("title: T\nlanguage: en\ndate: 2200-01-01\n")),
    ("SOURCE_DATE_EPOCH=99999999999", c_yaml("title: T\nlanguage: en\n", {"SOURCE_DATE_EPOCH": "99999999999"})),
    ("raw video/audio/marquee", c_copy("integrity/media")),
    ("css: remote @import/@font-face/file:", c_copy("integrity/remote-css")),
    ("inline image-set('http://...')", c_chapter(lambda f: f.write(
        "# One\n\n<span style=\"background-image: image-set('http://127.0.0.1:9/a.png' 1x)\">styled</span>\n"))),
    ("JPEG 40000x40000 behind a 0xFF fill byte", c_picture("fill.jpg", resource_image("fill-byte.jpg"))),
    ("GIF 1x1 screen, 30000x30000 frame", c_picture("screen.gif", lambda: gif(1, 1, 1, 30000, 30000))),
    ("SVG <use> bomb", c_picture("bomb.svg", resource_image("use-bomb.svg"))),
    ("FIFO chapter", c_fifo_chapter),
    ("FIFO picture", c_fifo_picture),
    ("1 MB word", c_chapter(lambda f: f.write("# One\n\n" + "a" * 1_000_000 + "\n"))),
    ("50 MB chapter on one line", c_chapter(lambda f: [f.write("word " * 1_000_000) for _ in range(10)])),
    ("900 KB title", c_yaml("title: " + "T" * 900_000 + "\nlanguage: en\n")),
    ("YAML nested 500,000 deep", c_yaml("title: T\nlanguage: en\nx: " + "[" * 500_000 + "]" * 500_000 + "\n")),
    ("GIF of 30,000 frames", c_picture("frames.gif", lambda: gif(1, 1, 30_000))),
    ("PNG 6000x6600 16-bit", c_picture("big16.png", lambda: png(6000, 6600, 16, 2))),
    ("100,000 footnotes", c_chapter(footnotes)),
    ("100,000 headings with the same text", c_chapter(same_headings)),
    ("50,000 link reference definitions", c_chapter(link_refs)),
    ("50,000 backslash escapes in one paragraph",
     c_chapter(lambda f: f.write("# One\n\nsee https://example.com/ " + "a\\* " * 50_000 + "\n"))),
] + [("SVG outside reference: " + k[4:], c_picture(k + ".svg", (lambda v: lambda: v.encode())(v)))
     for k, v in SVG_REFS.items()] + [
    ("truncated PNG", c_picture("t.png", resource_image("truncated.png"))),
    ("truncated JPEG", c_picture("t.jpg", resource_image("truncated.jpg"))),
    ("watch: folders created and removed mid-build", c_watch_churn),
    ("two builds into one --out at once", c_concurrent),
]


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48]


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def epubcheck(cp, path):
    if not cp:
        return "not checked"
    p = subprocess.run(["java", "-cp", cp, "com.adobe.epubcheck.tool.Checker", path], capture_output=True, text=True)
    m = re.search(r"Messages: (\d+) fatal\w* / (\d+) errors? / (\d+) warnings?", p.stdout + p.stderr)
    if not m:
        return "EPUBCheck exit %d" % p.returncode
    f, e, w = map(int, m.groups())
    return "valid" if f + e + w == 0 else "%d fatal, %d errors, %d warnings" % (f, e, w)


def run_case(name, fn, args):
    d = os.path.join(args.work, "cases", slug(name))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    out = os.path.join(d, "out")
    takes_jar = fn.__code__.co_argcount == 3
    made = fn(d, out, args.jar) if takes_jar else fn(d, out)
    cmd, env, check = made[0], made[1], made[2]
    side = made[3] if len(made) > 3 else None
    time_file = os.path.join(d, "time.txt")
    full = ["/usr/bin/time", "-v", "-o", time_file, "timeout", "--foreground", "-s", "KILL", str(args.timeout),
            "java"] + JAVA_OPTS + ["-jar", args.jar] + cmd
    proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, **env), start_new_session=True)
    helper = threading.Thread(target=side, args=(proc,)) if side else None
    if helper:
        helper.start()
    stdout, stderr = proc.communicate()
    if helper:
        helper.join()
    with open(time_file, encoding="utf-8", errors="replace") as f:
        t = f.read()

    def field(label):
        m = re.search(re.escape(label) + r": (.*)", t)
        return m.group(1).strip() if m else ""
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(x) for x in wall.split(":")] if wall else [0]
    wall_s = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)") or 0) + float(field("System time (seconds)") or 0)
    rss = int(field("Maximum resident set size (kbytes)") or 0) / 1024
    code = proc.returncode
    epubs = []
    for root, _, files in os.walk(out) if os.path.isdir(out) else []:
        epubs += [os.path.join(root, f) for f in files if f.endswith(".epub")]
    verdict = "; ".join(sorted({epubcheck(args.epubcheck_cp, e) for e in epubs})) or "no EPUB"
    message = first_line(stderr)[:180]
    if check:
        message = (message + " — " if message else "") + check()
    if args.keep_inputs is False:
        for sub in os.listdir(d):
            if sub not in ("out", "time.txt"):
                p = os.path.join(d, sub)
                shutil.rmtree(p, ignore_errors=True) if os.path.isdir(p) and not os.path.islink(p) else os.remove(p)
    return code, wall_s, cpu, rss, verdict, message.replace("|", "\\|")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--epubcheck-cp", default="")
    ap.add_argument("--keep-inputs", action="store_true")
    ap.add_argument("--start", default="", help="begin at the case whose name starts so (after an interrupted run)")
    args = ap.parse_args()
    args.jar = os.path.abspath(args.jar)
    if args.epubcheck_cp:
        with open(args.epubcheck_cp, encoding="utf-8") as f:
            args.epubcheck_cp = f.read().strip()
    only = [s for s in args.only.split(",") if s]
    started = not args.start

    print("load average before: %.2f %.2f %.2f" % os.getloadavg(), file=sys.stderr)
    print("| case | exit | wall s | CPU s | peak RSS MB | EPUBCheck | message (first line of stderr) — check |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, fn in CASES:
        started = started or slug(name).startswith(args.start)
        if not started or only and not any(o in slug(name) for o in only):
            continue
        try:
            code, wall, cpu, rss, verdict, message = run_case(name, fn, args)
        except Exception as e:  # a case that could not be set up is a row, not the end of the table
            print("| %s | not run | | | | | %s: %s |" % (name, type(e).__name__, e), flush=True)
            continue
        print("| %s | %s | %.1f | %.1f | %.0f | %s | %s |" % (name, "KILLED (timeout)" if code == 137 else code, wall, cpu,
                                                             rss, verdict, message), flush=True)
    print("load average after: %.2f %.2f %.2f" % os.getloadavg(), file=sys.stderr)


if __name__ == "__main__":
    main()
