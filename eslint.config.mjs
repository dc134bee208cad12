// Lint rules that keep the architecture honest (docs/architecture.md, "Boundaries"):
// - @nx/enforce-module-boundaries: tags in each project.json say what may import what.
// - no-restricted-imports: kafkajs only inside libs/shared/messaging (and the test/infra helpers);
//   domain libraries stay plain TypeScript (no Nest, TypeORM, kafkajs).
import nx from '@nx/eslint-plugin';

const onlyMessagingMayUseKafka = {
  paths: [{ name: 'kafkajs', message: 'Use @one-window/shared/messaging; kafkajs stays inside that library.' }],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.local', '.nx', 'coverage', 'bench/results'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', onlyMessagingMayUseKafka],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Layers (type:*). Apps wire everything; domain is pure; contracts are leaf-like.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:util'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            // Scopes: a service may use its own libraries, the shared ones, and other services' contracts only.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', 'type:contracts'] },
            ...['business-registration', 'construction-permits', 'tax', 'bankruptcy', 'complaints'].map((s) => ({
              sourceTag: `scope:${s}`,
              onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared', 'type:contracts'],
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['libs/shared/messaging/**/*.ts', 'libs/shared/testing/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['libs/*/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg'], message: 'Domain code is plain TypeScript.' }],
        },
      ],
    },
  },
];
