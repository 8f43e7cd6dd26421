module.exports = {
  title: 'Flows',
  presets: [['classic', { docs: { path: '../docs', sidebarPath: require.resolve('./sidebars.js') } }]],
};
