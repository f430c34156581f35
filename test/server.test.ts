import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comment-form/define.js';
import type { LedeCommentErrorEvent, LedeCommentForm, LedeCommentSentEvent } from '../src/comment-form/comment-form.js';
import { text, control, fill } from './support/helpers.js';
import type { Field } from './support/helpers.js';

// The real comment server (server/app.js, in-memory SQLite) is mounted under /api/ by
// test/support/comment-server.js in web-test-runner.config.js. Nothing here fakes fetch or the server.
// The server allows 5 stored comments a minute from one address: these tests store 3.

type Stored = Record<string, unknown> & { id: number };
const ADMIN = { Authorization: 'Bearer test-token-of-at-least-32-characters' };

const $ = <T extends Element = HTMLElement>(el: LedeCommentForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const status = (el: LedeCommentForm) => text($(el, '[part=status]'));

async function mount(lang: string, post: string): Promise<LedeCommentForm> {
  const el = await fixture<LedeCommentForm>(
    html`<lede-comment-form lang=${lang} action="/api/comments" post-id=${post} min-time="0"></lede-comment-form>`,
  );
  await el.updateComplete;
  return el;
}

/** Clicks the submit button and waits for the form to settle on `event`. */
async function submit<E extends Event>(el: LedeCommentForm, event: string): Promise<E> {
  const settled = oneEvent<E>(el, event);
  $<HTMLButtonElement>(el, '[part=submit]')!.click();
  const e = await settled;
  await el.updateComplete;
  return e;
}

// The public list may be cached (Cache-Control max-age, with an ETag): ask the server again each time, as a reader
// reloading after a moderator's approval would once max-age has passed.
const published = async (post: string): Promise<Stored[]> =>
  (await fetch(`/api/comments?post=${post}`, { cache: 'no-cache' })).json();
const queue = async (): Promise<Stored[]> =>
  (await fetch('/api/admin/comments?status=pending', { headers: ADMIN })).json();

describe('<lede-comment-form> with the comment server', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
  });

  it('posts a typed comment, shows it as pending, and lists it once a moderator approves it', async () => {
    const el = await mount('en', 'browser-test');
    const typed = { name: 'Camille Martin', email: 'camille@example.fr', content: 'Merci pour cet article.' };
    for (const [id, value] of Object.entries(typed)) {
      control(el, id as Field).focus();
      await sendKeys({ type: value });
    }
    const sent = await submit<LedeCommentSentEvent>(el, 'lede-comment-sent');

    expect(status(el)).to.equal(
      'Thank you! Your comment has been received and will appear once a moderator approves it.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=status]'));
    await expect(el).to.be.accessible();
    expect(sent.status).to.equal('pending');
    const { id } = sent.answer as { id: number; status: string };
    expect(sent.answer).to.deep.equal({ id, status: 'pending' });
    expect(id).to.be.a('number');

    // Held for moderation: not public yet, in the moderators' queue with the email.
    expect(await published('browser-test')).to.deep.equal([]);
    const held = (await queue()).find((c) => c.id === id);
    expect(held).to.include({ post: 'browser-test', parent: null, url: null, status: 'pending', ...typed });

    const approve = (headers: Record<string, string>) =>
      fetch(`/api/admin/comments/${id}/approve`, { method: 'POST', headers });
    expect((await approve({ Authorization: 'Bearer wrong-token' })).status).to.equal(401);
    const approved = await approve(ADMIN);
    expect(approved.status).to.equal(200);
    expect(await approved.json()).to.deep.equal({ id, status: 'approved' });

    const list = await published('browser-test');
    expect(list).to.have.length(1);
    expect(list[0]).to.include({
      id,
      post: 'browser-test',
      parent: null,
      name: typed.name,
      url: null,
      content: typed.content,
    });
    expect(list[0]).to.have.all.keys('id', 'post', 'parent', 'name', 'url', 'content', 'created');
    expect(JSON.stringify(list)).not.to.include('camille@example.fr');
  });

  it('shows the pending confirmation in French', async () => {
    const el = await mount('fr', 'browser-test-fr');
    await fill(el, {
      name: 'Anne Dupont',
      email: 'anne@exemple.fr',
      url: 'https://anne.exemple.fr',
      content: 'Très bon article.',
    });
    const sent = await submit<LedeCommentSentEvent>(el, 'lede-comment-sent');
    expect(status(el)).to.equal(
      'Merci ! Votre commentaire a bien été reçu et apparaîtra après validation par un modérateur.',
    );
    expect(sent.status).to.equal('pending');
    await expect(el).to.be.accessible();
    const held = (await queue()).find((c) => c.id === (sent.answer as { id: number }).id);
    expect(held).to.include({
      post: 'browser-test-fr',
      name: 'Anne Dupont',
      url: 'https://anne.exemple.fr',
      content: 'Très bon article.',
    });
  });

  it("puts the server's message on a field the form let through, and sends again once it is corrected", async () => {
    // The form allows 6000 characters, the server 5000 (README: a max-length over 5000 is refused).
    const el = await fixture<LedeCommentForm>(
      html`<lede-comment-form lang="en" action="/api/comments" post-id="browser-test-fields" min-time="0" max-length="6000"></lede-comment-form>`,
    );
    const values = { name: 'Jo', email: 'jo@example.com', url: 'jo.example.com', content: 'Bravo. '.repeat(800) };
    await fill(el, values);
    const failed = await submit<LedeCommentErrorEvent>(el, 'lede-comment-error');

    expect([failed.reason, failed.status]).to.deep.equal(['fields', 400]);
    expect(text($(el, '#content-error'))).to.equal('At most 5000 characters.');
    expect(control(el, 'content').getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'content').getAttribute('aria-describedby')).to.equal('content-error notice');
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'content'));
    expect(text($(el, '[role=alert]'))).to.equal('Please correct the highlighted fields.');
    expect(control(el, 'content').value).to.equal(values.content);
    await expect(el).to.be.accessible();
    expect((await queue()).filter((c) => c.post === 'browser-test-fields')).to.deep.equal([]);

    await fill(el, { content: 'Bravo.' });
    expect($(el, '#content-error')).to.be.null;
    const sent = await submit<LedeCommentSentEvent>(el, 'lede-comment-sent');
    expect(sent.status).to.equal('pending');
    // The website typed without a scheme is sent, and stored, with https://.
    const held = (await queue()).filter((c) => c.post === 'browser-test-fields');
    expect(held.map((c) => [c.url, c.content])).to.deep.equal([['https://jo.example.com', 'Bravo.']]);
  });
});
