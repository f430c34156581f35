import { expect, waitUntil } from '@open-wc/testing';

// README.md's "Drop it into a page": its example, as written (only the bundle and the image come from this
// repository instead of example.org), must show every text the sentence after the example says it shows.
// README.md is read from the test server at run time, so editing the example or the sentence is what is tested.

const TAGS = ['lede-article-header', 'lede-figure', 'lede-reading-time', 'lede-comment-form'];

/** The section's html block and the quoted texts of its "This renders …" paragraph. */
async function example(): Promise<{ markup: string; claims: string[] }> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.split('\n## ').find((s) => s.startsWith('Drop it into a page'))!;
  const [, markup, after] = /```html\n([\s\S]*?)```\n([\s\S]*?)(\n\n|$)/.exec(section)!;
  const sentence = after.trim();
  expect(sentence).to.match(/^This renders /);
  return { markup, claims: [...sentence.matchAll(/"([^"]+)"/g)].map((match) => match[1]) };
}

/** The text a page shows and announces: through slots and shadow roots, with CSS separators, visually hidden included. */
function rendered(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return [...node.childNodes].map(rendered).join('');
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  if (style.display === 'none' || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName)) return '';
  const before = el.ownerDocument.defaultView!.getComputedStyle(el, '::before').content;
  let children: Node[] = [...(el.shadowRoot ?? el).childNodes];
  if (el.localName === 'slot' && (el as HTMLSlotElement).assignedNodes().length)
    children = (el as HTMLSlotElement).assignedNodes({ flatten: true });
  // A block starts on its own line: texts of two blocks never run together.
  const block = style.display !== 'inline' ? ' ' : '';
  return (
    block + (before.startsWith('"') ? (JSON.parse(before) as string) : '') + children.map(rendered).join('') + block
  );
}

describe('README', () => {
  it('"Drop it into a page" renders what the README says it renders', async () => {
    const { markup, claims } = await example();
    expect(claims).to.include('Laisser un commentaire');
    expect(claims.length).to.be.at.least(4);
    const page = markup
      .replace('https://example.org/lede/lede.js', '/dist/lede.js')
      .replace('telegram.jpg', '/demo/images/telegram.svg');
    expect(page, 'the example still loads the bundle and the image this test replaces').not.to.equal(markup);
    expect(page).to.contain('/demo/images/telegram.svg');

    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.srcdoc = page;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      const doc = frame.contentDocument!;
      await Promise.all(TAGS.filter((tag) => doc.querySelector(tag)).map((tag) => win.customElements.whenDefined(tag)));
      const elements = [...doc.querySelectorAll(TAGS.join())] as Array<Element & { updateComplete: Promise<unknown> }>;
      await Promise.all(elements.map((el) => el.updateComplete));
      const text = () => rendered(doc.body).replace(/\s+/g, ' ');
      await waitUntil(() => /de lecture/.test(text()), 'the reading time is measured', { timeout: 3000 });
      for (const claim of claims) expect(text(), claim).to.contain(claim);
    } finally {
      frame.remove();
    }
  });
});
