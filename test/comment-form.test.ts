import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comment-form/define.js';
import type { LedeCommentErrorEvent, LedeCommentForm, LedeCommentSentEvent } from '../src/comment-form/comment-form.js';
import { axNodes, captureWarnings, text, control, fill } from './support/helpers.js';
import type { Field } from './support/helpers.js';
import { fixtures } from './support/fixtures.js';

// Every test talks to the real HTTP endpoint in test/support/comment-endpoint.js (mounted by
// web-test-runner.config.js); nothing here replaces `fetch`.

type Received = {
  requests: Array<{ query: Record<string, string>; headers: Record<string, string>; body: string }>;
  comments: Array<Record<string, unknown>>;
};

let logs = 0;
/** A fresh server log, and the json endpoint's URL answering with `mode` (comma-separated: one per request). */
function endpoint(mode = 'pending', extra = '', path = 'comments') {
  const log = `t${Date.now().toString(36)}${logs++}`;
  return { log, action: `/test-api/${path}?log=${log}&mode=${mode}${extra}` };
}
const wp = (mode = '') => endpoint(mode, '', 'wp-comments-post.php');
async function received(log: string): Promise<Received> {
  return (await fetch(`/test-api/received?log=${log}`)).json();
}

async function mount(attrs: Record<string, string | boolean> = {}): Promise<LedeCommentForm> {
  const el = document.createElement('lede-comment-form');
  const all: Record<string, string | boolean> = {
    lang: 'en',
    action: '/test-api/comments',
    'post-id': '42',
    'min-time': '0',
    ...attrs,
  };
  for (const [name, value] of Object.entries(all))
    if (value !== false) el.setAttribute(name, value === true ? '' : value);
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: LedeCommentForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const button = (el: LedeCommentForm) => $<HTMLButtonElement>(el, '[part=submit]')!;
const alert = (el: LedeCommentForm) => text($(el, '[role=alert]'));
const fieldError = (el: LedeCommentForm, id: Field) => text($(el, `#${id}-error`));
const status = (el: LedeCommentForm) => $(el, '[part=status]');
const labelOf = (el: LedeCommentForm, id: string) => text(control(el, id as Field).labels![0]);

const valid = {
  name: 'Anne Dupont',
  email: 'anne@example.fr',
  url: 'https://anne.example.fr',
  content: 'Très bon article, merci.',
};
/** A mounted form with every field validly filled in. */
async function filled(attrs: Record<string, string | boolean> = {}): Promise<LedeCommentForm> {
  const el = await mount(attrs);
  await fill(el, valid);
  return el;
}

/** Clicks submit and waits for the form to settle on an event. */
async function submitFor<E extends Event>(el: LedeCommentForm, event: string): Promise<E> {
  const settled = oneEvent<E>(el, event);
  button(el).click();
  const e = await settled;
  await el.updateComplete;
  return e;
}
const submitOk = (el: LedeCommentForm) => submitFor<LedeCommentSentEvent>(el, 'lede-comment-sent');
const submitFail = (el: LedeCommentForm) => submitFor<LedeCommentErrorEvent>(el, 'lede-comment-error');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clearStorage() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
}

describe('<lede-comment-form>', () => {
  beforeEach(clearStorage);
  afterEach(clearStorage);

  for (const fixture of fixtures) {
    describe(`rendering (${fixture.kind})`, () => {
      it('shows the heading, the moderation notice and labelled fields in English', async () => {
        const el = await mount();
        expect(text($(el, 'h3'))).to.equal('Leave a comment');
        expect(text($(el, '[part=notice]'))).to.equal('Comments are moderated and will appear once approved.');
        expect(labelOf(el, 'name')).to.equal('Name (required)');
        expect(labelOf(el, 'email')).to.equal('Email (required)');
        expect(labelOf(el, 'url')).to.equal('Website');
        expect(labelOf(el, 'content')).to.equal('Comment (required)');
        expect(text(button(el))).to.equal('Post comment');
        expect(text($(el, '#email-note'))).to.equal('Your email address will not be published.');
        expect(control(el, 'email').getAttribute('aria-describedby')).to.equal('email-note notice');
        await expect(el).to.be.accessible();
      });

      it('uses native types, autocomplete and length limits', async () => {
        const el = await mount();
        const attrs = (id: Field) => ['type', 'autocomplete', 'maxlength'].map((a) => control(el, id).getAttribute(a));
        expect(attrs('name')).to.deep.equal(['text', 'name', '245']);
        expect(attrs('email')).to.deep.equal(['email', 'email', '100']);
        expect(attrs('url')).to.deep.equal(['url', 'url', '200']);
        expect(control(el, 'content').localName).to.equal('textarea');
        expect(control(el, 'content').required).to.be.true;
        expect($<HTMLFormElement>(el, 'form')!.noValidate).to.be.true;
      });

      it('lets slots replace the heading and the notice', async () => {
        const el = await fixture<LedeCommentForm>(html`<lede-comment-form lang="fr" action="/test-api/comments">
          <h2 slot="heading">Réagir</h2>
          <span slot="notice">Soyez courtois.</span>
        </lede-comment-form>`);
        const slot = (name: string) => $<HTMLSlotElement>(el, `slot[name=${name}]`)!.assignedElements();
        expect(slot('heading').map(text)).to.deep.equal(['Réagir']);
        expect(slot('notice').map(text)).to.deep.equal(['Soyez courtois.']);
        await expect(el).to.be.accessible();
      });
    });
  }

  for (const fixture of fixtures) {
    describe(`attributes (${fixture.kind})`, () => {
      it('no-website hides the website field and sends an empty url', async () => {
        const { log, action } = endpoint();
        const el = await mount({ action, 'no-website': true });
        expect(control(el, 'url')).to.be.null;
        await fill(el, { name: 'Anne', email: 'anne@example.fr', content: 'Bonjour' });
        await submitOk(el);
        expect(JSON.parse((await received(log)).requests[0].body).url).to.equal('');
      });

      it('require-email="false" makes name and email optional', async () => {
        const { log, action } = endpoint();
        const el = await mount({ action, 'require-email': 'false' });
        expect(labelOf(el, 'name')).to.equal('Name');
        expect(control(el, 'email').required).to.be.false;
        await fill(el, { content: 'Anonyme mais poli.' });
        await submitOk(el);
        expect(JSON.parse((await received(log)).requests[0].body)).to.include({
          name: '',
          email: '',
          content: 'Anonyme mais poli.',
        });
      });

      it('sends post-id and parent-id in the payload', async () => {
        const { log, action } = endpoint();
        const el = await filled({ action, 'post-id': 'europol-telegram', 'parent-id': '7' });
        await submitOk(el);
        expect(JSON.parse((await received(log)).requests[0].body)).to.deep.equal({
          post: 'europol-telegram',
          parent: '7',
          ...valid,
        });
      });

      it('sends the csrf-token attribute, else <meta name="csrf-token">, as X-CSRF-Token', async () => {
        const first = endpoint();
        const el = await filled({ action: first.action, 'csrf-token': 'from-attribute' });
        await submitOk(el);
        expect((await received(first.log)).requests[0].headers['x-csrf-token']).to.equal('from-attribute');

        const meta = Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'from-meta' });
        document.head.append(meta);
        const second = endpoint();
        const other = await filled({ action: second.action });
        await submitOk(other);
        meta.remove();
        expect((await received(second.log)).requests[0].headers['x-csrf-token']).to.equal('from-meta');
      });

      it('shows the counter, announced politely, only in the last 10% of max-length', async () => {
        const el = await mount({ 'max-length': '100' });
        const counter = $(el, '.counter')!;
        expect(counter.getAttribute('aria-live')).to.equal('polite');
        await fill(el, { content: 'a'.repeat(89) });
        expect(text(counter)).to.equal('');
        await fill(el, { content: 'a'.repeat(90) });
        expect(text(counter)).to.equal('10 characters left');
        await fill(el, { content: 'a'.repeat(99) });
        expect(text(counter)).to.equal('1 character left');
        await fill(el, { content: 'a'.repeat(103) });
        expect(text(counter)).to.equal('Please remove 3 characters.');
      });
    });
  }

  describe('validation', () => {
    const cases = {
      en: {
        required: 'Please fill in this field.',
        email: 'Please enter a valid email address.',
        url: 'Please enter a web address, such as example.org.',
        long: 'Please remove 5 characters.',
        longOne: 'Please remove 1 character.',
      },
      fr: {
        required: 'Veuillez remplir ce champ.',
        email: 'Veuillez saisir une adresse e-mail valide.',
        url: 'Veuillez saisir une adresse web, par exemple exemple.fr.',
        long: 'Veuillez retirer 5 caractères.',
        longOne: 'Veuillez retirer 1 caractère.',
      },
    };

    for (const [lang, messages] of Object.entries(cases)) {
      it(`flags empty required fields, focuses the first, sends nothing (${lang})`, async () => {
        const { log, action } = endpoint();
        const el = await mount({ action, lang });
        button(el).click();
        await el.updateComplete;
        await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'name'), 'focus on name');
        for (const id of ['name', 'email', 'content'] as const) {
          expect(fieldError(el, id), id).to.equal(messages.required);
          expect(control(el, id).getAttribute('aria-invalid'), id).to.equal('true');
        }
        expect(control(el, 'email').getAttribute('aria-describedby')).to.equal('email-note email-error notice');
        expect(control(el, 'content').getAttribute('aria-describedby')).to.equal('content-error notice');
        expect(control(el, 'url').getAttribute('aria-invalid')).to.equal('false');
        await expect(el).to.be.accessible();
        await pause(50);
        expect((await received(log)).requests).to.have.length(0);
      });

      it(`flags a bad email and a non-http website (${lang})`, async () => {
        const el = await mount({ lang });
        await fill(el, { ...valid, email: 'anne@example', url: 'javascript:alert(1)' });
        button(el).click();
        await el.updateComplete;
        await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'email'), 'focus on email');
        expect(fieldError(el, 'email')).to.equal(messages.email);
        expect(fieldError(el, 'url')).to.equal(messages.url);
        expect(fieldError(el, 'name')).to.equal('');
        for (const url of ['anne', 'anne .fr', 'localhost:3000', 'mailto:anne@example.fr']) {
          await fill(el, { url });
          button(el).click();
          await el.updateComplete;
          expect(fieldError(el, 'url'), url).to.equal(messages.url);
        }
      });

      it(`accepts a website without http(s):// and sends it with https:// (${lang})`, async () => {
        const { log, action } = endpoint();
        const el = await filled({ action, lang });
        await fill(el, { url: ' anne.fr ' });
        const sent = oneEvent(el, 'lede-comment-submit');
        await submitOk(el);
        expect(((await sent) as unknown as { payload: { url: string } }).payload.url).to.equal('https://anne.fr');
        expect(JSON.parse((await received(log)).requests[0].body).url).to.equal('https://anne.fr');
      });

      it(`flags a comment longer than max-length, in the plural and the singular (${lang})`, async () => {
        const el = await mount({ lang, 'max-length': '20' });
        await fill(el, { ...valid, content: 'x'.repeat(25) });
        button(el).click();
        await el.updateComplete;
        expect(fieldError(el, 'content')).to.equal(messages.long);
        await fill(el, { content: 'x'.repeat(21) });
        button(el).click();
        await el.updateComplete;
        expect(fieldError(el, 'content')).to.equal(messages.longOne);
      });
    }

    it('clears a field’s error as the reader corrects it', async () => {
      const el = await mount();
      button(el).click();
      await el.updateComplete;
      await fill(el, { name: 'Anne' });
      expect(fieldError(el, 'name')).to.equal('');
      expect(control(el, 'name').getAttribute('aria-invalid')).to.equal('false');
      expect(fieldError(el, 'email')).to.equal('Please fill in this field.');
    });

    it('follows a language change after the errors are shown', async () => {
      const el = await mount();
      button(el).click();
      await el.updateComplete;
      el.lang = 'fr';
      await el.updateComplete;
      expect(fieldError(el, 'name')).to.equal('Veuillez remplir ce champ.');
    });
  });

  describe('sending', () => {
    it('posts JSON with an idempotency key, then confirms moderation and focuses the confirmation', async () => {
      const { log, action } = endpoint('pending');
      const el = await filled({ action });
      const sent = await submitOk(el);
      const { requests, comments } = await received(log);
      expect(requests).to.have.length(1);
      expect(requests[0].headers['content-type']).to.equal('application/json');
      expect(requests[0].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(requests[0].body)).to.deep.equal({ post: '42', parent: null, ...valid });
      expect(comments).to.have.length(1);
      expect(sent.status).to.equal('pending');
      expect(sent.answer).to.deep.equal({ id: comments[0].id, status: 'pending' });
      expect($(el, 'form')).to.be.null;
      expect(text(status(el))).to.equal(
        'Thank you! Your comment has been received and will appear once a moderator approves it.',
      );
      expect(el.shadowRoot!.activeElement).to.equal(status(el));
      await expect(el).to.be.accessible();
    });

    it('says when the comment is published at once (French)', async () => {
      const { action } = endpoint('approved');
      const el = await filled({ action, lang: 'fr' });
      const sent = await submitOk(el);
      expect(sent.status).to.equal('approved');
      expect(text(status(el))).to.equal('Merci ! Votre commentaire a été publié.');
    });

    it('says it is sending, and a second click sends nothing more', async () => {
      const { log, action } = endpoint('hang');
      const el = await filled({ action, timeout: '3000' });
      const failed = oneEvent(el, 'lede-comment-error');
      button(el).click();
      await el.updateComplete;
      expect(text(button(el))).to.equal('Sending…');
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      button(el).click();
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await expect(el).to.be.accessible();
      await failed;
      expect((await received(log)).requests).to.have.length(1);
    });

    it('gives up after the timeout and keeps the text', async () => {
      const { action } = endpoint('hang');
      const el = await filled({ action, timeout: '300' });
      const error = await submitFail(el);
      expect(error.reason).to.equal('timeout');
      expect(alert(el)).to.equal('The server took too long to answer. Your text is still here: please try again.');
      expect(control(el, 'content').value).to.equal(valid.content);
      expect(text(button(el))).to.equal('Try again');
      expect(button(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  });

  describe('failures', () => {
    const failures: Array<[string, string, string, number, string]> = [
      [
        'server',
        '',
        'server',
        500,
        'The server had a problem and could not save your comment. Your text is still here: please try again later.',
      ],
      [
        'gateway',
        '',
        'server',
        502,
        'The server had a problem and could not save your comment. Your text is still here: please try again later.',
      ],
      [
        'malformed',
        '',
        'server',
        200,
        'The server had a problem and could not save your comment. Your text is still here: please try again later.',
      ],
      ['duplicate', '', 'duplicate', 409, 'It looks as though you have already posted this comment.'],
      ['rate', '&after=30', 'rate', 429, 'You are posting too quickly. Please wait 30 seconds and try again.'],
      ['rate', '&after=1', 'rate', 429, 'You are posting too quickly. Please wait 1 second and try again.'],
      ['rate', '', 'rate', 429, 'You are posting too quickly. Please wait a moment and try again.'],
      [
        'lost',
        '',
        'network',
        0,
        'Your comment could not be sent because the connection failed. Your text is still here: please try again.',
      ],
    ];
    for (const [mode, extra, reason, code, message] of failures) {
      it(`${mode}${extra}: says so, keeps the text, and the retry sends the same idempotency key`, async () => {
        const { log, action } = endpoint(`${mode},pending`, extra);
        const el = await filled({ action });
        const error = await submitFail(el);
        expect([error.reason, error.status]).to.deep.equal([reason, code]);
        expect(alert(el)).to.equal(message);
        expect(control(el, 'content').value).to.equal(valid.content);
        expect(control(el, 'name').value).to.equal(valid.name);
        await expect(el).to.be.accessible();

        const sent = await submitOk(el);
        const { requests, comments } = await received(log);
        expect(requests).to.have.length(2);
        expect(requests[1].headers['idempotency-key']).to.equal(requests[0].headers['idempotency-key']);
        expect(comments, 'stored once').to.have.length(1);
        expect(sent.answer).to.deep.equal({ id: comments[0].id, status: 'pending' });
      });
    }

    it('reads Retry-After given as an HTTP date (French)', async () => {
      const { action } = endpoint('rate', '&date=40');
      const el = await filled({ action, lang: 'fr' });
      await submitFail(el);
      expect(alert(el)).to.match(
        /^Vous publiez trop vite\. Veuillez patienter (3[89]|4[01]) secondes avant de réessayer\.$/,
      );
    });

    it('maps the server’s field errors onto their fields and focuses the first', async () => {
      const { action } = endpoint('fields');
      const el = await filled({ action });
      const error = await submitFail(el);
      expect([error.reason, error.status]).to.deep.equal(['fields', 400]);
      expect(alert(el)).to.equal('Please correct the highlighted fields.');
      expect(fieldError(el, 'email')).to.equal('This address is not accepted here.');
      expect(fieldError(el, 'content')).to.equal('Links are not allowed.');
      expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
      await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'email'), 'focus on email');
      await expect(el).to.be.accessible();
    });

    it('the lost response was stored: the retry gets the first answer, no duplicate', async () => {
      const { log, action } = endpoint('lost');
      const el = await filled({ action });
      await submitFail(el);
      expect((await received(log)).comments).to.have.length(1);
      const sent = await submitOk(el);
      const { requests, comments } = await received(log);
      expect(requests).to.have.length(2);
      expect(comments).to.have.length(1);
      expect(sent.answer).to.deep.equal({ id: comments[0].id, status: 'pending' });
    });

    describe('offline', () => {
      afterEach(() => delete (navigator as { onLine?: boolean }).onLine);

      it('waits for the connection, then sends on its own', async () => {
        const { log, action } = endpoint();
        const el = await filled({ action, lang: 'fr' });
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
        const error = await submitFail(el);
        expect(error.reason).to.equal('offline');
        expect(alert(el)).to.equal(
          'Vous êtes hors ligne. Votre commentaire sera envoyé dès le retour de la connexion.',
        );
        expect(control(el, 'content').value).to.equal(valid.content);
        expect((await received(log)).requests).to.have.length(0);
        await expect(el).to.be.accessible();

        delete (navigator as { onLine?: boolean }).onLine;
        const sent = oneEvent(el, 'lede-comment-sent');
        window.dispatchEvent(new Event('online'));
        await sent;
        await el.updateComplete;
        expect(text(status(el))).to.equal(
          'Merci ! Votre commentaire a bien été reçu et apparaîtra après validation par un modérateur.',
        );
        expect((await received(log)).requests).to.have.length(1);
      });

      it('calls a failed request made offline "offline", not a server failure', async () => {
        const { action } = endpoint('lost');
        const el = await filled({ action });
        const failed = oneEvent(el, 'lede-comment-error');
        button(el).click();
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
        const error = (await failed) as unknown as LedeCommentErrorEvent;
        await el.updateComplete;
        expect(error.reason).to.equal('offline');
        expect(alert(el)).to.equal('You are offline. Your comment will be sent as soon as the connection returns.');
      });
    });
  });

  describe('drafts', () => {
    it('restores the text after the element is re-created, and reuses its idempotency key', async () => {
      const { log, action } = endpoint('lost,pending');
      const el = await filled({ action });
      await submitFail(el);
      await fill(el, { content: 'Texte corrigé' });
      await waitUntil(
        () => Object.keys(localStorage).some((k) => localStorage.getItem(k)?.includes('Texte corrigé')),
        'draft saved',
      );
      el.remove();

      const again = await mount({ action });
      expect(control(again, 'content').value).to.equal('Texte corrigé');
      expect(control(again, 'name').value, 'identity is not kept without consent').to.equal('');
      await fill(again, { name: valid.name, email: valid.email });
      await submitOk(again);
      const { requests } = await received(log);
      expect(requests[1].headers['idempotency-key']).to.equal(requests[0].headers['idempotency-key']);
    });

    it('keeps drafts per action and post-id', async () => {
      const el = await mount({ action: '/test-api/comments', 'post-id': 'a' });
      await fill(el, { content: 'Pour l’article A' });
      el.remove(); // saves at once
      expect(control(await mount({ action: '/test-api/comments', 'post-id': 'b' }), 'content').value).to.equal('');
      expect(control(await mount({ action: '/test-api/other', 'post-id': 'a' }), 'content').value).to.equal('');
      expect(control(await mount({ action: '/test-api/comments', 'post-id': 'a' }), 'content').value).to.equal(
        'Pour l’article A',
      );
    });

    it('keeps a reply’s draft apart from the article’s, per comment replied to', async () => {
      const article = await mount({ 'post-id': 'replies' });
      await fill(article, { content: 'Sur l’article' });
      const reply = await mount({ 'post-id': 'replies', 'parent-id': '7' });
      expect(control(reply, 'content').value).to.equal('');
      await fill(reply, { content: 'Réponse au 7' });
      article.remove();
      reply.remove();
      expect(control(await mount({ 'post-id': 'replies' }), 'content').value).to.equal('Sur l’article');
      expect(control(await mount({ 'post-id': 'replies', 'parent-id': '7' }), 'content').value).to.equal(
        'Réponse au 7',
      );
      expect(control(await mount({ 'post-id': 'replies', 'parent-id': '8' }), 'content').value).to.equal('');
    });

    it('is cleared after success, with a new idempotency key for the next comment', async () => {
      const { log, action } = endpoint();
      const el = await filled({ action });
      await submitOk(el);
      const again = await mount({ action });
      expect(control(again, 'content').value).to.equal('');
      await fill(again, { ...valid, content: 'Un autre commentaire' });
      await submitOk(again);
      const { requests } = await received(log);
      expect(requests[1].headers['idempotency-key']).not.to.equal(requests[0].headers['idempotency-key']);
    });

    it('works when storage throws (full or private mode)', async () => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on the same prototype below
      const { setItem, getItem } = Storage.prototype;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      Storage.prototype.getItem = () => {
        throw new DOMException('denied', 'SecurityError');
      };
      try {
        const { action } = endpoint();
        const el = await filled({ action, remember: true });
        control(el, 'remember').click();
        await pause(600); // the debounced save runs, and throws inside
        el.remove();
        const again = await filled({ action, remember: true });
        await submitOk(again);
        expect(text(status(again))).to.contain('Thank you!');
      } finally {
        Object.assign(Storage.prototype, { setItem, getItem });
      }
    });

    it('ignores a corrupt stored draft', async () => {
      localStorage.setItem('lede-comment:/x|42', '{not json');
      localStorage.setItem('lede-comment-identity', '"a string"');
      const el = await mount({ action: '/x', remember: true });
      expect(control(el, 'content').value).to.equal('');
      expect(control(el, 'remember').checked).to.be.false;
    });
  });

  describe('remember', () => {
    it('without consent, keeps no name, email or website', async () => {
      const { action } = endpoint();
      const el = await mount({ action, remember: true });
      expect(labelOf(el, 'remember')).to.equal(
        'Save my name, email, and website in this browser for the next time I comment.',
      );
      expect(control(el, 'remember').checked).to.be.false;
      await fill(el, valid);
      await submitOk(el);
      expect(localStorage.getItem('lede-comment-identity')).to.be.null;
      const again = await mount({ action, remember: true });
      expect(control(again, 'name').value).to.equal('');
    });

    it('with consent, fills name, email and website in next time (French label)', async () => {
      const { action } = endpoint();
      const el = await mount({ action, remember: true, lang: 'fr' });
      expect(labelOf(el, 'remember')).to.equal(
        'Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.',
      );
      await fill(el, valid);
      control(el, 'remember').click();
      await submitOk(el);
      const again = await mount({ action, remember: true, 'post-id': 'another' });
      expect(['name', 'email', 'url'].map((id) => control(again, id as Field).value)).to.deep.equal([
        valid.name,
        valid.email,
        valid.url,
      ]);
      expect(control(again, 'remember').checked).to.be.true;
      expect(control(again, 'content').value).to.equal('');
      await expect(again).to.be.accessible();

      control(again, 'remember').click(); // withdrawing consent forgets them
      await waitUntil(() => localStorage.getItem('lede-comment-identity') === null, 'identity removed');
    });

    it('is not offered, and fills nothing in, without the remember attribute', async () => {
      localStorage.setItem('lede-comment-identity', JSON.stringify({ name: 'Anne' }));
      const el = await mount();
      expect(control(el, 'remember')).to.be.null;
      expect(control(el, 'name').value).to.equal('');
    });
  });

  describe('spam', () => {
    /** Submits, and checks that the reader sees the usual confirmation while the server receives nothing. */
    async function expectPretendSent(el: LedeCommentForm, log: string): Promise<void> {
      button(el).click();
      await el.updateComplete;
      expect(text(status(el))).to.equal(
        'Thank you! Your comment has been received and will appear once a moderator approves it.',
      );
      await pause(100);
      expect((await received(log)).requests).to.have.length(0);
    }

    it('a filled honeypot looks sent but sends nothing', async () => {
      const { log, action } = endpoint();
      const el = await mount({ action });
      const bait = $<HTMLInputElement>(el, '[name=homepage]')!;
      expect(bait.tabIndex).to.equal(-1);
      expect(bait.autocomplete).to.equal('off');
      expect(bait.parentElement!.getAttribute('aria-hidden')).to.equal('true');
      expect(bait.getBoundingClientRect().right).to.be.below(0);
      await fill(el, valid);
      bait.value = 'http://spam.example';
      await expectPretendSent(el, log);
    });

    it('a submission faster than min-time looks sent but sends nothing', async () => {
      const { log, action } = endpoint();
      await expectPretendSent(await filled({ action, 'min-time': '60000' }), log);
    });

    it('uses a 3 s minimum by default', async () => {
      const { log, action } = endpoint();
      await expectPretendSent(await filled({ action, 'min-time': false }), log);
    });
  });

  describe('wordpress protocol', () => {
    it('posts WordPress’s field names, form-encoded, and reads a held comment from the redirect', async () => {
      const { log, action } = wp();
      const el = await filled({ action, protocol: 'wordpress', 'post-id': '1234', remember: true });
      const sent = await submitOk(el);
      const { requests } = await received(log);
      expect(requests[0].headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
      expect(Object.fromEntries(new URLSearchParams(requests[0].body))).to.deep.equal({
        author: valid.name,
        email: valid.email,
        url: valid.url,
        comment: valid.content,
        comment_post_ID: '1234',
        comment_parent: '0',
      });
      expect(sent.status).to.equal('pending');
      expect((sent.answer as { url: string }).url).to.contain('unapproved=');
      expect(text(status(el))).to.contain('once a moderator approves it');
    });

    it('adds wp-comment-cookies-consent=yes only when remember is ticked', async () => {
      const { log, action } = wp('approved');
      const el = await filled({ action, protocol: 'wordpress', 'parent-id': '9', remember: true });
      control(el, 'remember').click();
      const sent = await submitOk(el);
      const form = new URLSearchParams((await received(log)).requests[0].body);
      expect(form.get('wp-comment-cookies-consent')).to.equal('yes');
      expect(form.get('comment_parent')).to.equal('9');
      expect(sent.status).to.equal('approved');
      expect(text(status(el))).to.equal('Thank you! Your comment has been published.');
    });

    it('shows the message of WordPress’s error page as text', async () => {
      const { action } = wp();
      const el = await mount({ action, protocol: 'wordpress', 'require-email': 'false' });
      await fill(el, { content: 'Sans nom' });
      const error = await submitFail(el);
      expect([error.reason, error.status]).to.deep.equal(['message', 200]);
      expect(alert(el)).to.equal('Error: Please fill the required fields.');
      expect(control(el, 'content').value).to.equal('Sans nom');
      await expect(el).to.be.accessible();
    });

    it('decodes entities and never inserts the page’s markup', async () => {
      const { action } = wp('markup');
      const el = await filled({ action, protocol: 'wordpress' });
      await submitFail(el);
      expect($(el, '[role=alert]')!.textContent.trim()).to.equal('Refused <img src=x onerror=alert(1)> as\u00a0is');
      expect($(el, '[role=alert] img, [role=alert] em, [role=alert] script')).to.be.null;
      expect((window as { hacked?: boolean }).hacked).to.be.undefined;
    });

    it('shows WordPress’s duplicate message (409), with its apostrophe decoded', async () => {
      const { action } = wp();
      const first = await filled({ action, protocol: 'wordpress' });
      await submitOk(first);
      const el = await filled({ action, protocol: 'wordpress' });
      const error = await submitFail(el);
      expect([error.reason, error.status]).to.deep.equal(['duplicate', 409]);
      expect(alert(el)).to.equal('Duplicate comment detected; it looks as though you’ve already said that!');
    });

    const wpFailures = [
      ['rate', 'rate', 'You are posting comments too quickly. Slow down.'],
      [
        'empty',
        'server',
        'The server had a problem and could not save your comment. Your text is still here: please try again later.',
      ],
    ];
    for (const [mode, reason, message] of wpFailures) {
      it(`says why WordPress refused (${mode})`, async () => {
        const el = await filled({ action: wp(mode).action, protocol: 'wordpress' });
        expect((await submitFail(el)).reason).to.equal(reason);
        expect(alert(el)).to.equal(message);
      });
    }

    it('refuses, clearly, an endpoint on another origin', async () => {
      const warnings = captureWarnings();
      try {
        const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
        const { log } = wp();
        const action = `http://${other}:${location.port}/test-api/wp-comments-post.php?log=${log}`;
        const el = await filled({ action, protocol: 'wordpress' });
        expect(warnings.messages.filter((m) => m.includes(action))).to.deep.equal([
          `[lede] <lede-comment-form> action: "${action}" ignored (WordPress needs the same origin): comments cannot be sent`,
        ]);
        expect(button(el)).to.be.null;
        expect(text($(el, '[part=unavailable]'))).to.equal('Comments cannot be sent: this form is not set up.');
        await expect(el).to.be.accessible();
        const failed = oneEvent(el, 'lede-comment-error');
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        const error = (await failed) as unknown as LedeCommentErrorEvent;
        await el.updateComplete;
        expect(error.reason).to.equal('action');
        expect(alert(el)).to.equal('Comments cannot be sent from this page.');
        expect((await received(log)).requests).to.have.length(0);
        expect(warnings.messages.filter((m) => m.includes(action))).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });
  });

  describe('events', () => {
    it('lede-comment-submit carries the payload, bubbles out of the page’s tree and can be canceled', async () => {
      const { log, action } = endpoint();
      const el = await filled({ action });
      let seen: Event | undefined;
      const listener = (event: Event) => {
        seen = event;
        event.preventDefault();
      };
      document.addEventListener('lede-comment-submit', listener);
      button(el).click();
      document.removeEventListener('lede-comment-submit', listener);
      await el.updateComplete;
      expect(seen).to.include({ bubbles: true, composed: true, cancelable: true });
      expect((seen as unknown as { payload: object }).payload).to.deep.equal({ post: '42', parent: null, ...valid });
      expect($(el, 'form')).to.exist;
      expect(status(el)).to.be.null;
      await pause(100);
      expect((await received(log)).requests).to.have.length(0);
    });

    it('lede-comment-sent and lede-comment-error reach the document', async () => {
      const { action } = endpoint('server,approved');
      const el = await filled({ action });
      const error = oneEvent(document, 'lede-comment-error');
      button(el).click();
      expect(((await error) as unknown as LedeCommentErrorEvent).reason).to.equal('server');
      const sent = oneEvent(document, 'lede-comment-sent');
      button(el).click();
      expect(((await sent) as unknown as LedeCommentSentEvent).status).to.equal('approved');
    });
  });

  for (const fixture of fixtures) {
    describe(`accessibility (${fixture.kind})`, () => {
      it('ties the moderation notice to every field: a screen reader hears it on tabbing in (Chromium, French)', async () => {
        const el = await mount({ lang: 'fr' });
        const notice = 'Votre commentaire sera révisé par les administrateurs si besoin.';
        expect(text($(el, '[part=notice]'))).to.equal(notice);
        const fields = (await axNodes()).filter((node) => ['textbox'].includes(node.role));
        expect(fields.map(({ name, description }) => [name, description])).to.deep.equal([
          ['Nom', notice],
          ['E-mail', `Votre adresse e-mail ne sera pas publiée. ${notice}`],
          ['Site web', notice],
          ['Commentaire', notice],
        ]);
        await expect(el).to.be.accessible();
      });

      it('can be completed with the keyboard alone', async () => {
        const { log, action } = endpoint();
        const wrapper = await fixture(html`<div>
          <button>Before</button>
          <lede-comment-form lang="en" post-id="42" min-time="0" action=${action}></lede-comment-form>
        </div>`);
        const el = wrapper.querySelector('lede-comment-form')!;
        await el.updateComplete;
        wrapper.querySelector('button')!.focus();
        const focused = () =>
          (el.shadowRoot!.activeElement as HTMLElement | null)?.id ||
          el.shadowRoot!.activeElement?.getAttribute('part');
        const order: Array<string | null | undefined> = [];
        for (const value of [valid.name, valid.email, valid.url, valid.content]) {
          await sendKeys({ press: 'Tab' });
          order.push(focused());
          await sendKeys({ type: value });
        }
        await sendKeys({ press: 'Tab' });
        order.push(focused());
        expect(order).to.deep.equal(['name', 'email', 'url', 'content', 'submit']);
        const sent = oneEvent(el, 'lede-comment-sent');
        await sendKeys({ press: 'Enter' });
        await sent;
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement).to.equal(status(el));
        expect(JSON.parse((await received(log)).requests[0].body)).to.include(valid);
      });

      it('submits from a text field with Enter and with Space on the button', async () => {
        const { log, action } = endpoint('server,pending');
        const el = await filled({ action });
        control(el, 'email').focus();
        const failed = oneEvent(el, 'lede-comment-error');
        await sendKeys({ press: 'Enter' });
        await failed;
        await el.updateComplete;
        button(el).focus();
        const sent = oneEvent(el, 'lede-comment-sent');
        await sendKeys({ press: 'Space' });
        await sent;
        expect((await received(log)).requests).to.have.length(2);
      });
    });
  }

  describe('bad input', () => {
    let warnings: ReturnType<typeof captureWarnings>;
    beforeEach(() => (warnings = captureWarnings()));
    afterEach(() => warnings.restore());

    const unavailable = (el: LedeCommentForm) => text($(el, '[part=unavailable]'));
    /** Submits as the browser would (there is no button to click), and waits for the error. */
    async function requestSubmit(el: LedeCommentForm): Promise<LedeCommentErrorEvent> {
      const settled = oneEvent<LedeCommentErrorEvent>(el, 'lede-comment-error');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      const e = await settled;
      await el.updateComplete;
      return e;
    }

    for (const action of ['javascript:alert(1)', 'ftp://example.org/comments', '', null]) {
      it(`with action ${action === null ? 'missing' : `"${action}"`}: warns once on connecting, says the form cannot send`, async () => {
        const el = await mount({ lang: 'fr', action: action ?? false });
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.equal(
          `[lede] <lede-comment-form> action: "${action ?? ''}" ignored: comments cannot be sent`,
        );
        expect(button(el)).to.be.null;
        expect(unavailable(el)).to.equal(
          "Les commentaires ne peuvent pas être envoyés : ce formulaire n'est pas configuré.",
        );
        for (const id of ['name', 'email', 'url', 'content'] as const) expect(control(el, id).disabled, id).to.be.true;
        await expect(el).to.be.accessible();

        // Submitted anyway (from script): nothing is sent, the text is kept, no second warning.
        await fill(el, valid);
        const error = await requestSubmit(el);
        expect(error.reason).to.equal('action');
        expect(alert(el)).to.equal('Les commentaires ne peuvent pas être envoyés depuis cette page.');
        expect(control(el, 'content').value).to.equal(valid.content);
        el.requestUpdate();
        await el.updateComplete;
        expect(warnings.messages).to.have.length(1);
        await expect(el).to.be.accessible();
      });
    }

    it('says so in English, and comes to life when a usable action is set', async () => {
      const el = await mount({ action: false, remember: true });
      expect(unavailable(el)).to.equal('Comments cannot be sent: this form is not set up.');
      expect(control(el, 'remember').disabled).to.be.true;
      const { log, action } = endpoint();
      el.action = action;
      await el.updateComplete;
      expect($(el, '[part=unavailable]')).to.be.null;
      expect(control(el, 'content').disabled).to.be.false;
      await fill(el, valid);
      await submitOk(el);
      expect((await received(log)).requests).to.have.length(1);
      expect(warnings.messages).to.have.length(1);
    });

    it('does not warn when a script sets the action right after connecting the element', async () => {
      const el = document.createElement('lede-comment-form');
      document.body.append(el); // as a framework does: create, insert, then set properties in the same task
      el.action = '/test-api/comments';
      await el.updateComplete;
      el.remove();
      expect(button(el)).to.exist;
      expect(warnings.messages).to.deep.equal([]);
    });

    it('falls back on bad numbers, with a warning naming the value', async () => {
      const { log, action } = endpoint();
      const el = await mount({ action, 'max-length': 'lots', 'min-time': 'soon' });
      await fill(el, { ...valid, content: 'a'.repeat(4500) });
      expect(text($(el, '.counter'))).to.equal('500 characters left');
      button(el).click();
      await el.updateComplete;
      expect(status(el), 'min-time fell back to 3 s: this was too fast').to.exist;
      expect((await received(log)).requests).to.have.length(0);
      expect(warnings.messages.join('\n')).to.contain('max-length: "lots"').and.to.contain('min-time: "soon"');
    });

    it('falls back to a 15 s timeout for a bad one', async () => {
      const { action } = endpoint();
      const el = await filled({ action, timeout: '-1' });
      await submitOk(el);
      expect(warnings.messages.join('\n')).to.contain('timeout: "-1"');
    });

    it('sends nothing for an unknown protocol: a warning, and the form says it cannot send', async () => {
      const { log, action } = endpoint();
      const el = await filled({ action, protocol: 'soap' });
      expect(text($(el, '[part=unavailable]'))).to.equal('Comments cannot be sent: this form is not set up.');
      expect(button(el)).to.be.null;
      const failed = oneEvent<LedeCommentErrorEvent>(el, 'lede-comment-error');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect((await failed).reason).to.equal('action');
      expect((await received(log)).requests).to.have.length(0);
      expect(warnings.messages).to.deep.equal([
        '[lede] <lede-comment-form> protocol: "soap" ignored: comments cannot be sent',
      ]);
      await expect(el).to.be.accessible();
    });

    it('reads protocol names in any case', async () => {
      const { log, action } = wp();
      const el = await filled({ action, protocol: 'WordPress' });
      await submitOk(el);
      expect((await received(log)).requests[0].headers['content-type']).to.contain('application/x-www-form-urlencoded');
      expect(warnings.messages).to.deep.equal([]);
    });
  });
});
