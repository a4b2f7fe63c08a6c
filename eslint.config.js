// Our own rules over our own repository (`npm run lint`, after `npm run build`).
import tseslint from 'typescript-eslint';
import workerAuth from './dist/src/index.js';

export default [
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.cache/', '**/.tmp-*/'] },
  tseslint.configs.base,
  workerAuth.configs.recommended,
];
