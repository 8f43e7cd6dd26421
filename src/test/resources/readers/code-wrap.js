// Injected into an EPUB chapter opened in headless Chromium (see CodeWrapTest): reports code lines of <pre>
// blocks that wrap inside a name of up to 30 characters (a longer one cannot fit a phone line) and wrapped
// rows that do not hang deeper than the row they continue.

(function () {
  const out = [];
  // The rest of the name that starts at character i of n (within this text node: names are not split by spans).
  const rest = (n, i) => n.data.slice(i).match(/^[A-Za-z0-9_]*/)[0];
  let lines = 0, wrapped = 0, mid = 0, flat = 0;
  for (const pre of document.querySelectorAll('pre')) {
    if (pre.id === 'studybook-report') continue;
    const chars = [];
    const w = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      for (let i = 0; i < n.data.length; i++) chars.push([n, i]);
    }
    const r = document.createRange();
    let row = null, first = null, prevChar = '', lineText = '';
    let lineWrapped = false;
    const flush = () => { lines++; if (lineWrapped) wrapped++; lineWrapped = false; lineText = ''; };
    for (const [n, i] of chars) {
      const ch = n.data[i];
      if (ch === '\n') { flush(); row = null; first = null; prevChar = ''; continue; }
      r.setStart(n, i); r.setEnd(n, i + 1);
      const b = r.getClientRects()[0];
      lineText += ch;
      if (!b) { prevChar = ch; continue; }
      const top = Math.round(b.top);
      if (row === null) { row = top; first = b.left; }
      else if (top > row + 2) {
        row = top;
        lineWrapped = true;
        if (/[A-Za-z0-9_]/.test(prevChar) && /[A-Za-z0-9_]/.test(ch)) {
          const word = (lineText.slice(0, -1).match(/[A-Za-z0-9_]*$/)[0] + rest(n, i)).length;
          if (word <= 30) { mid++; out.push('break inside a name: ' + lineText.slice(-20)); }
        }
        if (ch !== ' ' && b.left < first + 8) { flat++; out.push('no hanging indent (' + Math.round(b.left - first) + ' px): ' + lineText.slice(-20)); }
      }
      prevChar = ch;
    }
    flush();
  }
  out.push('checked ' + lines + ' code lines, ' + wrapped + ' wrapped, ' + mid + ' breaks inside an identifier, ' + flat + ' continuations without indent');
  const p = document.createElement('pre'); p.id = 'studybook-report'; p.textContent = out.join('\n');
  document.body.appendChild(p);
  if (window.parent !== window) window.parent.postMessage(p.textContent, '*');
})();
