// One Jest run for the whole monorepo (`npm test`), in two projects:
//   unit         *.spec.ts       pure logic, no process or store crossed; runs in seconds
//   integration  *.int-spec.ts   real PostgreSQL and a real Kafka broker, provided by the
//                *.e2e-spec.ts   global setup in libs/shared/testing (env vars, testcontainers,
//                                or the local launchers in deploy/local)
// `npx jest --selectProjects unit` runs only the fast part; `npx jest libs/shared/http` one folder.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, (c) => `\\${c}`)}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

const transform = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/'],
};

module.exports = {
  // Integration tests mostly wait on the broker and the database, so more workers than cores pays off.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 3,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.int-spec.ts', '<rootDir>/{apps,libs}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/shared/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/shared/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/shared/testing/src/jest/integration-setup.ts'],
    },
  ],
};
