import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments/define.js';
import '../src/shared/translations/ar.js';
import type { LedeComments, LedeCommentsLoadEvent } from '../src/comments/comments.js';
import type { LedeCommentForm, LedeCommentSentEvent } from '../src/comment-form/comment-form.js';
import { hydratedFixture } from './support/fixtures.js';
import { captureWarnings, fill, text } from './support/helpers.js';

// Lists come from test/support/comment-list.js (a fake reference server with pages, and a fake WordPress), and from
// the real comment server (server/app.js) mounted at /thread-api/ by test/support/comment-server.js. Nothing here
// replaces `fetch`.

let logs = 0;
const newLog = () => `c${Date.now().toString(36)}${logs++}`;
const ADMIN = { Authorization: 'Bearer test-token-of-at-least-32-characters' };

type Attributes = Record<string, string | boolean>;

/** A `<lede-comments>` with `attributes`, once its list has loaded (or failed). */
async function mount(attributes: Attributes, children = ''): Promise<LedeComments> {
  const el = document.createElement('lede-comments');
  const all: Attributes = { lang: 'en', ...attributes };
  for (const [name, value] of Object.entries(all))
    if (value !== false) el.setAttribute(name, value === true ? '' : value);
  if (children)
    el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: children }));
  await fixture(html`<div>${el}</div>`);
  await settled(el);
  return el;
}

/** Waits until the element shows its list or its error. */
async function settled(el: LedeComments): Promise<void> {
  await waitUntil(() => el.hasUpdated && !$(el, '[part=status]'), 'the list has loaded', { timeout: 5000 });
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: LedeComments, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: LedeComments, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const heading = (el: LedeComments) => text($(el, '[part=heading]'));
/** Each shown comment as "author: text", in the order of the page. */
const shown = (el: LedeComments) =>
  $$(el, '[part=comment]').map(
    (c) =>
      `${text(c.querySelector('[part=author]'))}: ${[...c.querySelectorAll('[part=content] p')].map(text).join(' ')}`,
  );
const comment = (el: LedeComments, id: string | number) => $(el, `#comment-${id}`)!;
const button = (el: LedeComments, part: string, within?: Element) =>
  (within ?? el.shadowRoot!).querySelector<HTMLButtonElement>(`[part=${part}]`)!;
/** The form for a new comment, or the open reply form. */
const form = (el: LedeComments, reply = false) =>
  $<LedeCommentForm>(el, reply ? '[part=reply-form] lede-comment-form' : 'lede-comment-form[part=form]')!;
/** The element focused inside nested shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const valid = { name: 'Camille', email: 'camille@example.fr', content: 'Un avis bien pesé.' };

/** Fills `target` and sends it (its spam time-trap off), resolving with `lede-comment-sent`. */
async function send(
  el: LedeComments,
  target: LedeCommentForm,
  values: Record<string, string> = valid,
): Promise<LedeCommentSentEvent> {
  target.minTime = 0;
  await fill(target, values);
  const sent = oneEvent<LedeCommentSentEvent>(el, 'lede-comment-sent');
  target.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  const event = await sent;
  await el.updateComplete;
  return event;
}

describe('<lede-comments>', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
  });

  describe('rendering', () => {
    it('shows the thread: count, authors, dates, paragraphs, replies nested under their parent', async () => {
      const el = await mount({ src: '/test-list/comments', 'post-id': 'pair' });
      expect(heading(el)).to.equal('3 comments');
      expect(shown(el)).to.deep.equal([
        'Anne Dupont: Premier paragraphe. Suite du même. Second paragraphe.',
        'Marie: Je réponds à Anne.',
        'Paul: <b>Pas du HTML</b>',
      ]);
      // The reply is in a list inside its parent's item.
      const reply = comment(el, 3);
      expect(
        reply.closest('li')!.parentElement!.closest('li')!.querySelector('[part=comment]') === comment(el, 1),
        'under its parent',
      ).to.be.true;
      // Paragraphs, and the line break inside the first.
      const paragraphs = [...comment(el, 1).querySelectorAll('[part=content] p')].map(
        (p) => (p as HTMLElement).innerText,
      );
      expect(paragraphs).to.deep.equal(['Premier paragraphe.\nSuite du même.', 'Second paragraphe.']);
      // A link for a website, none for a javascript: URL; text shown as text.
      const link = comment(el, 1).querySelector('[part=author] a')!;
      expect([link.getAttribute('href'), link.getAttribute('rel')]).to.deep.equal([
        'https://anne.example.fr/',
        'nofollow ugc noopener',
      ]);
      expect(comment(el, 2).querySelector('[part=author] a') === null).to.be.true;
      expect(comment(el, 2).querySelector('b') === null).to.be.true;
      // Dates: the instant in `datetime`, written out in the element's language.
      const time = comment(el, 1).querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2024-05-01T09:00:00.000Z');
      expect(text(time)).to.equal('May 1, 2024');
      expect(text(button(el, 'reply', comment(el, 1)))).to.equal('Reply');
      expect(text(form(el).shadowRoot!.querySelector('[part=heading]'))).to.equal('Leave a comment');
      await expect(el).to.be.accessible();
    });

    it('in French', async () => {
      const el = await mount({ lang: 'fr', src: '/test-list/comments', 'post-id': 'pair' });
      expect(heading(el)).to.equal('3 commentaires');
      expect(text(comment(el, 1).querySelector('time'))).to.equal('1er mai 2024');
      expect(text(button(el, 'reply', comment(el, 1)))).to.equal('Répondre');
      await expect(el).to.be.accessible();
    });

    it('shows a recent date as relative, the absolute date as its title', async () => {
      const created = new Date(Date.now() - 5 * 60_000).toISOString();
      const el = await mount(
        { lang: 'fr' },
        JSON.stringify([{ id: 1, parent: null, name: 'Anne', url: null, content: 'Tout frais.', created }]),
      );
      const time = comment(el, 1).querySelector('time')!;
      expect(text(time)).to.equal('il y a 5 minutes');
      expect(time.getAttribute('datetime')).to.equal(created);
      expect(time.getAttribute('title')).to.match(/ 20\d\d$/);
    });

    it('says when there are no comments yet, and the form still shows', async () => {
      for (const [lang, words] of [
        ['en', 'No comments yet'],
        ['fr', "Aucun commentaire pour l'instant"],
      ]) {
        const el = await mount({ lang, src: '/test-list/comments', 'post-id': 'none' });
        expect(heading(el)).to.equal(words);
        expect($(el, '[part=thread]') === null).to.be.true;
        expect(form(el) !== null).to.be.true;
        await expect(el).to.be.accessible();
      }
    });

    it('counts in Arabic with its plural forms, right to left', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div dir="rtl" lang="ar"><lede-comments src="/test-list/comments" post-id="pair"></lede-comments></div>`,
      );
      const el = wrapper.querySelector('lede-comments')!;
      await settled(el);
      expect(heading(el)).to.equal('3 تعليقات');
      expect(text(button(el, 'reply', comment(el, 1)))).to.equal('رد');
      // Replies are indented on the start side: the right.
      const list = comment(el, 3).closest('ol')!;
      expect(getComputedStyle(list).borderRightWidth).to.equal('2px');
      await expect(el).to.be.accessible();
    });
  });

  describe('loading and errors', () => {
    it('keeps space for the thread while it loads, and says so', async () => {
      const el = document.createElement('lede-comments');
      Object.assign(el, { src: `/test-list/comments?delay=800&log=${newLog()}`, postId: 'pair', lang: 'fr' });
      await fixture(html`<div>${el}</div>`);
      await el.updateComplete;
      const status = $(el, '[part=status]')!;
      expect(text(status)).to.equal('Chargement des commentaires…');
      expect(status.getAttribute('role')).to.equal('status');
      expect(heading(el)).to.equal('Commentaires');
      expect(status.getBoundingClientRect().height).to.be.at.least(150);
      await expect(el).to.be.accessible();
      await settled(el);
      expect(heading(el)).to.equal('3 commentaires');
    });

    it('shows an error with a retry when the list cannot be loaded; the form still works', async () => {
      const log = newLog();
      const el = await mount({
        src: `/test-list/comments?fail=1&log=${log}`,
        'post-id': 'pair',
        action: '/test-api/comments',
      });
      expect(text($(el, '[part=error]'))).to.equal('The comments could not be loaded.');
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
      expect(heading(el)).to.equal('Comments');
      await expect(el).to.be.accessible();
      // The form sends anyway.
      const sent = await send(el, form(el));
      expect(sent.status).to.equal('pending');
      // Retry: the list loads, the heading gets the focus and the count.
      button(el, 'retry').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shown(el).length === 4, 'the list after the retry');
      expect(heading(el)).to.equal('3 comments');
      expect(focused() === $(el, '[part=heading]'), 'focus').to.be.true;
      expect($(el, '[part=error]') === null).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('in French', async () => {
      const el = await mount({ lang: 'fr', src: '/test-list/comments', 'post-id': 'broken' });
      expect(text($(el, '[part=error]'))).to.equal("Les commentaires n'ont pas pu être chargés.");
      expect(text(button(el, 'retry'))).to.equal('Réessayer');
      await expect(el).to.be.accessible();
    });
  });

  describe('many comments', () => {
    it('follows the pages of the list, shows the first 50, then 50 more on request', async () => {
      const log = newLog();
      const el = await mount({ src: `/test-list/comments?log=${log}`, 'post-id': 'many' });
      const requests = (await (await fetch(`/test-list/requests?log=${log}`)).json()) as Array<Record<string, string>>;
      expect(requests.map((r) => [r.limit, r.after ?? ''])).to.have.length(2);
      expect(requests[0]).to.include({ post: 'many', limit: '100' });
      expect(requests[1].after).to.be.a('string').and.not.equal('');
      expect(heading(el)).to.equal('121 comments');
      // 50 top-level comments, and the late reply under the first, loaded from the second page.
      expect($$(el, '[part=base] > [part=thread] > li')).to.have.length(50);
      expect(shown(el)[1]).to.equal('Anne: Réponse tardive au premier.');
      await expect(el).to.be.accessible();

      const more = button(el, 'more');
      expect(text(more)).to.equal('Show more comments');
      more.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($$(el, '[part=base] > [part=thread] > li')).to.have.length(100);
      expect(focused() === comment(el, 51), 'focus').to.be.true;
      button(el, 'more').click();
      await el.updateComplete;
      expect($$(el, '[part=base] > [part=thread] > li')).to.have.length(120);
      expect(button(el, 'more') === null).to.be.true;
    });

    it('in French, newest first', async () => {
      const el = await mount({ lang: 'fr', src: '/test-list/comments', 'post-id': 'many', order: 'newest' });
      expect(heading(el)).to.equal('121 commentaires');
      expect(shown(el)[0]).to.equal('Lecteur 120: Commentaire numéro 120.');
      expect(text(button(el, 'more'))).to.equal('Afficher plus de commentaires');
      await expect(el).to.be.accessible();
    });

    it('shows replies deeper than max-depth at the last level', async () => {
      const chain = [1, 2, 3, 4].map((id) => ({
        id,
        parent: id === 1 ? null : id - 1,
        name: `N${id}`,
        url: null,
        content: `Texte ${id}`,
        created: `2024-05-01T09:0${id}:00Z`,
      }));
      const el = await mount({ 'max-depth': '2' }, JSON.stringify(chain));
      const depth = (id: number) => {
        let levels = 0;
        for (let node = comment(el, id).closest('ol'); node; node = node.parentElement!.closest('ol')) levels++;
        return levels;
      };
      expect([1, 2, 3, 4].map(depth)).to.deep.equal([1, 2, 2, 2]);
    });
  });

  describe('comments passed in by the page', () => {
    it('renders a <script type="application/json"> child and fetches nothing', async () => {
      const log = newLog();
      const list = [
        { id: 7, parent: null, name: 'Anne', url: null, content: 'Depuis la page.', created: '2024-05-01T09:00:00Z' },
      ];
      const loaded = new Promise<LedeCommentsLoadEvent>((resolve) =>
        document.addEventListener('lede-comments-load', resolve, { once: true }),
      );
      const el = await mount({ src: `/test-list/comments?log=${log}`, 'post-id': 'pair' }, JSON.stringify(list));
      expect(shown(el)).to.deep.equal(['Anne: Depuis la page.']);
      expect((await loaded).count).to.equal(1);
      expect(await (await fetch(`/test-list/requests?log=${log}`)).json()).to.deep.equal([]);
    });

    it('server-rendered from that child: hydrated as the server wrote it, nothing fetched', async () => {
      const log = newLog();
      const list = [
        {
          id: 8,
          parent: null,
          name: 'Anne',
          url: 'https://anne.example.fr',
          content: 'Rendu par le serveur.',
          created: '2024-05-01T09:00:00Z',
        },
        {
          id: 9,
          parent: 8,
          name: 'Paul',
          url: null,
          content: 'Et repris par le navigateur.',
          created: '2024-05-02T09:00:00Z',
        },
      ];
      // The fixture fails when hydration finds another DOM, or another text, than the server's.
      const el = await hydratedFixture<LedeComments>(
        html`<lede-comments lang="fr" src=${`/test-list/comments?log=${log}`} post-id="pair"><script type="application/json">${JSON.stringify(list)}</script></lede-comments>`,
      );
      await el.updateComplete;
      expect(heading(el)).to.equal('2 commentaires');
      expect(shown(el)).to.deep.equal(['Anne: Rendu par le serveur.', 'Paul: Et repris par le navigateur.']);
      expect(
        comment(el, 9).closest('li')!.parentElement!.closest('li')!.querySelector('[part=comment]') === comment(el, 8),
        'under its parent',
      ).to.be.true;
      expect(await (await fetch(`/test-list/requests?log=${log}`)).json()).to.deep.equal([]);
      // Hydrated, not only painted: Répondre opens the reply form.
      button(el, 'reply', comment(el, 8)).click();
      await el.updateComplete;
      expect(form(el, true) !== null).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('warns once and fetches when the child is not a list', async () => {
      const warnings = captureWarnings();
      try {
        const el = await mount({ src: '/test-list/comments', 'post-id': 'pair' }, '{ not json');
        expect(shown(el)).to.have.length(3);
        expect(warnings.messages.filter((m) => m.includes('<lede-comments> script'))).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });
  });

  describe('replies', () => {
    it('opens a form under the comment with the keyboard, focuses it, and cancels back to the button', async () => {
      const el = await mount({ src: '/test-list/comments', 'post-id': 'pair', action: '/test-api/comments' });
      const reply = button(el, 'reply', comment(el, 1));
      reply.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => form(el, true), 'the reply form');
      const replyForm = form(el, true);
      expect(replyForm.closest('[part=comment]') === comment(el, 1)).to.be.true;
      expect(replyForm.getAttribute('parent-id')).to.equal('1');
      expect(text(replyForm.querySelector('[slot=heading]'))).to.equal('Reply to Anne Dupont');
      await waitUntil(() => focused() === replyForm.shadowRoot!.querySelector('#name'), 'focus in the reply form');
      await expect(el).to.be.accessible();

      button(el, 'cancel').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(form(el, true) === null).to.be.true;
      expect(focused() === button(el, 'reply', comment(el, 1)), 'focus').to.be.true;

      // Escape closes it too.
      button(el, 'reply', comment(el, 2)).click();
      await waitUntil(() => focused()?.id === 'name', 'focus in the second reply form');
      expect(text(form(el, true).querySelector('[slot=heading]'))).to.equal('Reply to Paul');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(form(el, true) === null).to.be.true;
      expect(focused() === button(el, 'reply', comment(el, 2)), 'focus').to.be.true;
    });

    it('is headed "Répondre à Anne" in French', async () => {
      const el = await mount({ lang: 'fr', src: '/test-list/comments', 'post-id': 'pair' });
      button(el, 'reply', comment(el, 1)).click();
      await waitUntil(() => form(el, true), 'the reply form');
      expect(text(form(el, true).querySelector('[slot=heading]'))).to.equal('Répondre à Anne Dupont');
      expect(text(button(el, 'cancel'))).to.equal('Annuler');
      await expect(el).to.be.accessible();
    });
  });

  describe('sending', () => {
    it('shows a sent comment at the end, awaiting moderation, focused, with a fresh form', async () => {
      const el = await mount({ src: '/test-list/comments', 'post-id': 'pair', action: '/test-api/comments' });
      const first = form(el);
      const sent = await send(el, first);
      const id = (sent.answer as { id: number }).id;
      const mine = comment(el, id);
      expect(text(mine.querySelector('[part=pending]'))).to.equal('Awaiting moderation');
      expect(shown(el).at(-1)).to.equal('Camille: Un avis bien pesé.');
      await waitUntil(() => focused() === mine, 'focus on the sent comment');
      expect(form(el) !== first, 'a fresh form').to.be.true;
      expect(form(el).shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('');
      expect(form(el).shadowRoot!.querySelector('[part=submit]')).to.exist;
      expect(heading(el), 'a held comment is not counted').to.equal('3 comments');
      await expect(el).to.be.accessible();
    });

    it('takes a reply typed with the keyboard alone, and shows it under its parent, in French', async () => {
      const el = await mount({
        lang: 'fr',
        src: '/test-list/comments',
        'post-id': 'pair',
        action: '/test-api/comments',
      });
      button(el, 'reply', comment(el, 2)).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused()?.id === 'name', 'focus in the reply form');
      form(el, true).minTime = 0; // typed faster than a reader: not spam here
      // Name, email, website (left empty), comment, then the submit button.
      for (const keys of [
        { type: 'Camille' },
        { press: 'Tab' },
        { type: 'camille@example.fr' },
        { press: 'Tab' },
        { press: 'Tab' },
        { type: 'Réponse à Paul.' },
        { press: 'Tab' },
      ]) {
        await sendKeys(keys);
      }
      expect(text(focused())).to.equal('Publier le commentaire');
      const sending = oneEvent<LedeCommentSentEvent>(el, 'lede-comment-sent');
      await sendKeys({ press: 'Enter' });
      const sent = await sending;
      await el.updateComplete;
      const mine = comment(el, (sent.answer as { id: number }).id);
      await waitUntil(() => focused() === mine, 'focus on the reply');
      expect(shown(el)).to.include('Camille: Réponse à Paul.');
      expect(text(mine.querySelector('[part=pending]'))).to.equal('En attente de modération');
      expect(
        mine.closest('li')!.parentElement!.closest('li')!.querySelector('[part=comment]') === comment(el, 2),
        'under its parent',
      ).to.be.true;
      expect(form(el, true) === null).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('shows a sent comment even when the thread shows only its first 50', async () => {
      const el = await mount({ src: '/test-list/comments', 'post-id': 'many', action: '/test-api/comments' });
      const sent = await send(el, form(el));
      const mine = comment(el, (sent.answer as { id: number }).id);
      expect(mine !== null, 'shown').to.be.true;
      expect($$(el, '[part=base] > [part=thread] > li')).to.have.length(51);
      await waitUntil(() => focused() === mine, 'focus on the sent comment');
    });

    it('lets the form events bubble out', async () => {
      const el = await mount({ src: '/test-list/comments', 'post-id': 'pair', action: '/test-api/comments' });
      const heard: string[] = [];
      for (const type of ['lede-comment-submit', 'lede-comment-sent'])
        document.addEventListener(type, () => heard.push(type), { once: true });
      await send(el, form(el));
      expect(heard).to.deep.equal(['lede-comment-submit', 'lede-comment-sent']);
    });
  });

  describe('wordpress protocol', () => {
    for (const src of ['/test-list/wp-json/wp/v2/comments', '/test-list/?rest_route=/wp/v2/comments']) {
      it(`lists approved comments from ${src}, content.rendered as text and safe links`, async () => {
        const log = newLog();
        const el = await mount({
          protocol: 'wordpress',
          src: `${src}${src.includes('?') ? '&' : '?'}log=${log}`,
          'post-id': '7',
        });
        expect(heading(el)).to.equal('2 comments');
        const first = comment(el, 11);
        const paragraphs = [...first.querySelectorAll('[part=content] p')].map((p) => (p as HTMLElement).innerText);
        expect(paragraphs).to.deep.equal([
          'Merci pour l’article\u00a0!\nDeuxième ligne.',
          'Voir la source et ce lien.',
          '<b>gras</b>',
        ]);
        const links = [...first.querySelectorAll('[part=content] a')].map((a) => [
          a.getAttribute('href'),
          a.getAttribute('rel'),
          text(a),
        ]);
        expect(links).to.deep.equal([['https://example.org/source', 'nofollow ugc noopener', 'la source']]);
        expect(first.querySelector('script, img, b') === null).to.be.true;
        expect((window as unknown as { hacked?: boolean }).hacked).to.be.undefined;
        expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2024-05-01T09:00:00.000Z');
        expect(comment(el, 12).closest('li')!.parentElement!.closest('li')!.querySelector('[part=comment]')).to.equal(
          first,
        );
        const [request] = (await (await fetch(`/test-list/requests?log=${log}`)).json()) as Array<
          Record<string, string>
        >;
        expect(request).to.include({ post: '7', per_page: '100', page: '1', order: 'asc' });
        await expect(el).to.be.accessible();
      });
    }

    it('follows X-WP-TotalPages', async () => {
      const el = await mount({
        lang: 'fr',
        protocol: 'wordpress',
        src: '/test-list/wp-json/wp/v2/comments',
        'post-id': '8',
      });
      expect(heading(el)).to.equal('130 commentaires');
    });
  });

  describe('with the comment server', () => {
    const src = '/thread-api/comments';
    const approve = async (id: number) => {
      const answer = await fetch(`/thread-api/admin/comments/${id}/approve`, { method: 'POST', headers: ADMIN });
      expect(answer.status).to.equal(200);
    };

    for (const lang of ['en', 'fr']) {
      it(`posts a comment, sees it once approved, then a reply threaded under it (${lang})`, async () => {
        const post = `thread-${lang}-${Date.now()}`;
        const el = await mount({ lang, src, 'post-id': post });
        expect(heading(el)).to.equal(lang === 'fr' ? "Aucun commentaire pour l'instant" : 'No comments yet');
        const sent = await send(el, form(el), {
          name: 'Anne',
          email: 'anne@example.fr',
          content: `Premier avis (${lang}).`,
        });
        const id = (sent.answer as { id: number }).id;
        await approve(id);

        const again = await mount({ lang, src, 'post-id': post });
        expect(shown(again)).to.deep.equal([`Anne: Premier avis (${lang}).`]);
        expect(comment(again, id).querySelector('[part=pending]') === null).to.be.true;
        button(again, 'reply', comment(again, id)).click();
        await waitUntil(() => form(again, true), 'the reply form');
        const reply = await send(again, form(again, true), {
          name: 'Paul',
          email: 'paul@example.fr',
          content: 'Je réponds.',
        });
        const replyId = (reply.answer as { id: number }).id;
        await approve(replyId);

        const third = await mount({ lang, src, 'post-id': post });
        expect(heading(third)).to.equal(lang === 'fr' ? '2 commentaires' : '2 comments');
        expect(
          comment(third, replyId).closest('li')!.parentElement!.closest('li')!.querySelector('[part=comment]') ===
            comment(third, id),
          'under its parent',
        ).to.be.true;
        await expect(third).to.be.accessible();
      });
    }
  });

  describe('events', () => {
    it('fires lede-comments-load with the count', async () => {
      const el = document.createElement('lede-comments');
      Object.assign(el, { src: '/test-list/comments', postId: 'pair' });
      const loaded = oneEvent<LedeCommentsLoadEvent>(el, 'lede-comments-load');
      await fixture(html`<div>${el}</div>`);
      const event = await loaded;
      expect(event.count).to.equal(3);
      expect(event.bubbles && event.composed).to.be.true;
      expect(el.count).to.equal(3);
    });
  });

  describe('bad input', () => {
    it('warns once for bad attributes and shows no NaN', async () => {
      const warnings = captureWarnings();
      try {
        const el = await mount({
          src: '/test-list/comments',
          'post-id': 'pair',
          'max-depth': 'deep',
          order: 'random',
          protocol: 'rss',
        });
        el.requestUpdate();
        await el.updateComplete;
        expect(shown(el)).to.have.length(3);
        for (const attribute of ['max-depth', 'order', 'protocol']) {
          expect(
            warnings.messages.filter((m) => m.startsWith(`[lede] <lede-comments> ${attribute}:`)),
            attribute,
          ).to.have.length(1);
        }
        expect(el.shadowRoot!.textContent).not.to.match(/NaN|undefined|Invalid Date/);
      } finally {
        warnings.restore();
      }
    });

    it('shows the error state for a javascript: src, and fetches nothing', async () => {
      const warnings = captureWarnings();
      try {
        const el = await mount({ src: 'javascript:alert(1)', 'post-id': 'pair' });
        expect(text($(el, '[part=error]'))).to.equal('The comments could not be loaded.');
        expect(warnings.messages.some((m) => m.startsWith('[lede] <lede-comments> src:'))).to.be.true;
      } finally {
        warnings.restore();
      }
    });
  });
});
