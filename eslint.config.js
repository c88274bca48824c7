// Lint rules that keep the architecture honest: each execution context imports only `src/`,
// background code never touches the DOM, and no promise is left floating.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const contexts = ['background', 'popup', 'options', 'warning', 'blocked', 'portal', 'content'];
const contextBoundaries = contexts.map((context) => ({
  files: [`${context}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: contexts
          .filter((other) => other !== context)
          .flatMap((other) => [`**/${other}/**`, `../${other}`])
          .concat(['**/server/**'])
          .map((group) => ({ group: [group], message: 'Contexts share code only through src/.' })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'dist-portal/**', 'node_modules/**', 'extension/**', '.data/**', '.e2e-tmp/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...contextBoundaries,
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['webextension-polyfill', 'node:*', 'fs', 'path'], message: 'src/ stays pure.' },
            { group: ['**/background/**', '**/popup/**', '**/options/**', '**/warning/**', '**/blocked/**', '**/server/**'], message: 'src/ imports nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['background/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'XMLHttpRequest'] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
