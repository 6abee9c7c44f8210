// One lint gate; it also enforces the dependency direction workers → connectors → src.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

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
            { target: './src', from: './connectors', except: [], message: 'src must not import connectors (only src/cli wires them).' },
            { target: './src', from: './workers', message: 'src must not import workers (only src/cli wires them).' },
            { target: './connectors', from: './workers', message: 'connectors must not import workers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
