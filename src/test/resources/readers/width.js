// Injected into each chapter of a book laid out in a phone-sized frame (see ContentBookTest), after
// window.CHAPTER names it: once its fonts loaded, posts to the page around it the chapter's name, how wide its
// document is (scrollWidth), how wide the view is, and the first block that reaches past the view's right edge.
addEventListener('load', () => document.fonts.ready.then(() => {
  const view = document.documentElement.clientWidth;
  let what = '';
  for (const el of document.body.querySelectorAll('*')) {
    // An inline element's box spans its lines (code in a block with a hanging indent): its blocks tell.
    if (getComputedStyle(el).display === 'inline') continue;
    const r = el.getBoundingClientRect();
    if (r.right > view + 0.5) {
      what = ' <' + el.localName + '> reaches ' + r.right.toFixed(1) + ' px: ' + el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60);
      break;
    }
  }
  parent.postMessage(window.CHAPTER + ' ' + document.documentElement.scrollWidth + ' ' + view + what, '*');
}));
