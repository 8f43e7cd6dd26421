module.exports = {
  title: 'Tide guide',
  presets: [
    ['classic', { docs: { path: 'guides', sidebarPath: require.resolve('./sidebars.js') } }],
  ],
};
