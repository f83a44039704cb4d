import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-h5/', 'build/', 'coverage/', '.data/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The app's shape: small files, and the app never reaches into the offline cloud (it runs in WeChat's).
    files: ['cloudfunctions/**/*.ts', 'core/**/*.ts', 'src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/local-cloud', '**/local-cloud/**'],
              message: 'the app must not import local-cloud',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier,
);
