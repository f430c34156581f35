// Issue 17: a reader's comment is never lost, never doubled: saved at every key, one draft (and one idempotency
// key) per article across tabs. The second tab is an iframe of this origin loading the built dist/lede.js.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-form/define.js';
import type { LedeCommentForm } from '../../src/comment-form/comment-form.js';
import { control, fill } from '../support/helpers.js';

type Received = { requests: Array<{ headers: Record<string, string> }>; comments: unknown[] };

let logs = 0;
const newAction = () => `/test-api/comments?log=drafts${Date.now().toString(36)}${logs++}`;
const received = async (action: string): Promise<Received> =>
  (await fetch(`/test-api/received?${new URL(action, location.href).searchParams}`)).json();
const stored = (): string =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('lede-comment:'))
    .map((key) => localStorage.getItem(key))
    .join('\n');

const mount = (action: string) =>
  fixture<LedeCommentForm>(
    html`<lede-comment-form lang="en" post-id="42" min-time="0" action=${action}></lede-comment-form>`,
  );

/** A second tab on the same article: the same form in an iframe of this origin. */
async function otherTab(action: string): Promise<LedeCommentForm> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<lede-comment-form lang="en" post-id="42" min-time="0" action="${action}"></lede-comment-form>
    <script type="module" src="${location.origin}/dist/lede.js"></script>`;
  document.body.append(frame);
  await waitUntil(
    () => frame.contentDocument?.querySelector('lede-comment-form')?.shadowRoot?.querySelector('textarea'),
    'other tab ready',
  );
  return frame.contentDocument!.querySelector('lede-comment-form')!;
}

describe('drafts: never lost, never doubled', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('keeps every key at once: a reload right after typing restores the text', async () => {
    const action = newAction();
    const el = await mount(action);
    control(el, 'content').focus();
    await sendKeys({ type: 'Bonjour' });
    // No pause: what a reload 0 ms after the last key would find.
    expect(stored()).to.contain('Bonjour');
    el.remove();
    const reloaded = await mount(action);
    await waitUntil(() => control(reloaded, 'content').value === 'Bonjour', 'draft restored');
  });

  it('makes the idempotency key with the draft', async () => {
    const el = await mount(newAction());
    await fill(el, { content: 'Un texte' });
    const draft = JSON.parse(stored());
    expect(draft.content).to.equal('Un texte');
    expect(draft.key).to.match(/\S{8,}/);
  });

  /** A form in this tab and one in another, on the same article; the draft typed in the first shown in the second. */
  async function twoTabs(action: string, content: string): Promise<{ a: LedeCommentForm; b: LedeCommentForm }> {
    const a = await mount(action);
    const b = await otherTab(action);
    await fill(a, { name: 'Anne', email: 'anne@example.fr', content });
    await waitUntil(() => control(b, 'content').value === content, 'draft shown in the other tab');
    return { a, b };
  }

  it('shares one draft between two tabs, and stores it once when both send it', async () => {
    const action = newAction();
    const { a, b } = await twoTabs(action, 'Écrit dans le premier onglet.');
    await fill(b, { name: 'Anne', email: 'anne@example.fr' });
    const sent = [oneEvent(a, 'lede-comment-sent'), oneEvent(b, 'lede-comment-sent')];
    a.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    b.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await Promise.all(sent);
    const { requests, comments } = await received(action);
    expect(requests).to.have.length(2);
    expect(requests[0].headers['idempotency-key']).to.equal(requests[1].headers['idempotency-key']);
    expect(comments).to.have.length(1);
  });

  it('clears the draft in the other tab once one tab has sent it', async () => {
    const { a, b } = await twoTabs(newAction(), 'Envoyé une fois.');
    const sent = oneEvent(a, 'lede-comment-sent');
    a.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await sent;
    await waitUntil(() => control(b, 'content').value === '', 'draft cleared in the other tab');
  });
});
