/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */
const sidebars = {
  docs: {
    'Getting Started': ['start/intro', 'start/install'],
    Topics: [
      {
        type: 'category',
        label: 'More topics',
        link: { type: 'doc', id: 'more/index' },
        items: ['more/state', { type: 'doc', id: 'more/effects', label: 'Side effects' }],
      },
      { type: 'link', label: 'Blog', href: 'https://example.org/blog' },
    ],
  },
};

module.exports = sidebars;
