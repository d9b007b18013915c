// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Architecture rules of ARCHITECTURE.md ("Layers"), enforced on every import:
 * features → data / documents / sync → domain; domain imports nothing of ours but itself; protocol/
 * imports nothing of ours but itself and domain; nothing outside electron/ imports `electron`; the
 * renderer reaches electron/ only through platform/. These go by the import's text; `npm run deps`
 * (dependency-cruiser, `.dependency-cruiser.cjs`) checks the same rules and more on the resolved graph.
 */
const electronModule = { name: 'electron', message: 'Only electron/ may import electron (ARCHITECTURE.md, "Layers").' };
const toElectronFolder = { group: ['**/electron/**'], message: 'Renderer code reaches the main process only through platform/desk.ts.' };
/** Spawns programs (PowerShell, SumatraPDF): printing runs in the main process behind the IPC contract. */
const mainProcessOnly = { name: 'pdf-to-printer', message: 'Only electron/main prints: the renderer prints through platform/desk.ts (ARCHITECTURE.md, "Layers").' };
const toFeatures = { group: ['**/features/**'], message: 'Dependencies point inward: only features/ may import features/.' };
const uiLibraries = [
  { name: 'react', message: 'Only features/ renders UI.' },
  { name: 'react-dom', message: 'Only features/ renders UI.' },
];
const pureLibraries = [...uiLibraries, { name: 'dexie', message: 'domain/ and protocol/ are pure: no storage.' }, { name: 'pdf-lib', message: 'domain/ and protocol/ are pure: no documents.' }];
const outerLayers = ['**/data/**', '**/documents/**', '**/sync/**', '**/features/**', '**/platform/**', '**/electron/**'];

export const architectureRules = [
  {
    files: ['renderer/**', 'test/**'],
    ignores: ['test/unit/electron/**', 'test/e2e/**', 'test/unit/build/**', 'test/unit/architecture/**', 'test/bench/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronModule, mainProcessOnly] }] },
  },
  {
    files: ['renderer/src/**'],
    ignores: ['renderer/src/platform/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronModule, mainProcessOnly], patterns: [toElectronFolder] }] },
  },
  {
    files: ['renderer/src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule, mainProcessOnly, ...pureLibraries],
          patterns: [{ group: [...outerLayers, '**/protocol/**'], message: 'domain/ imports nothing of ours but itself (ARCHITECTURE.md, "Layers").' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule, mainProcessOnly, ...pureLibraries],
          patterns: [{ group: outerLayers, message: 'protocol/ imports nothing of ours but itself and domain/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/data/**', 'renderer/src/documents/**', 'renderer/src/sync/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronModule, mainProcessOnly, ...uiLibraries], patterns: [toFeatures, toElectronFolder] }] },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['renderer/src/features/**/*.tsx', 'renderer/src/features/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // useStoredData takes its read's inputs as deps, checked like useEffect's.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useStoredData$' }] },
  },
  ...architectureRules,
);
