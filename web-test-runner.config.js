import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { commentEndpoint } from './test/support/comment-endpoint.js';
import { commentServer } from './test/support/comment-server.js';
import { cspPage } from './test/support/csp-page.js';
import { ssrPage } from './test/support/ssr-page.js';

/** Chromium from CHROME_PATH, else Debian's; nothing is downloaded. */
function chromium() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.error(
    `No Chromium at ${path}. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium binary.`,
  );
  process.exit(1);
}

export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  middleware: [commentEndpoint(), commentServer(), ssrPage(), cspPage()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromium(), headless: true, args: chromeArgs } })],
  // One page at a time: Chromium gives animation frames only to the visible tab, and tests wait on them.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
