// Styles are irrelevant to component tests: every *.css import maps here.
export default {};
