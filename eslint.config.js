import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Resolves the relative `./x.js` specifiers of the TypeScript sources to
 * their `.ts` files, which is all import-x's cycle check needs to follow (a
 * package import cannot close a cycle within src/).
 */
const sourceResolver = {
  interfaceVersion: 3,
  name: 'switchyard-sources',
  resolve(modulePath, sourceFile) {
    if (!modulePath.startsWith('.')) return { found: false };
    const target = resolve(dirname(sourceFile), modulePath);
    const candidate = [target.replace(/\.js$/, '.ts'), target].find((file) => existsSync(file));
    return candidate === undefined ? { found: false } : { found: true, path: candidate };
  },
};

const noTestCode = { group: ['**/test/**', 'vitest'], message: 'src/ must not import test code.' };

/**
 * What each folder of src/ must not import, so that data flows one way
 * (transport → resolvers → loaders → upstream operations) and the lower
 * layers stand without the higher ones.
 */
const layers = [
  { folder: 'subscriptions', forbidden: ['server', 'resolvers'] },
  { folder: 'upstreams', forbidden: ['resolvers', 'server', 'subscriptions'] },
  { folder: 'cache', forbidden: ['upstreams'] },
  { folder: 'context', forbidden: ['server', 'resolvers', 'subscriptions'] },
  { folder: 'http', forbidden: ['server', 'resolvers', 'subscriptions'] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'src/explorer/assets/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // Tool configuration files must default-export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read loosely typed GraphQL responses.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [sourceResolver],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'no-restricted-imports': ['error', { patterns: [noTestCode] }],
    },
  },
  ...layers.map(({ folder, forbidden }) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTestCode,
            { regex: `^(\\.\\./)+(${forbidden.join('|')})/`, message: `src/${folder} is below src/${forbidden.join(', src/')}: it must not import them.` },
          ],
        },
      ],
    },
  })),
  {
    // Loaded only when used (run.ts, JwtVerifier, connectRedis): a gateway in front of real services, without JWTs or without Redis, never holds them.
    files: ['src/**/*.ts'],
    ignores: ['src/simulators/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['jose'], allowTypeImports: true, message: 'jose is loaded only when JWTs are configured: import() it where it is used.' },
            { group: ['ioredis'], allowTypeImports: true, message: 'ioredis is loaded only when REDIS_URL is set: make connections with cache/connectRedis.' },
            { regex: '^(\\./|(\\.\\./)+)simulators/', allowTypeImports: true, message: 'The simulators are loaded only in demo mode: import() them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/resolvers/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Resolvers read through loaders.' }],
    },
  },
);
