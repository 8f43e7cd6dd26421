#!/usr/bin/env python3
# bench/pages.py: finds bad page breaks in a studybook PDF (issue 17). Reads the PDF's geometry, not its source:
#   widow    a paragraph's last line alone at the top of a page, the rest of it on the page before
#   orphan   a paragraph's first line alone at the foot of a page, the rest of it on the next page
#   sliver   a code line's grey box at a page's foot holding no text (an empty piece of a code box)
#   label    a one-line paragraph ending in a colon ("输出：") alone at a page's foot, its code/table on the next page
#   header   a table's header row alone at a page's foot (repeated on the next page above the table's rows)
#   heading  a heading as the last thing on a page
#   blank    an empty page in a screen PDF (chapters must not be padded)
#   left     a chapter opening on a left-hand (even) page in a --print PDF, or opening without a blank page before it
#            when the chapter before it ended on a right-hand page
#   short    a page that ends more than SHORT_LINES body lines (1.7 x the body size each) above the lowest ink of
#            any page while its chapter (or the contents) goes on: the price of keeping a block whole. Reported
#            with what opens the next page (a picture, code, a table, a heading, a list, text, a contents entry);
#            the last page of a chapter, of the contents, the cover and the title page are left out.
# Lines are pdfplumber's text lines inside the page's content area (running head and page number left out). Two
# lines belong to one paragraph when they share a left edge and lie one body line-height apart (1.7 x the body
# size, +-3 pt: inline code makes a line a little taller, a paragraph's margin adds 7 pt); a paragraph goes on
# across a page break when the last line of the page reaches the right margin and the first line of the next page
# starts at the same left edge in the same size. The body size is the commonest
# size of Noto Serif SC text; pages before the first chapter heading (cover, title, contents) are left out.
# Usage: python3 bench/pages.py BOOK.pdf [--print] [--examples N]   (needs pdfplumber: pip install pdfplumber)
# Exit status 1 when anything but short pages is found.
import re, sys, collections, pdfplumber

args = [a for a in sys.argv[1:] if not a.startswith('--')]
PRINT = '--print' in sys.argv
pdf = pdfplumber.open(args[0])
HEAD, FOOT = 60, 70  # the running head and the page number lie within these many points of the edges

def kind(chars):
    fonts = [c['fontname'] for c in chars if c['text'].strip()]
    if not fonts:
        return 'none'
    if all('Mono' in f for f in fonts):
        return 'mono'
    if all('Bold' in f for f in fonts):
        return 'bold'
    return 'text'

pages = []
sizes = collections.Counter()
for page in pdf.pages:
    lines = []
    for l in page.extract_text_lines(return_chars=True):
        if not (HEAD < l['top'] < page.height - FOOT):
            continue
        chars = [c for c in l['chars'] if c['text'].strip()]
        if not chars:
            continue
        # The line's size is its text's, not its inline code's (set smaller in the mono face).
        prose = [c for c in chars if 'Mono' not in c['fontname']] or chars
        size = collections.Counter(round(c['size'], 1) for c in prose).most_common(1)[0][0]
        for c in chars:
            if 'Serif' in c['fontname']:
                sizes[round(c['size'], 1)] += 1
        lines.append(dict(top=l['top'], bottom=l['bottom'], x0=l['x0'], x1=l['x1'], text=l['text'], size=size,
                          kind=kind(chars), tag=collections.Counter(c.get('tag') for c in chars).most_common(1)[0][0]))
    # Code lines draw their own grey boxes (#f6f6f6); pictures drawn as vectors have other colours.
    grey = [r for r in page.rects if r.get('fill') and HEAD < r['top'] < page.height - FOOT
            and [round(v, 2) for v in (r.get('non_stroking_color') or ())] in ([0.96, 0.96, 0.96], [0.97, 0.97, 0.97])]
    inside = [o for o in page.rects + page.curves + page.lines + page.images if HEAD < o['top'] < page.height - FOOT]
    drawn_tops = [o['top'] for o in page.rects + page.curves + page.images if HEAD < o['top'] < page.height - FOOT]
    # What opens the page: a picture (its text is tagged Figure, or a bitmap lies above the first line), a table (its
    # header cells' #ececec), a callout (its #eeeeee box).
    top_line = lines[0] if lines else None
    # (Inline code has an #eeeeee background too: only boxes wider than a few words count.)
    fills = [[round(v, 3) for v in (o.get('non_stroking_color') or ())] for o in page.rects
             if o.get('fill') and HEAD < o['top'] < page.height - FOOT and top_line and o['top'] <= top_line['top']
             and o['width'] > 100]
    opener = None
    if page.images and not top_line or top_line and (top_line['tag'] == 'Figure'
                                                    or any(o['top'] < top_line['top'] for o in page.images)):
        opener = 'picture'
    elif [0.925, 0.925, 0.925] in fills:
        opener = 'table'
    elif [0.933, 0.933, 0.933] in fills:
        opener = 'callout'
    pages.append(dict(lines=lines, rects=grey, width=page.width, height=page.height, images=len(page.images), drawn=len(page.rects) + len(page.curves),
                      lowest_drawn=max(drawn_tops, default=0), opener=opener,
                      lowest_ink=max([l['bottom'] for l in lines] + [min(o['bottom'], page.height - FOOT) for o in inside], default=0)))
body = sizes.most_common(1)[0][0]
pitch = 1.7 * body
right = max(l['x1'] for p in pages for l in p['lines'] if l['kind'] == 'text' and l['size'] == body)
right = sorted(round(l['x1']) for p in pages for l in p['lines'] if l['kind'] == 'text' and l['size'] == body)
right = collections.Counter(right).most_common(1)[0][0]

def chapter_opens(p):
    return any(l['kind'] == 'bold' and l['size'] >= body * 1.5 for l in p['lines'][:2])

# The title page has a large bold title too, but only a few lines.
first = next(i for i, p in enumerate(pages) if chapter_opens(p) and len(p['lines']) > 6)

def same_par(a, b):
    return (abs(a['x0'] - b['x0']) < 1.5 and a['size'] == b['size'] == body and a['kind'] != 'mono' != b['kind']
            and abs((b['top'] - a['top']) - pitch) < 3)

def full(l):
    return l['x1'] > right - 4

def heading(l):
    return l['kind'] == 'bold' and l['size'] > body * 1.05

found = collections.defaultdict(list)
for i in range(first, len(pages)):
    p = pages[i]
    n = i + 1
    if not p["lines"] and not p["images"] and not p["drawn"]:
        if not PRINT:
            found['blank'].append(f'p{n}: empty page')
        continue
    if chapter_opens(p) and PRINT:
        if n % 2 == 0:
            found['left'].append(f'p{n}: chapter opens on a left-hand page: {p["lines"][0]["text"][:30]}')
    if i + 1 >= len(pages):
        continue
    q = pages[i + 1]
    if not p['lines'] or not q['lines']:
        continue
    last, top = p['lines'][-1], q['lines'][0]
    lowest_text = max(l['bottom'] for l in p['lines'])
    below = [r for r in p['rects'] if r['top'] > lowest_text + 1 and r['height'] > 2 and r['width'] > 100]
    if below and not p['images']:
        found['sliver'].append(f'p{n}: a {below[-1]["height"]:.0f} pt box without text under the last line')
    if last['kind'] == 'bold' and last['text'] == top['text'] and not heading(last):
        found['header'].append(f'p{n}: a table\'s header row alone at the foot: {last["text"][:30]}')
    if heading(last) and not chapter_opens(q):
        found['heading'].append(f'p{n}: heading at the foot: {last["text"][:30]}')
    alone = len(p['lines']) < 2 or not same_par(p['lines'][-2], last)
    if (alone and last['kind'] != 'mono' and last['text'].rstrip().endswith(('：', ':')) and not full(last)
            and p['lowest_drawn'] < last['bottom']):
        found['label'].append(f'p{n}: "{last["text"][-30:]}" at the foot, what it introduces on p{n + 1}')
    goes_on = (full(last) and last['size'] == top['size'] == body and abs(last['x0'] - top['x0']) < 1.5
               and last['kind'] != 'mono' and top['kind'] != 'mono' and not chapter_opens(q))
    if not goes_on:
        continue
    if alone:
        found['orphan'].append(f'p{n}: one line at the foot: {last["text"][:30]}')
    if len(q['lines']) < 2 or not same_par(top, q['lines'][1]):
        found['widow'].append(f'p{n + 1}: one line at the top: {top["text"][:30]}')

# Pages that end early while what they belong to goes on. The foot is the lowest ink of any chapter page (the text
# area's bottom, found from the pages themselves rather than from the paper's margins).
SHORT_LINES = 6
foot = max(p['lowest_ink'] for p in pages[first:])
numbered = re.compile(r'\d+\s*$')

def contents(p):
    return sum(1 for l in p['lines'] if numbered.search(l['text'])) >= max(3, len(p['lines']) // 2)

def opener(q):
    if q['opener']:
        return q['opener']
    top = q['lines'][0]
    if top['kind'] == 'mono':
        return 'code'
    if heading(top):
        return 'heading'
    if contents(q):
        return 'contents entry'
    return 'text'

for i in range(1, len(pages) - 1):
    p, q = pages[i], pages[i + 1]
    if not p['lowest_ink'] or not (q['lines'] or q['images']) or chapter_opens(q):
        continue
    if i < first and not (contents(p) and contents(q)):
        continue
    gap = foot - p['lowest_ink']
    if gap > SHORT_LINES * pitch:
        found['short'].append(f'p{i + 1}: ends {gap / pitch:.0f} lines early; p{i + 2} opens with {opener(q)}: '
                              f'{q["lines"][0]["text"][:30] if q["lines"] else ""}')

examples = int(sys.argv[sys.argv.index('--examples') + 1]) if '--examples' in sys.argv else 20
total = 0
print(f'{args[0]}: {len(pages)} pages, chapters from p{first + 1}, body {body} pt, right edge {right} pt')
for k in ('widow', 'orphan', 'sliver', 'label', 'header', 'heading', 'blank', 'left', 'short'):
    # Short pages are a price to be weighed, not a fault: they do not set the exit status.
    total += len(found[k]) if k != 'short' else 0
    print(f'{k}: {len(found[k])}')
    for e in found[k][:examples]:
        print('  ' + e)
sys.exit(1 if total else 0)
