/**
 * The architecture in a form CI checks (`npm run lint`). Arrows point down:
 *
 *   cli, main ─► audit ─► api-users ─► credentials ─► tokens ─► projection ─► credential-store ─► platform
 *                                   (every folder may use libs/domain and libs/event-store)
 *
 * admin-console (the console's static files) uses the platform only, and only app.module uses it.
 * A capability (api-users, credentials, tokens, audit) keeps its transports in rest/ and grpc/;
 * another capability uses it through what lies outside those folders.
 */
const SRC = '^apps/keyring/src/';
// api-users sits above credentials: a migration creates a credential through its CommandBus message.
const LAYERS = [
  'platform',
  'credential-store',
  'projection',
  'tokens',
  'credentials',
  'api-users',
  'audit',
  'cli',
];

/** Each layer may not import any layer above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${layer}-stays-below-${LAYERS.slice(index + 1).join('-')}`,
  comment: `${layer} may only use the layers beneath it`,
  severity: 'error',
  from: { path: `${SRC}${layer}/` },
  to: { path: `${SRC}(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports neither the event store nor the application',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^(libs/event-store|apps)/' },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'libs/event-store imports neither the domain nor the application',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^(libs/domain|apps)/' },
    },
    ...layerRules,
    {
      name: 'no-foreign-edges',
      comment: "a capability never imports another capability's rest/ or grpc/ edge",
      severity: 'error',
      from: { path: `${SRC}([^/]+)/` },
      to: {
        path: `${SRC}[^/]+/(rest|grpc)/|${SRC}[^/]+/[^/]+/(rest|grpc)/`,
        pathNot: `${SRC}($1|platform)/`,
      },
    },
    {
      name: 'admin-console-stands-apart',
      comment:
        'the admin console serves static files: it uses only the platform, and only the app module uses it',
      severity: 'error',
      from: { path: `${SRC}admin-console/` },
      to: { path: SRC, pathNot: `${SRC}(admin-console|platform)/` },
    },
    {
      name: 'only-the-app-serves-the-admin-console',
      comment: 'no capability and not the platform imports the admin console',
      severity: 'error',
      from: { path: SRC, pathNot: `${SRC}(admin-console/|app\\.module\\.ts$)` },
      to: { path: `${SRC}admin-console/` },
    },
    {
      name: 'no-folder-cycles',
      comment: 'no two folders import each other, directly or through others',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'production-code-never-imports-tests',
      comment: 'test support, specs and testing/ folders are for tests only',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '(\\.spec\\.ts$|/testing/|/contract/|\\.contract\\.ts$)' },
      to: { path: '(^test/|\\.spec\\.ts$|/testing/|/contract/|\\.contract\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^(dist|node_modules)/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    metrics: true,
  },
};
