import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/comment-form/define.js';
import type {
  LedeCommentErrorEvent,
  LedeCommentForm,
  LedeCommentSentEvent,
} from '../../src/comment-form/comment-form.js';
import { text } from '../support/helpers.js';

// Issue 10's list of faults for the comment form. test/comment-form.test.ts already covers, against
// test/support/comment-endpoint.js: hang past the timeout, 500, 502 with an HTML body, 429 with and without
// Retry-After (seconds and HTTP date), malformed JSON, and a success whose response is lost then retried (no
// duplicate). The one missing there, a refused connection, is here.

type Received = { requests: Array<{ headers: Record<string, string>; body: string }>; comments: unknown[] };

const $ = <T extends HTMLElement = HTMLElement>(el: LedeCommentForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const valid = {
  name: 'Anne Dupont',
  email: 'anne@example.fr',
  url: 'https://anne.example.fr',
  content: 'Très bon article, merci.',
};

async function received(log: string): Promise<Received> {
  return (await fetch(`/test-api/received?log=${log}`)).json();
}

async function submitFor<E extends Event>(el: LedeCommentForm, type: string): Promise<E> {
  const event = oneEvent(el, type) as unknown as Promise<E>;
  $(el, '[part=submit]').click();
  const result = await event;
  await el.updateComplete;
  return result;
}

function clearStorage() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
}

describe('<lede-comment-form> faults', () => {
  beforeEach(clearStorage);
  afterEach(clearStorage);

  for (const [lang, message] of [
    ['en', 'Your comment could not be sent because the connection failed. Your text is still here: please try again.'],
    [
      'fr',
      "Votre commentaire n'a pas pu être envoyé, la connexion a échoué. Votre texte est conservé : veuillez réessayer.",
    ],
  ]) {
    it(`connection refused: says the connection failed, keeps the text and the key for the retry (${lang})`, async () => {
      const { port } = await (await fetch('/test-api/closed-port')).json();
      const refused = `http://127.0.0.1:${port}/comments`;
      const el = await fixture<LedeCommentForm>(
        html`<lede-comment-form lang=${lang} post-id="42" min-time="0" action=${refused}></lede-comment-form>`,
      );
      for (const [id, value] of Object.entries(valid)) {
        const input = $<HTMLInputElement>(el, `#${id}`);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;

      const started = performance.now();
      const error = await submitFor<LedeCommentErrorEvent>(el, 'lede-comment-error');
      expect(performance.now() - started, 'fails fast, without waiting for the timeout').to.be.below(5000);
      expect([error.reason, error.status]).to.deep.equal(['network', 0]);
      expect(text($(el, '[role=alert]'))).to.equal(message);
      for (const [id, value] of Object.entries(valid))
        expect($<HTMLInputElement>(el, `#${id}`).value, id).to.equal(value);
      expect(text($(el, '[part=submit]'))).to.equal(lang === 'fr' ? 'Réessayer' : 'Try again');
      const draft = JSON.parse(localStorage.getItem(`lede-comment:${refused}|42`)!);
      expect(draft.content, 'the draft survives a reload').to.equal(valid.content);
      await expect(el).to.be.accessible();

      // Still refused: the same message, nothing lost.
      const again = await submitFor<LedeCommentErrorEvent>(el, 'lede-comment-error');
      expect(again.reason).to.equal('network');
      expect($<HTMLTextAreaElement>(el, '#content').value).to.equal(valid.content);

      // The connection is back (here: the form now reaches a server): one request, one comment, with the key made
      // for the first, refused attempt.
      const log = `refused${Date.now().toString(36)}${lang}`;
      el.action = `/test-api/comments?log=${log}&mode=pending`;
      const sent = await submitFor<LedeCommentSentEvent>(el, 'lede-comment-sent');
      expect(sent.status).to.equal('pending');
      const { requests, comments } = await received(log);
      expect(requests).to.have.length(1);
      expect(comments).to.have.length(1);
      expect(requests[0].headers['idempotency-key']).to.equal(draft.key);
      expect(JSON.parse(requests[0].body)).to.include({ content: valid.content, name: valid.name });
    });
  }
});
