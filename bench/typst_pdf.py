#!/usr/bin/env python3
"""bench/run: the pandoc 3 -> Typst PDF of a book's chapters, timed as one command.

    typst_pdf.py PANDOC BOOK_DIR TITLE FONT_DIR WORK_DIR OUTPUT.pdf CHAPTER.md...

Runs PANDOC (pandoc 3, from PyPI's pypandoc-binary) with -t typst and bench/typst.yaml (the same page
as studybook's PDF), then compiles the result with the typst package (PyPI "typst") and FONT_DIR
(studybook's fonts/) as font path. Typst reads files only under its root and resolves image paths
from the .typ file's folder, so WORK_DIR receives links to the book's files and the .typ file beside
them. Run under GNU time, the CPU time and peak RSS include pandoc's (a waited-for child).
"""
import os
import subprocess
import sys

import typst

pandoc, book, title, fonts, work, out = sys.argv[1:7]
chapters = sys.argv[7:]
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(work, exist_ok=True)
for name in os.listdir(book):
    link = os.path.join(work, name)
    if not os.path.lexists(link):
        os.symlink(os.path.join(book, name), link)
source = os.path.join(work, "book.typ")
subprocess.run([pandoc, "-t", "typst", "-s", "--metadata-file", os.path.join(here, "typst.yaml"),
                "--metadata", "title=" + title, "--metadata", "lang=zh-CN",
                "--resource-path", book, "-o", source, *chapters], check=True)
typst.compile(source, output=out, root=work, font_paths=[fonts])
