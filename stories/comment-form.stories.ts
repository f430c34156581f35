import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LedeCommentForm } from '../src/comment-form/comment-form.js';
import { fakeAction, withFakeCommentServer } from './fake-comment-server.js';
import { attr, fill, until } from './support.js';
import type { Field } from './support.js';

type Values = Partial<Record<Field, string>>;
const READER: Values = {
  name: 'Camille Martin',
  email: 'camille@example.org',
  content: 'Merci pour cet article très clair sur la purge de Telegram.',
};

/** The form of the story, rendered. */
async function formIn(canvas: HTMLElement): Promise<LedeCommentForm> {
  const el = await until(() => canvas.querySelector('lede-comment-form'), 'the form');
  await el.updateComplete;
  return el;
}

/** Types `values` into the form as a reader would (an `input` event per field), then submits it. */
async function submit(canvas: HTMLElement, values: Values = READER): Promise<LedeCommentForm> {
  const el = await formIn(canvas);
  await fill(el, values);
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  return el;
}

/** A story that submits `values` and waits until the form shows `done` (a selector in its shadow root). */
const after =
  (done: string, values?: Values): Story['play'] =>
  async ({ canvasElement }) => {
    const el = await submit(canvasElement, values);
    await until(() => el.shadowRoot!.querySelector(done), done, 8000);
  };
const failed = after('[part=error].alert:not(:empty)');

const meta: Meta = {
  title: 'Elements/lede-comment-form',
  component: 'lede-comment-form',
  tags: ['autodocs'],
  args: { action: fakeAction('pending'), 'post-id': 'europol-telegram', 'min-time': 0 },
  argTypes: { protocol: { control: 'radio', options: ['json', 'wordpress'] } },
  beforeEach: withFakeCommentServer,
  decorators: [
    (story, { args }) => html`<div class="lede-story-column">
      <p class="lede-story-note">
        Stories only: a fake comment server in this browser answers <code>${args.action}</code>; nothing is sent.
        Change the <code>answer</code> in the <code>action</code> control to try another answer.
      </p>
      ${story()}
    </div>`,
  ],
  render: (a) => html`<lede-comment-form
    lang=${attr(a.lang)}
    action=${attr(a.action)}
    protocol=${attr(a.protocol)}
    post-id=${attr(a['post-id'])}
    parent-id=${attr(a['parent-id'])}
    csrf-token=${attr(a['csrf-token'])}
    ?no-website=${a['no-website']}
    require-email=${a['require-email'] === false ? 'false' : nothing}
    ?remember=${a.remember}
    max-length=${attr(a['max-length'])}
    timeout=${attr(a.timeout)}
    min-time=${attr(a['min-time'])}
    @lede-comment-submit=${a.onLedeCommentSubmit}
    @lede-comment-sent=${a.onLedeCommentSent}
    @lede-comment-error=${a.onLedeCommentError}
    >${a.heading ? html`<h3 slot="heading">${a.heading}</h3>` : nothing}${a.notice ? html`<span slot="notice">${a.notice}</span>` : nothing}</lede-comment-form
  >`,
};
export default meta;

type Story = StoryObj;

/**
 * The form as a reader first sees it. The comment stories use a fake comment server that answers in the browser
 * (designers have no server): see the note above each story, and `stories/fake-comment-server.ts`. `min-time` is
 * 0 so a quick test submission is not taken for spam.
 */
export const Empty: Story = {};

/** Sent with nothing filled in: each required field says so, and the first one has the focus. */
export const InvalidEmpty: Story = { play: after('[aria-invalid=true]', {}) };

/** A malformed email, a website that is not an http(s) address, and a comment longer than `max-length`. */
export const InvalidValues: Story = {
  args: { 'max-length': 40 },
  play: after('#content-error', {
    name: 'Camille',
    email: 'camille@',
    url: 'mon-site',
    content: 'Un commentaire bien trop long pour la limite fixée ici.',
  }),
};

/** The counter appears in the last tenth of `max-length`. */
export const CharactersLeft: Story = {
  args: { 'max-length': 60 },
  play: async ({ canvasElement }) => {
    const el = await formIn(canvasElement);
    const content = el.shadowRoot!.querySelector('textarea')!;
    content.value = 'Merci pour cet article très clair sur la purge de Telegram';
    content.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(() => el.shadowRoot!.querySelector('.counter')?.textContent?.trim(), 'the counter');
  },
};

/** While the server has not answered (this one never does): the button says so and a second click sends nothing. */
export const Sending: Story = {
  args: { action: fakeAction('hang'), timeout: 3600000 },
  play: after('[part=submit][aria-disabled=true]'),
};

/** Received, held for moderation (`{ status: "pending" }`). */
export const SentPending: Story = { play: after('[part=status]') };

/** Received and published at once (`{ status: "approved" }`). */
export const SentApproved: Story = { args: { action: fakeAction('approved') }, play: after('[part=status]') };

/** Error: the connection failed. The text stays; the button becomes "Réessayer". */
export const ErrorNetwork: Story = { args: { action: fakeAction('network') }, play: failed };

/** Error: the browser is offline (the story pretends so); the form sends by itself when the connection returns. */
export const ErrorOffline: Story = {
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      delete (navigator as { onLine?: boolean }).onLine;
    };
  },
  play: failed,
};

/** Error: no answer within `timeout` (here 1.5 s). */
export const ErrorTimeout: Story = { args: { action: fakeAction('hang'), timeout: 1500 }, play: failed };

/** Error: too many comments; the server asks to wait 30 s (`Retry-After`). */
export const ErrorRateLimited: Story = { args: { action: fakeAction('rate') }, play: failed };

/** Error: too many comments, without a delay. */
export const ErrorRateLimitedNoDelay: Story = { args: { action: fakeAction('rate-no-delay') }, play: failed };

/** Error: the same comment was already posted (409). */
export const ErrorDuplicate: Story = { args: { action: fakeAction('duplicate') }, play: failed };

/** Error: the server failed (500). */
export const ErrorServer: Story = { args: { action: fakeAction('server') }, play: failed };

/** Error: the server refused some fields; its own messages (in its language) are shown under them. */
export const ErrorFields: Story = { args: { action: fakeAction('fields') }, play: after('#email-error') };

/** Error: a WordPress endpoint (`protocol="wordpress"`) answered with its error page; its message is shown as text. */
export const ErrorWordPressMessage: Story = {
  args: { action: fakeAction('wordpress-message'), protocol: 'wordpress' },
  play: failed,
};

/** Error: the `action` is not an http(s) URL, so nothing can be sent (a warning names it in the console). */
export const ErrorNoAction: Story = { args: { action: 'javascript:void 0' }, play: failed };

/** The reader came back: the draft kept in this browser is restored (the story stores one first). */
export const RestoredDraft: Story = {
  beforeEach: ({ args }) => {
    const draft = { content: 'Je reviens sur ce point : les canaux miroir ont-ils tous disparu ?', key: 'story-draft' };
    localStorage.setItem(`lede-comment:${args.action}|${args['post-id']}`, JSON.stringify(draft));
  },
};

/** `remember`: offers to keep name, email and website in this browser for the next comment. */
export const Remember: Story = { args: { remember: true } };

/** `no-website` and `require-email="false"`: only the comment is needed. */
export const Minimal: Story = { args: { 'no-website': true, 'require-email': false } };

/** The `heading` and `notice` slots replace the default heading and moderation notice. */
export const CustomHeadingAndNotice: Story = {
  args: {
    heading: 'Réagir à cet article',
    notice: 'Les commentaires sont relus avant publication, du lundi au vendredi.',
  },
};

/**
 * No usable `action` (here none at all): the fields are disabled and a notice replaces the button, so nobody types a
 * comment that cannot be sent; the console says why, once.
 */
export const NotSetUp: Story = { args: { action: '' } };
