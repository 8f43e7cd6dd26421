#!/usr/bin/env python3
# bench/justify.py: counts the justified lines of a studybook PDF that stop short of the right margin (issue 17).
# A line counts when it is body text (Noto Serif SC at the body size, not all code) and the next line lies exactly one
# body line-height (1.7 x 10.5 pt = 17.85 pt, +-0.6) below it at the same left edge: then it is not its paragraph's
# last line. A paragraph's last line is followed by the paragraph margin, a list item's by the item's 0.15 em margin
# (19.4 pt: counted as a justified line before, 240 of the 1,380 below), a line before a code block, table or picture
# by another left edge or size. It is short when its last glyph ends more than 2.5 pt before the margin; lines that
# reach past the margin are counted apart. The body size is taken as 10.5 pt (A4). Pages 1-4 (cover, title, contents)
# are left out.
# Usage: python3 bench/justify.py BOOK.pdf LEFT_PT RIGHT_PT [EXAMPLES]  (needs pdfplumber: pip install pdfplumber)
#   A4 (22 mm sides): python3 bench/justify.py dist/go-interview.pdf 62.36 62.36
# content/'s A4 PDF: at 1ac9470, 1,001 of 3,761 lines short (the old rule, next line 16-19.5 pt below, gave 1,376 of
# 4,138); with issue 17's justification fixes, 686 of 3,750 (1,060 of 4,126 by the old rule). Compare only numbers this
# script gives. With Justification (slack to Chinese gaps, then to spaces beside Latin words and code; trailing spaces
# taken away) and camelCase breaks in long code: 260 of 3,746, none more than 0.5 pt past the margin (124 before).
# With trailing spaces of code pieces taken away at line ends, and full lines before a space spread: 209 of 3,745, 0
# past (259 before). The rest stop short before a word that may not break (code under 12 characters, a Latin word, a
# long token whose first piece is wider than the slack) in a line whose gaps already took all they may.
# At c2b5d11: 220 of 3,952. With punctuation compression (PunctuationSqueeze: a paragraph with such a line is laid
# out again with the blank half of its full-width marks compressible; a compressed mark's ink, not its blank half, is
# where its line ends): 111 of 3,913, 0 past the margin. The rest: a long code piece or a Latin word wider than the
# line's slack plus the half ems of its marks (most in lines of few marks and much code), and lines whose paragraph
# was already compressed.
# With only the marks a short line needs compressed (its own, the last first; else with the line before's), chosen from
# the first layout: 119 of 4,090, 0 past; 217 of 21,939 full-width marks compressed (855 when whole paragraphs were).
# At 868188b: 120 of 4,282, 0 past. Of those, by what follows the break (bench run, with the lines as Justification
# saw them): 96 a code piece, 21 a Latin word, 3 Chinese text; 56 are their paragraph's first line (no line before to
# take from: only a narrower word or more marks would fill them), 28 looked full by the space that ended their last
# code piece and that Justification then took away. shortLine counting that space, and MovedDown (a short line takes
# the last characters of the line before when that line can spread their room over its own gaps; on the laid-out
# lines, no layout added, no paragraph or page changes its lines): 104 of 4,282, 0 past. Left: first lines, lines
# whose line before ends in another box (code, a link, a glued mark: moving would need a new box), and lines whose
# line before has too few gaps. Real repositories, same margins: sunface/rust-course 124 -> 115 of 6,113;
# unknwon/the-way-to-go_ZH_CN 39 -> 32 of 2,403; 0 past in both.
# With the slack left after spaces given to the Chinese gaps up to 0.39 em, the part over 0.09 em held by the glyphs'
# advances of a widened face (WideFaces; copies without spaces in pdf.js, PDFium and pdftotext): 104 -> 14 of 4,290,
# 0 past. The 14: lines of two to ten Chinese characters whose gaps reached 0.39 em, before a long code piece.
import sys, pdfplumber
pdf = pdfplumber.open(sys.argv[1])
left, right_margin = float(sys.argv[2]), float(sys.argv[3])
short = total = over = 0
CLOSING = '，。、；：）」』》】”’'
examples = []
def wide(t):
    cp = ord(t[0]) if t else 0
    return 0x2018 <= cp <= 0x201D or cp in (0x2014, 0x2026) or 0x2E80 <= cp <= 0xA4CF or 0xAC00 <= cp <= 0xD7A3 or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F \
        or 0xFF00 <= cp <= 0xFF60 or 0x20000 <= cp <= 0x3FFFD
for n, page in enumerate(pdf.pages, 1):
    if n < 5: continue
    W = page.width; right = W - right_margin
    lines = [l for l in page.extract_text_lines(return_chars=True) if 60 < l['top'] < page.height - 70]
    for a, b in zip(lines, lines[1:]):
        chars = [c for c in a['chars'] if c['text'].strip()]
        if not chars: continue
        size = max(round(c['size'], 1) for c in chars)
        if any('Mono' in c['fontname'] for c in chars[-1:]) and all('Mono' in c['fontname'] for c in chars): continue
        if not any('Serif' in c['fontname'] for c in chars): continue
        if size != 10.5: continue
        gap = b['top'] - a['top']
        if not (17.25 < gap < 18.45): continue
        if abs(b['x0'] - a['x0']) > 1.5: continue  # next line indented differently: other block
        total += 1
        # A closing mark compressed (PunctuationSqueeze) has its blank half, which holds no ink, over what follows it
        # or, at the line's end, past the margin: the line ends where its ink does.
        # A Chinese character drawn in a widened face (WideFaces) has the gap after it in its advance: its ink ends
        # one em after its start.
        def ink(c):
            x1 = c['x0'] + size if wide(c['text']) and c['x1'] - c['x0'] > 1.005 * size else c['x1']
            return x1 - (size / 2 if c['text'] in CLOSING and x1 - c['x0'] > 0.9 * size and x1 > right + 0.5 else 0)
        x1 = max(ink(c) for c in chars)
        if x1 > right + 0.5:
            over += 1
        if x1 < right - 2.5:
            short += 1
            if len(examples) < int(sys.argv[4] if len(sys.argv) > 4 else 8):
                examples.append(f'p{n}: short by {right - x1:.1f}pt: {a["text"][-40:]}')
print(f'{short} of {total} non-final justified lines stop short of the margin; {over} reach more than 0.5 pt past it')
print('\n'.join(examples))
