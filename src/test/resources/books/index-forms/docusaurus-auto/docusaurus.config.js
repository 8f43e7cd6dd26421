module.exports = { title: 'Auto docs', presets: [['classic', { docs: { sidebarPath: undefined } }]] };
