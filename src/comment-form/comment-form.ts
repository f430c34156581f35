import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { documentUrl, query } from '../shared/dom.js';
import { LedeElement } from '../shared/element.js';
import type { PluralKey, TextKey } from '../shared/translation.js';
import { safeUrl } from '../shared/url.js';
import styles from './comment-form.styles.js';
import { load, save, text } from './draft.js';
import { LedeCommentErrorEvent, LedeCommentSentEvent, LedeCommentSubmitEvent } from './events.js';
import { send } from './transport.js';
import type { CommentPayload, Failed, Sent } from './transport.js';

export * from './events.js';
export type { CommentPayload, FailReason } from './transport.js';

type Field = 'name' | 'email' | 'url' | 'content';
/** A message for the reader: server text as is, or a translation key (with a count for plurals). */
type Message = string | [TextKey] | [PluralKey, number];

const IDENTITY = 'lede-comment-identity';

/**
 * A comment form a reader can trust: validated before sending, sent with a timeout and an idempotency key,
 * kept as a local draft until the server has it, and clear about what went wrong.
 *
 * @summary A moderated comment form for an article (JSON endpoint or WordPress's `wp-comments-post.php`).
 * @tag lede-comment-form
 * @slot heading - Replaces the heading "Leave a comment".
 * @slot notice - Replaces the moderation notice.
 * @csspart base - The wrapper.
 * @csspart heading - The default heading.
 * @csspart notice - The moderation notice.
 * @csspart field - Each label, input and message group.
 * @csspart label - Each label.
 * @csspart input - The name, email and website inputs.
 * @csspart textarea - The comment.
 * @csspart error - A field's message, and the message of a failed sending.
 * @csspart submit - The submit button.
 * @csspart status - The confirmation that replaces the form.
 * @cssprop --lede-color-danger - Colour of error messages.
 * @cssprop --lede-color-accent - Colour of the button and the focus ring.
 * @cssprop --lede-color-border - Colour of the fields' borders.
 * @cssprop --lede-color-muted - Colour of the notes and the counter.
 * @fires {LedeCommentSubmitEvent} lede-comment-submit - Before sending; cancelable; carries `payload`.
 * @fires {LedeCommentSentEvent} lede-comment-sent - The server accepted the comment: `status`, `answer`.
 * @fires {LedeCommentErrorEvent} lede-comment-error - Sending failed: `reason`, `status`.
 */
export class LedeCommentForm extends LedeElement {
  static override styles = styles;
  // `static properties` rather than one decorator call per property: the same API in fewer bytes.
  static override properties = {
    action: {},
    protocol: {},
    postId: {},
    parentId: {},
    csrfToken: {},
    noWebsite: { type: Boolean },
    requireEmail: { converter: (value: string | null) => value != 'false' },
    remember: { type: Boolean },
    maxLength: { type: Number },
    timeout: { type: Number },
    minTime: { type: Number },
  };

  /** URL comments are posted to (http or https, absolute or relative). */
  action = '';
  /** `json` (default) or `wordpress` (a classic `wp-comments-post.php`, same origin only). */
  protocol = 'json';
  /** Identifier of the article. */
  postId = '';
  /** Identifier of the comment replied to. */
  parentId = '';
  /** Token sent as `X-CSRF-Token`; defaults to `<meta name="csrf-token">`. */
  csrfToken = '';
  /** Hides the website field. */
  noWebsite = false;
  /** Name and email are required; `require-email="false"` makes them optional. */
  requireEmail = true;
  /** Offers to keep name, email and website in this browser for the next comment. */
  remember = false;
  /** Maximum length of the comment, in characters. */
  maxLength = 5000;
  /** Milliseconds to wait for the server. */
  timeout = 15000;
  /** Minimum milliseconds between display and submission; faster submissions are treated as spam. */
  minTime = 3000;

  // Private state, not reactive properties: each change is followed by `requestUpdate()`.
  #errors: Partial<Record<Field, Message>> = {};
  #failure?: Failed;
  #sending = false;
  #done?: Sent['status'];
  #values: Record<Field, string> = { name: '', email: '', url: '', content: '' };
  /** The consent box; the checkbox itself holds it once rendered. */
  #rememberMe = false;
  /** The draft's idempotency key, made with the draft: every tab that sends this draft sends the same key. */
  #key = '';
  #started = 0;
  #resend = () => this.renderRoot.querySelector('form')?.requestSubmit();

  get #draft(): string {
    return `lede-comment:${this.action}|${this.postId}`;
  }

  /** A numeric attribute, or its default with a warning (a bad value is ignored). */
  #num(attribute: string, value: number, fallback: number, min = 1): number {
    if (value >= min) return value;
    this.ignore(attribute, value);
    return fallback;
  }

  /** The fields: id (also the input's `type`, but for name and content), label, maximum length (0: not shown), required. */
  #fields(): Array<[Field, TextKey, number, boolean]> {
    const need = this.requireEmail;
    return [
      ['name', 'name', 245, need],
      ['email', 'email', 100, need],
      ['url', 'website', this.noWebsite ? 0 : 200, false],
      ['content', 'comment', this.#num('max-length', this.maxLength, 5000), true],
    ];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.#started = Date.now();
    addEventListener('storage', this.#adopt);
  }

  /** The draft is restored after the first render, which must match a server-rendered form (hydration). */
  protected override firstUpdated(): void {
    const draft = load(this.#draft);
    const identity = this.remember && load(IDENTITY);
    if (draft) {
      this.#values.content = text(draft.content);
      this.#key = text(draft.key);
      this.#started = 0; // a restored draft is the reader's own text, whatever the time-trap says
    }
    if (identity) {
      for (const field of ['name', 'email', 'url'] as const) this.#values[field] = text(identity[field]);
      this.#rememberMe = true;
    }
    // Out of this update, as Lit advises (https://lit.dev/msg/change-in-update).
    if (draft || identity) queueMicrotask(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#resend);
    removeEventListener('storage', this.#adopt);
  }

  /** Another tab on this article changed the draft: one draft per article, so this form takes it over. */
  #adopt = (event: StorageEvent): void => {
    if (event.key !== this.#draft || this.#sending) return;
    const draft = load(this.#draft);
    this.#values.content = text(draft?.content);
    this.#key = text(draft?.key);
    this.requestUpdate();
  };

  #save(): void {
    const { name, email, url, content } = this.#values;
    if (content && !this.#key) this.#key = crypto.randomUUID?.() ?? `${Math.random()}${Date.now()}`; // randomUUID: secure contexts only
    save(this.#draft, content ? { content, key: this.#key } : null);
    if (this.remember) save(IDENTITY, this.#rememberMe ? { name, email, url } : null);
  }

  #input(event: Event): void {
    const { name, value, checked, type } = event.target as HTMLInputElement;
    if (type == 'checkbox') this.#rememberMe = checked;
    else if (name in this.#values) {
      this.#values[name as Field] = value;
      this.#errors[name as Field] = undefined;
      this.requestUpdate();
    }
    // At once, not after a pause: a reload or a closed tab a moment after the last key keeps the text.
    this.#save();
  }

  /** Renders, then focuses the first match of `selector` (the first invalid field, the confirmation). */
  async #focus(selector: string): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#sending) return;
    const values = this.#values;
    const errors: Partial<Record<Field, Message>> = (this.#errors = {});
    const payload = { post: this.postId, parent: this.parentId || null } as CommentPayload;
    this.#failure = undefined;
    for (const [field, , max, required] of this.#fields()) {
      // A hidden field (maximum 0) is sent empty.
      const value = (payload[field] = max ? values[field].trim() : '');
      if (!value) {
        if (required) errors[field] = ['errorRequired'];
      } else if (value.length > max) errors[field] = ['errorTooLong', value.length - max];
      else if (field == 'email' && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value)) errors[field] = ['errorEmail'];
      else if (field == 'url' && !/^https?:\/\/[^\s/?#]+\.\S*$/i.test(value)) errors[field] = ['errorUrl'];
    }
    if (Object.keys(errors).length) return this.#focus('[aria-invalid=true]');
    const bait = this.renderRoot.querySelector<HTMLInputElement>('[name=homepage]')?.value;
    if (bait || Date.now() - this.#started < this.#num('min-time', this.minTime, 3000, 0)) {
      return this.#finish('pending'); // spam: pretend, send nothing, keep the draft
    }
    if (!this.#emit(new LedeCommentSubmitEvent(payload))) return this.requestUpdate();
    const { action: given } = this;
    // Names are case-insensitive; an unknown protocol sends nothing rather than guess.
    const protocol = `${this.protocol ?? ''}`.trim().toLowerCase();
    const known = protocol === 'json' || protocol === 'wordpress';
    const wordpress = protocol === 'wordpress';
    // Against the document's own URL: a `<base href>` injected into the page must not move the endpoint.
    const url = safeUrl(given) && new URL(given.trim(), documentUrl());
    const action = known && url && (!wordpress || url.origin === location.origin) && url.href;
    if (!known) this.ignore('protocol', this.protocol);
    else if (!action) this.ignore('action', given, url ? ' (not same-origin)' : '');
    let outcome: Sent | Failed = { reason: action ? 'offline' : 'action' };
    if (action && navigator.onLine !== false) {
      this.#sending = true;
      this.requestUpdate();
      this.#save();
      // Only the head's: a `<meta>` written into the body (by a comment, say) is not the site's.
      const csrf = this.csrfToken || query<HTMLMetaElement>('head>meta[name=csrf-token]')?.content;
      const headers = { 'Idempotency-Key': this.#key, ...(csrf && { 'X-CSRF-Token': csrf }) };
      outcome = await send(action, wordpress, payload, headers, this.#num('timeout', this.timeout, 15000), this.remember && this.#rememberMe);
      this.#sending = false;
    }
    if ('status' in outcome) {
      this.#key = values.content = '';
      this.#save();
      this.#finish(outcome.status);
      this.#emit(new LedeCommentSentEvent(outcome.status, outcome.answer));
      return;
    }
    this.#failure = outcome;
    if (outcome.reason == 'offline') addEventListener('online', this.#resend, { once: true });
    for (const [field, message] of Object.entries(outcome.fields ?? {})) if (field in values) errors[field as Field] = String(message);
    this.#focus('[aria-invalid=true]');
    this.#emit(new LedeCommentErrorEvent(outcome.reason, outcome.code));
  }

  #finish(status: Sent['status']): Promise<void> {
    this.#done = status;
    return this.#focus('[part=status]');
  }

  /** Dispatches one of the events documented above (a plain call, so the manifest lists them only once). */
  #emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  #say(message: Message | undefined): string {
    if (typeof message != 'object') return message ?? '';
    const [key, n] = message;
    return n == null ? this.localize.t(key as TextKey) : this.localize.plural(key as PluralKey, n);
  }

  override render(): TemplateResult {
    const l = this.localize;
    const fields = this.#fields();
    const max = fields[3][2];
    const left = max - this.#values.content.length;
    const fail = this.#failure;
    // WordPress's own message, else the translation key: `network` → `failNetwork`.
    const failure: Message | undefined =
      fail &&
      (fail.message ||
        (fail.reason == 'rate'
          ? fail.wait
            ? ['failRateLimit', fail.wait]
            : ['failRateLimitNoDelay']
          : [`fail${fail.reason[0].toUpperCase()}${fail.reason.slice(1)}` as TextKey]));
    // Once sent, a confirmation replaces the notice and the form.
    return html`<div part="base">
      <slot name="heading"><h3 part="heading">${l.t('commentHeading')}</h3></slot>
      ${this.#done
        ? html`<p part="status" role="status" tabindex="-1">${l.t(this.#done == 'approved' ? 'sentApproved' : 'sentPending')}</p>`
        : html`<p part="notice" id="notice"><slot name="notice">${l.t('commentNotice')}</slot></p>
            <form novalidate @submit=${this.#submit} @input=${this.#input}>
              ${fields.map(([id, label, max, required]) => {
                if (!max) return nothing;
                const error = this.#errors[id];
                const note = id == 'email' && l.t('emailNote');
                // The moderation notice last: heard on entering each field, after what is about that field.
                const described = [note && `${id}-note`, error && `${id}-error`, 'notice'].filter(Boolean).join(' ');
                return html`<div part="field">
                  <label part="label" for=${id}
                    >${l.t(label)}${required ? html` <span class="required" aria-hidden="true">(${l.t('required')})</span>` : ''}</label
                  >
                  ${note ? html`<p class="note" id="${id}-note">${note}</p>` : nothing}
                  ${id == 'content'
                    ? html`<textarea part="textarea" id=${id} name=${id} rows="8" required .value=${this.#values[id]}
                        aria-invalid=${!!error} aria-describedby=${described}></textarea>`
                    : html`<input part="input" id=${id} name=${id} type=${id == 'name' ? 'text' : id} autocomplete=${id}
                        maxlength=${max} ?required=${required} .value=${this.#values[id]} aria-invalid=${!!error}
                        aria-describedby=${described} />`}
                  ${error ? html`<p part="error" id="${id}-error">${this.#say(error)}</p>` : nothing}
                </div>`;
              })}
              <p class="counter" aria-live="polite">
                ${left < 0 ? l.plural('errorTooLong', -left) : left <= max / 10 ? l.plural('charactersLeft', left) : ''}
              </p>
              <div class="bait" aria-hidden="true"><input name="homepage" tabindex="-1" autocomplete="off" /></div>
              ${this.remember
                ? html`<label part="label"><input type="checkbox" id="remember" ?checked=${this.#rememberMe} /> ${l.t('remember')}</label>`
                : nothing}
              <p part="error" class="alert" role="alert">${this.#say(failure)}</p>
              <button part="submit" aria-disabled=${this.#sending}>
                ${l.t(this.#sending ? 'sending' : fail && fail.reason != 'fields' ? 'retry' : 'submit')}
              </button>
            </form>`}
    </div>`;
  }
}
