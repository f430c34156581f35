// Issue 17: a reader's comment goes only where the site says. Each case posts through the real test endpoint
// (test/support/comment-endpoint.js), whose "other origin" is the same server under another host name
// (localhost ↔ 127.0.0.1), open to every origin as an attacker's server would be.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/comment-form/define.js';
import type { LedeCommentErrorEvent, LedeCommentForm } from '../../src/comment-form/comment-form.js';
import { fill } from '../support/helpers.js';

type Received = { requests: Array<{ headers: Record<string, string>; body: string }> };

const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
let logs = 0;
const newLog = () => `origin${Date.now().toString(36)}${logs++}`;
const received = async (log: string): Promise<Received> =>
  (await fetch(`${location.origin}/test-api/received?log=${log}`)).json();

async function form(action: string, protocol: string): Promise<LedeCommentForm> {
  const el = await fixture<LedeCommentForm>(
    html`<lede-comment-form lang="en" post-id="42" min-time="0" action=${action} protocol=${protocol}></lede-comment-form>`,
  );
  await fill(el, { name: 'Anne', email: 'anne@example.fr', content: 'Un commentaire.' });
  return el;
}

/** Submits and returns the event the form settled on. */
async function submit(el: LedeCommentForm): Promise<Event> {
  const settled = Promise.race([oneEvent(el, 'lede-comment-sent'), oneEvent(el, 'lede-comment-error')]);
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  return settled;
}

describe('the comment goes only where the site says', () => {
  afterEach(() => document.querySelectorAll('base').forEach((base) => base.remove()));

  for (const protocol of ['json', 'wordpress']) {
    it(`${protocol}: a <base href> on the page does not move a relative action`, async () => {
      const log = newLog();
      const base = Object.assign(document.createElement('base'), { href: `${other}/elsewhere/` });
      document.head.prepend(base);
      const route = protocol === 'json' ? 'comments' : 'wp-comments-post.php';
      const el = await form(`/test-api/${route}?log=${log}&cors=1`, protocol);
      const event = await submit(el);
      expect(event.type).to.equal('lede-comment-sent');
      const { requests } = await received(log);
      expect(requests).to.have.length(1);
      expect(requests[0].headers.host).to.equal(location.host);
    });
  }

  const cases = [
    { protocol: 'json', status: 307, route: 'comments', to: 'comments' },
    { protocol: 'json', status: 308, route: 'comments', to: 'comments' },
    { protocol: 'wordpress', status: 307, route: 'wp-comments-post.php', to: 'wp-comments-post.php' },
    { protocol: 'wordpress', status: 302, route: 'wp-comments-post.php', to: 'post' },
  ];
  for (const { protocol, status, route, to } of cases) {
    it(`${protocol}: a ${status} to another origin is a failure, and nothing reaches it`, async () => {
      const log = newLog();
      const target = `${other}/test-api/${to}?log=${log}-other&cors=1&p=42`;
      const el = await form(
        `/test-api/${route}?log=${log}&mode=redirect&status=${status}&to=${encodeURIComponent(target)}`,
        protocol,
      );
      const event = await submit(el);
      expect(event.type).to.equal('lede-comment-error');
      expect((event as LedeCommentErrorEvent).reason).to.be.oneOf(['network', 'server']);
      expect((await received(`${log}-other`)).requests).to.have.length(0);
      // The text stays for another try.
      expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('Un commentaire.');
    });
  }

  it('wordpress: a redirect within the origin is still success, and says whether it awaits moderation', async () => {
    const log = newLog();
    const el = await form(`/test-api/wp-comments-post.php?log=${log}`, 'wordpress');
    const event = await submit(el);
    expect(event.type).to.equal('lede-comment-sent');
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('once a moderator approves it');
  });
});
