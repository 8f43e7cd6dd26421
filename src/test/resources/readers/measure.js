// Injected into an EPUB document opened in headless Chromium (see ReaderThemesTest): writes into the document
// a report of (1) text in code, tables and the title page whose contrast against what is painted behind it is
// below 4.5:1, with the reader's theme applied; (2) words of table cells split across lines; (3) content
// wider than the screen. The page behind the document is the theme's canvas colour, passed as window.CANVAS.
(function () {
  function parse(c) {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(',').map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function over(top, base) {
    return [0, 1, 2].map(k => top[k] * top[3] + base[k] * (1 - top[3])).concat([1]);
  }
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let base = window.CANVAS;
    for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    return base;
  }
  function ratio(a, b) {
    const x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  const lines = [];
  let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim()) continue;
    const el = n.parentElement;
    if (!el.closest('pre, code, table, .titlepage')) continue;
    // A theme that sets the colour of links with !important (Calibre's) owns their contrast.
    if (window.THEME_LINKS && el.closest('a')) continue;
    const fg = over(parse(getComputedStyle(el).color), background(el));
    const r = ratio(fg, background(el));
    checked++;
    if (r < 4.5) lines.push('contrast ' + r.toFixed(2) + ' <' + el.tagName.toLowerCase() + ' class="' + el.className
        + '">: ' + n.data.trim().slice(0, 40));
  }
  lines.push('checked ' + checked + ' text runs');
  // A word longer than 8 characters may wrap after its own punctuation (internal/ runtime/ maps, RWMutex/ Mutex):
  // true when every line of it ends in one of . / _ - = : , ( &.
  function breaksAtPunctuation(node, start, length) {
    let prevTop = null;
    for (let i = start; i < start + length; i++) {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      const rect = r.getClientRects()[0];
      if (!rect) continue;
      const top = Math.round(rect.top);
      if (prevTop !== null && top !== prevTop && !'./_-=:,(&'.includes(node.data[i - 1])) return false;
      prevTop = top;
    }
    return true;
  }
  // Table cells: a word (a run without spaces or Chinese characters), or a cell's text of up to four characters,
  // whose rectangles lie on more than one line is split.
  for (const cell of document.querySelectorAll('td, th')) {
    const w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const re = cell.textContent.trim().length <= 4 ? /\S+/g : /[^\s\u2e80-\uffff]+/g;
      let m;
      while ((m = re.exec(n.data))) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const rects = [...range.getClientRects()];
        const tops = new Set(rects.map(r => Math.round(r.top)));
        if (tops.size > 1 && !(m[0].length > 8 && breaksAtPunctuation(n, m.index, m[0].length))) lines.push('split ' + m[0]);
      }
    }
  }
  // Short inline code with a space (xhtml.InlineCode marks it "cs"; not next to punctuation that may not begin or
  // end a line) is never stretched by justification: each space in it is as wide as its letters (monospaced).
  let codeSpaces = 0;
  for (const code of document.querySelectorAll('code')) {
    const t = code.firstChild;
    if (!code.classList.contains('cs') || code.childNodes.length !== 1 || t.nodeType !== 3) continue;
    const widths = [...t.data].map((ch, i) => {
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      return r.getBoundingClientRect().width;
    });
    const letter = Math.max(...widths.filter((w, i) => t.data[i] !== ' '));
    widths.forEach((w, i) => {
      if (t.data[i] === ' ') {
        codeSpaces++;
        if (w > letter + 0.5) lines.push('stretched space ' + w.toFixed(1) + ' > ' + letter.toFixed(1) + ' in code: ' + t.data);
      }
    });
  }
  lines.push('checked ' + codeSpaces + ' code spaces');
  // The document is laid out in a frame as wide as the phone's screen (see ReaderThemesTest).
  const width = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('table, pre, img, p')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1) lines.push('overflow <' + el.tagName.toLowerCase() + '> ' + Math.round(r.right) + ' > ' + width);
  }
  const out = document.createElement('pre');
  out.id = 'studybook-report';
  out.textContent = lines.join('\n');
  document.body.appendChild(out);
  // In a frame: the page around it (whose document Chromium dumps) writes the report into itself.
  if (window.parent !== window) window.parent.postMessage(out.textContent, '*');
})();
