// Not ESLint's configuration (that is eslint.config.mjs): eslint-plugin-import's
// no-unused-modules rule still lists files through ESLint's legacy file enumerator, which needs an
// .eslintrc to exist and reads only its ignorePatterns (import-js/eslint-plugin-import#3079).
module.exports = {
  root: true,
  // (The admin's import map stays listed: it is what imports the admin components.)
  ignorePatterns: ['.next/', 'node_modules/', 'data/', 'test-results/'],
}
