import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { commentEndpoint } from './test/support/comment-endpoint.js';
import { commentList } from './test/support/comment-list.js';
import { commentServer } from './test/support/comment-server.js';
import { clobberPage } from './test/support/clobber-page.js';
import { cspPage } from './test/support/csp-page.js';
import { quietProbes } from './test/support/quiet-probes.js';
import { ssrPage } from './test/support/ssr-page.js';
import { autoloaderPage } from './test/support/autoloader-page.js';
import { axTreePlugin } from './test/support/ax-tree.js';
import { ssrRenderPlugin } from './test/support/ssr-render.js';
import { chromeArgs, chromium } from './test/support/chromium.js';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  middleware: [
    quietProbes(),
    commentEndpoint(),
    commentList(),
    commentServer(),
    commentServer({ prefix: '/thread-api/' }),
    ssrPage(),
    autoloaderPage(),
    cspPage(),
    clobberPage(),
  ],
  // ax-tree: Chromium's own accessibility tree (roles, names, descriptions as screen readers get them).
  // lede-ssr: markup rendered by lede-elements/ssr, for the hydrated fixture (test/support/fixtures.ts).
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    axTreePlugin(),
    ssrRenderPlugin(),
  ],
  // Lit's hydration, installed before any test file defines an element, as dist/hydrate.js is on a page; an element
  // with no server-rendered shadow root renders as usual.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script type="module" src="/src/hydrate/index.ts"></script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromium(), headless: true, args: chromeArgs } })],
  // One page at a time: Chromium gives animation frames only to the visible tab, and tests wait on them.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // Lit's dev-mode notice, and the warning of a figure whose image is missing on purpose (a fixture named
  // *missing*, which does not exist): tests that check warnings capture console.warn themselves.
  filterBrowserLogs: ({ args }) =>
    !String(args[0]).includes('Lit is in dev mode') &&
    !/^\[lede\] .*"\/test\/fixtures\/[^"]*missing[^"]*" failed to load$/.test(String(args[0])),
};
