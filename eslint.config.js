// One lint gate; it also enforces the dependency direction workers → connectors → src, keeps
// the classifier free of I/O, and keeps test fakes and the demo out of the product code.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads', 'cluster'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', '.tmp/**', 'config/*.json'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src', from: './connectors', message: 'src must not import connectors (only src/cli wires them).' },
            { target: './src', from: './workers', message: 'src must not import workers (only src/cli wires them).' },
            { target: './src', from: './demo', message: 'src must not import the demo (only src/cli loads it, lazily).' },
            { target: './src', from: './test', message: 'product code must not import test code.' },
            { target: './connectors', from: './workers', message: 'connectors must not import workers.' },
            { target: './connectors', from: './test', message: 'product code must not import test code.' },
            { target: './workers', from: './test', message: 'product code must not import test code.' },
          ],
        },
      ],
    },
  },
  {
    // The classifier is a pure library: text in, verdict out. No files, sockets or processes.
    files: ['src/classify/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.flatMap((m) => [m, `node:${m}`]).map((name) => ({
            name,
            message: 'src/classify does no I/O: load data at build time or pass it in.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
