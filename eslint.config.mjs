import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // generated/: what scripts/build-app.ts bundles from src/shared (decision 0001)
    ignores: [
      'node_modules/',
      '**/node_modules/',
      'dist/',
      'coverage/',
      'out/',
      '**/*.cjs',
      '**/dist/',
      'src/app/*/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // App functions are plain CommonJS JavaScript, as HubSpot's templates ship them.
    files: ['src/app/functions/**/*.js', 'src/app/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The CLI entry and benchmarks print to the terminal by design.
    files: ['bench/**', 'cli/output.ts'],
    rules: { 'no-console': 'off' },
  },
);
