import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../admin/main.js';
import type { ModerationPage } from '../admin/moderation-page.js';
import { TOKEN_KEY } from '../admin/moderation-page.js';
import { text } from './support/helpers.js';

// The moderation page (admin/, served at /admin/ by the reference server) against the real comment server, mounted
// under /api/ by test/support/comment-server.js with its admin token. Only the keyboard drives the page here.
// The server allows 5 stored comments a minute from one address: these tests store 2.

const TOKEN = 'test-token-of-at-least-32-characters';
const POST = `moderation-${Date.now()}`;

const $ = <T extends Element = HTMLElement>(el: ModerationPage, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const focused = (el: ModerationPage) => el.shadowRoot!.activeElement as HTMLElement | null;
/** A short name for an element of the page, to compare: chai's diff of two DOM elements takes minutes. */
const where = (node: Element | null | undefined) =>
  node
    ? `${node.localName}#${node.id}[${node.getAttribute('data-action') ?? ''} ${node.getAttribute('aria-describedby') ?? ''}] ${text(node)}`
    : 'nothing';
const button = (el: ModerationPage, action: 'approve' | 'delete', id: number) =>
  $<HTMLButtonElement>(el, `button[data-action=${action}][aria-describedby=comment-${id}]`);
const published = async (): Promise<Array<{ id: number; content: string }>> =>
  (await fetch(`/api/comments?post=${POST}`, { cache: 'no-cache' })).json();

/** Presses Tab until `target()` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(el: ModerationPage, target: () => Element | null, limit = 200): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (target() && focused(el) === target()) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('Tab never reached the element');
}

async function postComment(name: string, content: string): Promise<number> {
  const response = await fetch('/api/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ post: POST, name, email: 'anne@example.fr', url: 'anne.fr', content }),
  });
  expect(response.status).to.equal(201);
  return (await response.json()).id;
}

async function mount(): Promise<ModerationPage> {
  const el = await fixture<ModerationPage>(html`<moderation-page></moderation-page>`);
  await el.updateComplete;
  return el;
}

async function signIn(el: ModerationPage, token: string): Promise<void> {
  await tabTo(el, () => $(el, '#token'));
  await sendKeys({ type: token });
  await sendKeys({ press: 'Enter' });
}

describe('moderation page', () => {
  const address = location.href;
  afterEach(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    history.replaceState(history.state, '', address);
  });

  it('asks for the token in English or French, switched with the keyboard', async () => {
    const el = await mount();
    expect(text($(el, 'h1'))).to.equal('Comment moderation');
    expect(text($(el, 'label[for=token]'))).to.equal('Admin token');
    expect(document.title).to.equal('Comment moderation');
    await expect(el).to.be.accessible();

    await tabTo(el, () => $(el, 'header button'));
    expect(text(focused(el))).to.equal('Français');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, 'h1'))).to.equal('Modération des commentaires');
    expect(text($(el, 'label[for=token]'))).to.equal("Jeton d'administration");
    expect(text($(el, 'button[type=submit]'))).to.equal('Se connecter');
    expect(document.documentElement.lang).to.equal('fr');
    expect(new URL(location.href).searchParams.get('lang')).to.equal('fr');
    expect(where(focused(el)), 'the focus stays on the switch').to.equal(where($(el, 'header button')));
    expect(text(focused(el))).to.equal('English');
    await expect(el).to.be.accessible();
  });

  it('takes ?lang=fr from the address', async () => {
    history.replaceState(history.state, '', `${location.pathname}?lang=fr`);
    const el = await mount();
    expect(text($(el, 'h1'))).to.equal('Modération des commentaires');
  });

  it('refuses a wrong token and says so, with the focus back in the field', async () => {
    const el = await mount();
    await signIn(el, 'not-the-token-but-long-enough-to-try');
    await waitUntil(() => text($(el, '[role=alert]')) !== '', 'no error shown');
    expect(text($(el, '[role=alert]'))).to.equal('This token was refused. Check it and try again.');
    expect(where(focused(el))).to.equal(where($(el, '#token')));
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when the lists cannot be loaded, and loads them again from Try again', async () => {
    sessionStorage.setItem(TOKEN_KEY, TOKEN);
    // The network is down for the first load only (the one place here where fetch is replaced).
    const realFetch = window.fetch.bind(window);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    let el: ModerationPage;
    try {
      el = await mount();
      await waitUntil(() => $(el, 'main .error'), 'no error shown');
    } finally {
      window.fetch = realFetch;
    }
    expect(text($(el, 'main .error'))).to.equal('The comments could not be loaded.');
    await expect(el).to.be.accessible();
    await tabTo(el, () => $(el, 'main button'));
    expect(text(focused(el))).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#pending-heading'), 'the lists did not load');
    expect(sessionStorage.getItem(TOKEN_KEY), 'still signed in').to.equal(TOKEN);
  });

  it('signs in, approves pending comments with the keyboard, which then are public; deletes an approved one', async () => {
    const first = await postComment('Anne', 'Premier <b>commentaire</b>\n\nsur deux paragraphes');
    const second = await postComment('Bruno', 'Second commentaire');
    const el = await mount();
    await signIn(el, TOKEN);
    await waitUntil(() => button(el, 'approve', first), 'the queue never showed the comment');
    expect(sessionStorage.getItem(TOKEN_KEY), 'kept for this tab').to.equal(TOKEN);
    expect(localStorage.getItem(TOKEN_KEY), 'and nowhere else').to.equal(null);
    expect(where(focused(el)), 'the focus moves to the queue').to.equal(where($(el, '#pending-heading')));
    expect(text($(el, '#pending-heading'))).to.match(/^Awaiting moderation \(\d+\)$/);

    // What the reader wrote, as text: the markup is shown, not applied.
    const article = button(el, 'approve', first)!.closest('article')!;
    expect(text(article.querySelector('h3'))).to.equal('Anne');
    expect(article.querySelector('.content')!.textContent).to.equal(
      'Premier <b>commentaire</b>\n\nsur deux paragraphes',
    );
    expect(article.querySelector('b')).to.equal(null);
    expect(text(article.querySelector('dl')))
      .to.include(POST)
      .and.include('anne@example.fr')
      .and.include('https://anne.fr');
    expect(article.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    await expect(el).to.be.accessible();
    expect(await published()).to.deep.equal([]);

    await tabTo(el, () => button(el, 'approve', first));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(el, 'approve', first), 'the comment stayed in the queue');
    expect(text($(el, '[role=status]'))).to.equal('The comment by Anne is approved.');
    // The next comment of the queue takes the focus, ready for the next decision.
    expect(where(focused(el))).to.equal(where(button(el, 'approve', second)));
    expect(button(el, 'delete', first)!.closest('[data-list]')!.getAttribute('data-list')).to.equal('approved');
    expect(text($(el, '#approved-heading'))).to.equal('Recently approved');
    expect((await published()).map((comment) => comment.id)).to.deep.equal([first]);
    await expect(el).to.be.accessible();

    // Enter again approves the next one; the queue's last comment gone, its place (or its heading) has the focus.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(el, 'approve', second), 'the second comment stayed in the queue');
    expect(text($(el, '[role=status]'))).to.equal('The comment by Bruno is approved.');
    const queue = [...el.shadowRoot!.querySelectorAll('[data-list=pending] > li')];
    const expected = queue.length ? queue.at(-1)!.querySelector('button') : $(el, '#pending-heading');
    expect(where(focused(el)), 'the focus stays in the queue').to.equal(where(expected));
    const approvedRows = () => [...el.shadowRoot!.querySelectorAll('[data-list=approved] > li button')].map(where);
    expect(approvedRows().slice(0, 2), 'the newest approval first').to.deep.equal(
      [button(el, 'delete', second), button(el, 'delete', first)].map(where),
    );

    // Deleting an approved comment takes it out of the public list; the next approved one takes the focus.
    await tabTo(el, () => button(el, 'delete', second));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(el, 'delete', second), 'the comment was not deleted');
    expect(text($(el, '[role=status]'))).to.equal('The comment by Bruno is deleted.');
    expect(where(focused(el))).to.equal(where(button(el, 'delete', first)));
    expect((await published()).map((comment) => comment.id)).to.deep.equal([first]);
    await expect(el).to.be.accessible();

    // A new page in this tab is still signed in; signing out forgets the token.
    const again = await mount();
    await waitUntil(() => button(again, 'delete', first), 'not signed in from the tab');
    await tabTo(
      again,
      () => [...again.shadowRoot!.querySelectorAll('header button')].find((node) => text(node) === 'Sign out') ?? null,
    );
    await sendKeys({ press: 'Enter' });
    await again.updateComplete;
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
    expect(where(focused(again))).to.equal(where($(again, '#token')));
  });
});
