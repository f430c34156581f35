// Issue 17: markup on the host page, written before the bundle runs, that shadows names Lit or Lede read (DOM
// clobbering) must not stop the elements from defining, rendering and sending. Each case is a page of its own
// (test/support/clobber-page.js) in an iframe, loading the built dist/lede.js.
import { expect, waitUntil } from '@open-wc/testing';
// @ts-expect-error: a plain JavaScript module of the test server, without types.
import { CASES } from '../support/clobber-page.js';

type Received = { requests: Array<{ headers: Record<string, string> }> };
const TAGS = ['lede-article-header', 'lede-figure', 'lede-reading-time', 'lede-comment-form'];
const text = (root: ShadowRoot | null | undefined) => (root?.textContent ?? '').replace(/\s+/g, ' ');

async function load(index: number, log: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.src = `/test-clobber/page.html?case=${index}&log=${log}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

describe('DOM clobbering: host-page markup that shadows names', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  (CASES as Array<{ name: string; csrf?: string }>).forEach(({ name, csrf }, index) => {
    it(`${name}: defines, renders and sends`, async () => {
      const log = `clobber${index}-${Date.now().toString(36)}`;
      const doc = await load(index, log);
      const view = doc.defaultView!;
      await waitUntil(() => TAGS.every((tag) => view.customElements.get(tag)), 'all four elements defined', {
        timeout: 4000,
      });
      const [header, figure, form] = ['lede-article-header', 'lede-figure', 'lede-comment-form'].map((tag) =>
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- `.call` meets the deprecated overload too
        Document.prototype.querySelector.call(doc, tag),
      );
      await waitUntil(() => text(header?.shadowRoot).includes('Le 27 novembre 2019'), 'header rendered', {
        timeout: 4000,
      });
      await waitUntil(
        () => /\d+ minutes? de lecture/.test(text(header?.shadowRoot?.querySelector('lede-reading-time')?.shadowRoot)),
        'reading time shown',
      );
      expect(text(figure!.shadowRoot)).to.contain('Légende');
      expect(text(form!.shadowRoot)).to.contain('Laisser un commentaire');

      const root = form!.shadowRoot!;
      for (const [id, value] of [
        ['name', 'Anne'],
        ['email', 'anne@example.fr'],
        ['content', 'Un commentaire.'],
      ]) {
        const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await waitUntil(() => root.querySelector('[part=status]'), 'comment sent', { timeout: 4000 });
      const { requests } = (await (await fetch(`/test-api/received?log=${log}`)).json()) as Received;
      expect(requests).to.have.length(1);
      expect(requests[0].headers.host).to.equal(location.host);
      expect(requests[0].headers['x-csrf-token']).to.equal(csrf);
    });
  });
});
