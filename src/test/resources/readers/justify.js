// Injected into an EPUB chapter opened in headless Chromium (see PhoneJustificationTest), after its fonts
// loaded: finds the lines of each justified paragraph with the DOM Range API (one range per character) and,
// for each line but the last, measures the widest blank between two glyphs (what the line put after a glyph's
// own advance, measured on a canvas in the same font: in em of the paragraph), whether two letters or digits
// of one word were pulled apart, and how far the line stops short of the right edge. Reports lines with a
// blank over window.MAX_GAP em (default 1) and letter-spaced lines; short lines are reported as "short by".
addEventListener('load', () => document.fonts.ready.then(function () {
  const out = [];
  let paras = 0, lines = 0, wide = 0, spaced = 0, short = 0;
  const details = [];
  const blocks = [...document.querySelectorAll('p, li, dd, dt, blockquote, td, th, figcaption')].filter(el => {
    const cs = getComputedStyle(el);
    if (cs.textAlign !== 'justify') return false;
    // Leaf-ish blocks only: skip a li whose text sits in its own p.
    for (const c of el.children) { const d = getComputedStyle(c).display; if (d === 'block' || d === 'list-item' || d === 'table') return false; }
    return true;
  });
  const r = document.createRange();
  // A glyph's own advance, unjustified: the same character in the same font on a canvas.
  const ctx = document.createElement('canvas').getContext('2d');
  const widths = new Map();
  const natural = (ch, node) => {
    const cs = getComputedStyle(node.parentNode);
    const font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
    const key = font + '|' + ch;
    if (!widths.has(key)) { ctx.font = font; widths.set(key, ctx.measureText(ch).width); }
    return widths.get(key);
  };
  for (const el of blocks) {
    const em = parseFloat(getComputedStyle(el).fontSize);
    const atoms = []; // {ch, left, right, top, bottom, node, i}
    let wbr = false; // a <wbr/> before the next glyph
    const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n.nodeType === 1) {
        if (n.parentNode.closest && n.parentNode.closest('svg, math')) continue;
        if (n.localName === 'img' || n.localName === 'svg' || n.localName === 'math' || n.localName === 'br') {
          const b = n.getBoundingClientRect();
          atoms.push({ ch: n.localName === 'br' ? '\n' : '\uFFFC', left: b.left, right: b.right, top: b.top, bottom: b.bottom, br: n.localName === 'br' });
        }
        if (n.localName === 'wbr') wbr = true;
        continue;
      }
      if (n.parentNode.closest('svg, math')) continue;
      const t = n.data;
      for (let i = 0; i < t.length; i++) {
        const ch = t[i];
        if (/\s/.test(ch)) { atoms.push({ ch: ' ', space: true, node: n }); continue; }
        r.setStart(n, i); r.setEnd(n, i + 1);
        const rects = r.getClientRects();
        if (!rects.length) continue;
        const b = rects[rects.length - 1];
        if (b.width === 0 && b.height === 0) continue;
        atoms.push({ ch, left: b.left, right: b.right, top: b.top, bottom: b.bottom, node: n, wbr });
        wbr = false;
      }
    }
    // Lines: a glyph starts a new line when it lies below the previous glyph (no vertical overlap) and further left.
    const ls = [];
    let cur = null, prev = null;
    for (const a of atoms) {
      if (a.space) { if (cur) cur.push(a); continue; }
      if (!cur || (a.top >= prev.bottom - 2 && a.left < prev.right - 1) || a.top > prev.bottom + 2) { cur = []; ls.push(cur); }
      cur.push(a);
      if (!a.br) prev = a;
    }
    if (ls.length < 2) { paras++; continue; }
    paras++;
    const box = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const rightEdge = box.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth);
    for (let k = 0; k < ls.length - 1; k++) {
      const line = ls[k];
      if (line.some(a => a.br)) continue;
      lines++;
      let maxGap = 0, where = '', ls_ = false, lsWhere = '';
      let p = null, sp = false;
      let text = '';
      for (const a of line) {
        text += a.ch;
        if (a.space) { sp = true; continue; }
        if (p) {
          // The blank between two glyphs: what the line put after the previous glyph's own advance.
          const g = p.node ? a.left - (p.left + natural(p.ch, p.node)) : a.left - p.right;
          if (g > maxGap) { maxGap = g; where = text.slice(-12); }
          if (!sp && p.node === a.node && /[A-Za-z0-9_]/.test(p.ch) && /[A-Za-z0-9_]/.test(a.ch) && g > 0.08 * em) { ls_ = true; lsWhere = text.slice(-12); }
        }
        p = a; sp = false;
      }
      const last = line.filter(a => !a.space).pop();
      const shortBy = rightEdge - last.right;
      // What the next line starts with (inline code between backticks): what could not end this line.
      let next = '', inCode = false;
      for (const a of ls[k + 1].slice(0, 40)) {
        const c = !!(a.node && a.node.parentNode.closest('code'));
        if (c !== inCode) { next += '`'; inCode = c; }
        next += a.ch;
      }
      if (inCode) next += '`';
      // The next line's first unbreakable run (up to a space, a <wbr/> or a Chinese character), whether it is code,
      // and whether it continues the code element this line ends in.
      const head = ls[k + 1];
      let unit = '';
      for (let j = 0; j < head.length; j++) {
        const a = head[j];
        if (a.space || a.br || j > 0 && (a.wbr || /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(a.ch) && !/[（「“‘《【〈]/.test(head[j - 1].ch))) break;
        unit += a.ch;
        if (/[\u2E80-\u9FFF]/.test(a.ch) && !/[（「“‘《【〈]/.test(a.ch)) break;
      }
      const codeOf = a => a && a.node ? a.node.parentNode.closest('code') : null;
      const first = head.find(a => !a.space);
      const lastHere = line.filter(a => !a.space).pop();
      const kind = (codeOf(first) ? 'code' : 'prose') + (codeOf(first) && codeOf(first) === codeOf(lastHere) ? '-cont' : '');
      if (maxGap > (window.MAX_GAP || 1) * em) { wide++; details.push('gap ' + (maxGap / em).toFixed(2) + ' em: ' + text.trim() + '  [at ' + where + ']  [next ' + next + ']  [unit ' + kind + ' ' + unit + ']'); }
      if (ls_) { spaced++; details.push('letter-spaced: ' + text.trim() + '  [at ' + lsWhere + ']'); }
      if (shortBy > 0.5 * em) { short++; details.push('short by ' + (shortBy / em).toFixed(2) + ' em: ' + text.trim()); }
    }
  }
  out.push('checked ' + paras + ' paragraphs, ' + lines + ' justified lines, ' + wide + ' gaps over ' + (window.MAX_GAP || 1) + ' em, ' + spaced + ' letter-spaced, ' + short + ' short');
  out.push(...details);
  const p = document.createElement('pre'); p.id = 'studybook-report'; p.textContent = out.join('\n');
  document.body.appendChild(p);
  if (window.parent !== window) window.parent.postMessage(p.textContent, '*');
}));
