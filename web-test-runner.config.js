import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { commentEndpoint } from './test/support/comment-endpoint.js';
import { commentServer } from './test/support/comment-server.js';
import { clobberPage } from './test/support/clobber-page.js';
import { cspPage } from './test/support/csp-page.js';
import { ssrPage } from './test/support/ssr-page.js';
import { axTreePlugin } from './test/support/ax-tree.js';
import { chromeArgs, chromium } from './test/support/chromium.js';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  middleware: [commentEndpoint(), commentServer(), ssrPage(), cspPage(), clobberPage()],
  // ax-tree: Chromium's own accessibility tree (roles, names, descriptions as screen readers get them).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), axTreePlugin()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromium(), headless: true, args: chromeArgs } })],
  // One page at a time: Chromium gives animation frames only to the visible tab, and tests wait on them.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
