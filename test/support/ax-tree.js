// `executeServerCommand('ax-tree')`: Chromium's whole accessibility tree of the test page, every node (puppeteer's
// snapshot with `interestingOnly: false`; @web/test-runner-commands' a11ySnapshot keeps only "interesting" nodes,
// which leaves out a figure and its name).
export function axTreePlugin() {
  return {
    name: 'ax-tree-command',
    /** @param {{ command: string, session: { id: string, browser: { getPage(id: string): import('puppeteer-core').Page } } }} options */
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      const page = session.browser.getPage(session.id);
      return page.accessibility.snapshot({ interestingOnly: false });
    },
  };
}
