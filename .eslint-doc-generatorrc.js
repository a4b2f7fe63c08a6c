// eslint-doc-generator: the README rules list and each rule doc's header come from the rules' meta.
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  ignoreConfig: ['all', 'flat/recommended'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions'],
  urlConfigs: 'https://www.npmjs.com/package/eslint-plugin-worker-auth#use',
};

export default config;
