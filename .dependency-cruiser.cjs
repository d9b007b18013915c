// @ts-check
/**
 * The import rules between layers, checked by dependency-cruiser over the resolved import
 * graph (`npm run deps`): features → sync → data → documents → protocol → domain, with platform/ as the
 * renderer's one way into electron/, electron/ and the reference HQ (test/hq) sharing only the protocol
 * and the domain of the renderer. Type-only imports count (tsPreCompilationDeps), circles through them
 * too: a circle of types still ties two modules together. ESLint's no-restricted-imports keeps the
 * same rules at edit time, by import text; this checks where each import really lands.
 */

/** Our own code, as opposed to packages and Node's built-ins. */
const ours = '^(renderer|electron|test|resources)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Dependencies point one way: a module never reaches itself again through its imports (type-only ones included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      comment: 'domain/ holds the pure rules: it imports nothing of ours but domain/.',
      severity: 'error',
      from: { path: '^renderer/src/domain/' },
      to: { path: ours, pathNot: '^renderer/src/domain/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ does no I/O and draws nothing: of packages it uses zod, ids, the holiday table, pinyin and phone-number metadata, no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/src/domain/' },
      to: { dependencyTypesNot: ['local'], pathNot: '(^|/)node_modules/(zod|uuidv7|chinese-days|pinyin-pro|libphonenumber-js)/' },
    },
    {
      name: 'protocol-imports-only-protocol-domain-and-zod',
      comment: 'The wire contract with HQ is shared by the renderer, the main process and the reference HQ: it imports only itself, the domain and zod.',
      severity: 'error',
      from: { path: '^renderer/src/protocol/' },
      to: { pathNot: ['^renderer/src/(protocol|domain)/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'data-not-above-itself',
      comment: 'data/ stores the domain: it may use documents/ and the protocol, never sync/, features/ or the platform.',
      severity: 'error',
      from: { path: '^renderer/src/data/' },
      to: { path: ['^renderer/src/(sync|features|platform)/', '^electron/'] },
    },
    {
      name: 'documents-not-above-itself',
      comment: 'documents/ draws PDFs from what it is given: it never reads storage or sync, nor renders screens.',
      severity: 'error',
      from: { path: '^renderer/src/documents/' },
      to: { path: ['^renderer/src/(data|sync|features|platform)/', '^electron/'] },
    },
    {
      name: 'sync-not-features',
      comment: 'sync/ runs without screens: only features/ imports features/.',
      severity: 'error',
      from: { path: '^renderer/src/sync/' },
      to: { path: '^renderer/src/features/' },
    },
    {
      name: 'renderer-reaches-electron-through-platform',
      comment: 'The renderer reaches the main process only through platform/ (the IPC contract it exposes as window.desk).',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/src/platform/' },
      to: { path: '^electron/' },
    },
    {
      name: 'platform-imports-only-ipc',
      comment: 'platform/ is a thin gate: the IPC contract and the shapes it carries, nothing of the layers above.',
      severity: 'error',
      from: { path: '^renderer/src/platform/' },
      to: { path: ours, pathNot: ['^renderer/src/(platform|protocol|domain)/', '^electron/ipc/'] },
    },
    {
      name: 'only-electron-imports-electron',
      comment: 'Only electron/ (and the tests that bind its handlers) may import the electron package.',
      severity: 'error',
      from: { pathNot: '^(electron/|test/(unit/electron|unit/build|unit/architecture|e2e|bench)/)' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'only-main-prints',
      comment: 'pdf-to-printer spawns programs: only the main process prints, behind the IPC contract.',
      severity: 'error',
      from: { pathNot: '^electron/main/' },
      to: { path: '(^|/)node_modules/pdf-to-printer/' },
    },
    {
      name: 'ipc-and-preload-not-main',
      comment: 'The IPC contract and the sandboxed preload never import the main process: its shapes live in electron/ipc.',
      severity: 'error',
      from: { path: '^electron/(ipc|preload)/' },
      to: { path: '^electron/main/' },
    },
    {
      name: 'electron-imports-only-protocol-and-domain-of-renderer',
      comment: 'The main process, preload and IPC contract share the protocol and the domain with the renderer, nothing else of it.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/', pathNot: '^renderer/src/(protocol|domain)/' },
    },
    {
      name: 'reference-hq-imports-only-protocol-and-domain',
      comment: 'The reference HQ is the other side of the wire: of the desk it shares only the protocol and the domain.',
      severity: 'error',
      from: { path: '^test/hq/' },
      to: { path: '^(renderer|electron)/', pathNot: '^renderer/src/(protocol|domain)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Trees built to break the rules, for the rules' own tests.
    exclude: { path: '^test/unit/architecture/fixtures/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
