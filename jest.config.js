/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
  },
];

module.exports = {
  // Functions are built once (what deploys) before any test runs.
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 30000,
  projects: [
    {
      // Pure rules, the local cloud, and the cloud functions through it with the real wx-server-sdk.
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{local-cloud,core,cloudfunctions,scripts}/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      // Pages and components of src/ in jsdom, with stand-ins for @tarojs/taro and @tarojs/components.
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/src/**/*.test.{ts,tsx}'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: {
        '^@core/(.*)$': '<rootDir>/core/$1',
        '^@tarojs/taro$': '<rootDir>/test/src/standins/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/src/standins/components.tsx',
        '\\.(css|scss|sass|less|styl)$': '<rootDir>/test/src/standins/style.ts',
      },
      setupFiles: ['<rootDir>/test/src/setup.ts'],
    },
    {
      // Smoke tests of the BUILT mini-program (dist/) in miniprogram-simulate: run `npm run build:weapp` first.
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      // Only TS is transformed: dist/*.js must run exactly as built.
      transform: { '^.+\\.tsx?$': swc },
    },
    {
      // End to end in Debian's Chromium against `npm start` (H5 build + dev server + local cloud + demo data).
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
  ],
};
