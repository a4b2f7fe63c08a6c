// lint-staged.config.js: check staged files before each commit (with husky: `npx husky init`, then put
// `npx lint-staged` in .husky/pre-commit). Findings block the commit; values are masked in the output.
export default {
  '*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}': 'eslint --max-warnings=0',
};
