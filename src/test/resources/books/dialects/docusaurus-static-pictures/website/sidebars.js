module.exports = {
  docs: ['intro', 'rubric'],
};
