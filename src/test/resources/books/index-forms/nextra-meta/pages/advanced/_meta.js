export default {
  second: 'Second step',
  first: 'First step',
}
