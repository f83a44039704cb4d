import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

// Component tests render src/ as the weapp build would see it (process.env.TARO_ENV is inlined at build time).
process.env.TARO_ENV = 'weapp';

// …and with the TARO_APP_* values Taro inlines from `.env` (the committed offline defaults, never .env.local).
for (const [key, value] of Object.entries(
  parseEnv(readFileSync(path.join(__dirname, '..', '..', '.env'), 'utf8')),
)) {
  if (key.startsWith('TARO_APP_')) process.env[key] = value;
}

// The session store and remote loads update after the first render, outside act(); the tests wait for the
// result with findBy…, so React's reminder is only noise here.
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
  consoleError(...args);
};
