module.exports = {
  docs: [
    { type: 'category', label: 'Reading tides', items: ['spring-tides', 'neap-tides'] },
    'harbours',
  ],
};
