#!/usr/bin/env python3
# bench/phone_justify.py: the justified lines of a studybook EPUB's chapters on a 360 px phone screen in headless
# Chromium (issue 17: "on phones, lines before long inline code get very large gaps"). Each chapter is opened in a
# 360 x 640 frame with the EPUB's CSS, and src/test/resources/readers/justify.js (PhoneJustificationTest's script)
# measures every justified line but a paragraph's last: its widest blank between two glyphs (in em), whether a word
# was letter-spaced, how far it stops short of the right edge.
# Usage: python3 bench/phone_justify.py BOOK.epub WORKDIR [MAX_GAP_EM]   (needs chromium)
# content/ at 8939ae5 (main): 9,835 lines, 673 with a blank over 1 em (190 over 2 em, 84 over 3 em), 0 letter-spaced,
# 19 short by over 0.5 em. With CodePieces' <wbr/> in inline code and code kept out of justification (text-justify):
# 9,753 lines, 499 over 1 em (86 over 2 em, 34 over 3 em), 0 letter-spaced, 33 short (lines of code alone, whose
# spaces are no longer stretched). With <wbr/> in long Latin words of prose too (paths, files, identifiers without
# backticks), none inside numbers (go1.26.8) and bullets 1.2em from the text: 9,714 lines, 460 over 1 em (70 over
# 2 em, 25 over 3 em; widest 13.5 -> 11.0 em), 0 letter-spaced, 30 short. At c2b5d11 (content/ grown since):
# 10,272 lines, 489 over 1 em (72 over 2 em, 26 over 3 em). With break opportunities in inline code and prose words
# from 8 characters and camelCase seams of words from 8 letters, 3 on either side (CodeWraps.PHONE_*): 10,244
# lines, 406 over 1 em (57 over 2 em, 21 over 3 em; widest 11.0 em), 0 letter-spaced, 32 short.
# At 8c22396: 10,663 lines, 420 over 1 em (59 over 2 em, 21 over 3 em; widest 11.0 em), 0 letter-spaced, 32 short.
# With long all-lowercase names in inline code cut between words the book spells elsewhere (panic|makeslice|len,
# CodeWraps.lowercaseCuts): 10,651 lines, 400 over 1 em (51 over 2 em, 17 over 3 em; widest 6.3 em), 0 letter-spaced,
# 32 short.
# At 868188b: 11,145 lines, 415 over 1 em (53 over 2 em, 18 over 3 em; widest 6.32 em), 0 letter-spaced, 32 short.
# What began the line after the blank (justify.js's [unit], tallied below the total): code continuing from the line
# before 207 (48 a piece under 8 characters with punctuation, 37 longer with punctuation, 64 a word under 8, 30 a
# lowercase name, 17 with capitals, 11 a path), code starting 118 (49 with punctuation, 40 lowercase), Latin words
# of the prose 57, opening punctuation glued to a word 21 ("（directory"), a Chinese character 12. Most are lines made
# mostly of code, which text-justify keeps out of justification: the slack falls on their few spaces and Chinese
# characters, and the piece that did not fit is already cut at its seams. With 8- and 9-letter lowercase names and
# names with a two-letter word cut between the book's words (close|chan, string|toslice|byte): 410 over 1 em
# (50 over 2 em, 17 over 3 em). With inline code that is a message of words (fatal error: concurrent map writes)
# justified as the prose is (code.cw): 11,142 lines, 399 over 1 em (47 over 2 em, 14 over 3 em; widest 6.32 em),
# 0 letter-spaced, 25 short. Tried and not kept: vocabulary words up to 14 letters (421 over 1 em: deferreturn,
# exitsyscall stayed whole), cutting names the book also spells as one word (temp|late, dead|line, over|flow), and
# hyphens: auto (this Chromium has no hyphenation dictionary: "internationalization" in a 120 px lang="en"
# paragraph was not hyphenated, so nothing to measure). sunface/rust-course (b89a0a4, 303 chapters): at 868188b
# 17,085 lines, 199 over 1 em (26 over 2 em, 8 over 3 em; widest 12.85 em), 2 letter-spaced (Chinese glued to
# Latin: 数据结构finger), 96 short; at dc7b443 and e89467a 17,084 lines, 191 over 1 em (24, 8; 12.85 em), 2 letter-spaced, 96 short.
# At c1b5202: 11,142 lines, 399 over 1 em (47 over 2 em, 14 over 3 em; widest 6.32 em), 0 letter-spaced, 25 short.
# With messages that quote a name or end in a parenthesised note justified as prose ("const" escapes to heap,
# channel element type too large (>64kB): code.cw) and calls breaking before a non-empty argument list
# (new|(_defer), CodeWraps.parenCuts): 11,139 lines, 386 over 1 em (39 over 2 em, 12 over 3 em; widest 6.32 em),
# 0 letter-spaced, 25 short. Tried and not kept: text-wrap: pretty on p and li (418 over 1 em: Chromium re-breaks
# only a paragraph's last lines, and moved code to them).
# With a block that is a third or more inline code set ragged right below 32 em (xhtml.InlineCode, class cd: 892
# of 2,892 p/li/dd; justify.js measures justified lines only): 6,898 lines still justified, 101 over 1 em (4 over
# 2 em, 1 over 3 em; widest 3.38 em), 0 letter-spaced, 0 short. A share of 0.2 left 33 over 1 em with half the
# paragraphs ragged, prose with a name or two among them.
# Compare only numbers this script gives.
import html, os, re, shutil, subprocess, sys, tempfile, zipfile
epub, work = sys.argv[1], os.path.abspath(sys.argv[2])
max_gap = sys.argv[3] if len(sys.argv) > 3 else '1'
shutil.rmtree(work, ignore_errors=True)
zipfile.ZipFile(epub).extractall(work)
oebps = os.path.join(work, 'OEBPS')
js = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'test', 'resources', 'readers',
                       'justify.js'), encoding='utf-8').read()
frame = ('<!DOCTYPE html><html><body style="margin:0"><iframe src="%s" style="width:360px;height:640px;border:0">'
         '</iframe><script>addEventListener("message", e => { const p = document.createElement("pre");'
         ' p.id = "studybook-report"; p.textContent = e.data; document.body.appendChild(p); });</script></body></html>')
total = [0] * 5
for ch in sorted(f for f in os.listdir(oebps) if re.match(r'ch\d+\.xhtml$', f)):
    x = open(os.path.join(oebps, ch), encoding='utf-8').read()
    x = x.replace('</body>', '<script>//<![CDATA[\nwindow.MAX_GAP = %s;\n%s\n//]]></script></body>' % (max_gap, js))
    open(os.path.join(oebps, 'm-' + ch), 'w', encoding='utf-8').write(x)
    open(os.path.join(oebps, 'm-' + ch + '.html'), 'w', encoding='utf-8').write(frame % ('m-' + ch))
    profile = tempfile.mkdtemp()
    dom = subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars',
                          '--window-size=360,640', '--virtual-time-budget=8000', '--user-data-dir=' + profile, '--dump-dom',
                          'file://' + os.path.join(oebps, 'm-' + ch + '.html')], capture_output=True, text=True).stdout
    shutil.rmtree(profile, ignore_errors=True)
    m = re.search(r'<pre id="studybook-report">(.*?)</pre>', dom, re.S)
    report = html.unescape(m.group(1)) if m else 'no report'
    open(os.path.join(work, ch + '.report'), 'w', encoding='utf-8').write(report)
    first = report.splitlines()[0]
    print(ch, first)
    nums = re.findall(r'(\d+) (?:paragraphs|justified|gaps|letter|short)', first)
    for i, n in enumerate(nums[:5]):
        total[i] += int(n)
print('total: %d paragraphs, %d justified lines, %d with a blank over %s em, %d letter-spaced, %d short'
      % (total[0], total[1], total[2], max_gap, total[3], total[4]))


def kind(where, unit):
    """What began the next line: the run that could not end this one (justify.js's [unit ...])."""
    if re.match(r'[（「“‘《【〈]', unit):
        return 'opening punctuation glued to the next word'
    if not unit or re.match(r'[\u2E80-\u9FFF\uFF00-\uFFEF]', unit):
        return 'a Chinese character'
    what = {'code': 'code', 'code-cont': 'code continuing', 'prose': 'Latin word in prose'}[where]
    if '/' in unit:
        return what + ', a path'
    if re.fullmatch(r'[a-z]+', unit):
        return what + ', lowercase' + (' (under 8)' if len(unit) < 8 else '')
    if re.fullmatch(r'[A-Za-z0-9]+', unit):
        return what + ', letters with capitals or digits' + (' (under 8)' if len(unit) < 8 else '')
    return what + ', with punctuation' + (' (under 8)' if len(unit) < 8 else '')


gaps, kinds = [], {}
for ch in sorted(f for f in os.listdir(work) if f.endswith('.report')):
    for line in open(os.path.join(work, ch), encoding='utf-8'):
        m = re.match(r'gap ([\d.]+) em: .*\[unit (\S+) (.*)\]$', line.rstrip('\n'))
        if m:
            gaps.append(float(m.group(1)))
            k = kind(m.group(2), m.group(3))
            kinds.setdefault(k, []).append(m.group(3))
if gaps:
    print('blanks over %s / 2 / 3 em: %d / %d / %d, widest %.2f em; what began the next line:'
          % (max_gap, len(gaps), sum(g > 2 for g in gaps), sum(g > 3 for g in gaps), max(gaps)))
    for k, units in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print('  %4d  %s  (%s)' % (len(units), k, ', '.join(units[:5])))
print('lines per chapter in', work, '/*.report')
