import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../shared/define.js';
import { LedeElement } from '../shared/element.js';
import type { PluralKey, TextKey } from '../shared/translation.js';
import { safeUrl } from '../shared/url.js';
import styles from './comment-form.styles.js';
import { load, save, text } from './draft.js';
import { LedeCommentErrorEvent, LedeCommentSentEvent, LedeCommentSubmitEvent } from './events.js';
import { send } from './transport.js';
import type { Failed, Sent } from './transport.js';

export * from './events.js';
export type { CommentPayload, FailReason } from './transport.js';

type Field = 'name' | 'email' | 'url' | 'content';
/** A message for the reader: server text as is, or a translation key (with a count for plurals). */
type Message = string | [TextKey] | [PluralKey, number];

const IDENTITY = 'lede-comment-identity';
/** `network` → `failNetwork`: the translation key for a failure. */
const failKey = (reason: string) => `fail${reason[0].toUpperCase()}${reason.slice(1)}` as TextKey;
const isHttp = (value: string) => /^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(value);
/** `crypto.randomUUID` exists in secure contexts only (https, localhost). */
const uuid = () => crypto.randomUUID?.() ?? `${Math.random()}${Date.now()}`;

/**
 * A comment form a reader can trust: validated before sending, sent with a timeout and an idempotency key,
 * kept as a local draft until the server has it, and clear about what went wrong.
 *
 * @summary A moderated comment form for an article (JSON endpoint or WordPress's `wp-comments-post.php`).
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

  /** URL comments are posted to (http or https, absolute or relative). */
  @property() action = '';
  /** `json` (default) or `wordpress` (a classic `wp-comments-post.php`, same origin only). */
  @property() protocol = 'json';
  /** Identifier of the article. */
  @property({ attribute: 'post-id' }) postId = '';
  /** Identifier of the comment replied to. */
  @property({ attribute: 'parent-id' }) parentId = '';
  /** Token sent as `X-CSRF-Token`; defaults to `<meta name="csrf-token">`. */
  @property({ attribute: 'csrf-token' }) csrfToken = '';
  /** Hides the website field. */
  @property({ type: Boolean, attribute: 'no-website' }) noWebsite = false;
  /** Name and email are required; `require-email="false"` makes them optional. */
  @property({ attribute: 'require-email', converter: (value) => value != 'false' }) requireEmail = true;
  /** Offers to keep name, email and website in this browser for the next comment. */
  @property({ type: Boolean }) remember = false;
  /** Maximum length of the comment, in characters. */
  @property({ type: Number, attribute: 'max-length' }) maxLength = 5000;
  /** Milliseconds to wait for the server. */
  @property({ type: Number }) timeout = 15000;
  /** Minimum milliseconds between display and submission; faster submissions are treated as spam. */
  @property({ type: Number, attribute: 'min-time' }) minTime = 3000;

  @state() private errors: Partial<Record<Field, Message>> = {};
  @state() private failure?: Failed;
  @state() private sending = false;
  @state() private done?: Sent['status'];
  private values: Record<Field, string> = { name: '', email: '', url: '', content: '' };
  /** The consent box; not reactive, the checkbox itself holds it once rendered. */
  private rememberMe = false;
  private key = '';
  private started = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private resend = () => this.renderRoot.querySelector('form')?.requestSubmit();

  private get draftKey(): string {
    return `lede-comment:${this.action}|${this.postId}`;
  }

  /** A numeric attribute, or its default with a warning. */
  private num(attribute: string, value: number, fallback: number, min: number): number {
    if (value >= min) return value;
    this.warn(attribute, `"${this.getAttribute(attribute) ?? value}" is not a valid number; using ${fallback}`);
    return fallback;
  }

  private get max(): number {
    return this.num('max-length', this.maxLength, 5000, 1);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) return;
    this.started = Date.now();
    // Storage never throws out of load(), so this is safe even where there is none (server rendering).
    const draft = load(this.draftKey);
    if (draft) {
      this.values.content = text(draft.content);
      this.key = text(draft.key);
      this.started = 0; // a restored draft is the reader's own text, whatever the time-trap says
    }
    const identity = this.remember && load(IDENTITY);
    if (identity) {
      for (const field of ['name', 'email', 'url'] as const) this.values[field] = text(identity[field]);
      this.rememberMe = true;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.resend);
    if (this.timer) this.saveDraft();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('done') && this.done) this.renderRoot.querySelector<HTMLElement>('[part=status]')?.focus();
  }

  /** The URL to post to, or '' (warned once) when `action` cannot be used. */
  private target(): string {
    const url = safeUrl(this.action) && new URL(this.action.trim(), document.baseURI);
    if (!url) this.warn('action', `"${this.action}" is not an http(s) URL; not sending`);
    else if (this.protocol == 'wordpress' && url.origin != location.origin) {
      this.warn('action', `"${this.action}" is on another origin, which WordPress refuses; not sending`);
    } else return url.href;
    return '';
  }

  private saveDraft(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { name, email, url, content } = this.values;
    save(this.draftKey, content ? { content, key: this.key } : null);
    if (this.remember) save(IDENTITY, this.rememberMe ? { name, email, url } : null);
  }

  private onInput(event: Event): void {
    const { name, value, checked, type } = event.target as HTMLInputElement;
    if (type == 'checkbox') this.rememberMe = checked;
    else if (name in this.values) {
      this.values[name as Field] = value;
      this.errors = { ...this.errors, [name]: undefined };
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveDraft(), 500);
  }

  private validate(): Partial<Record<Field, Message>> {
    const errors: Partial<Record<Field, Message>> = {};
    const fields = [
      ['name', 245, this.requireEmail],
      ['email', 100, this.requireEmail],
      ['url', this.noWebsite ? 0 : 200, false],
      ['content', this.max, true],
    ] as const;
    for (const [field, max, required] of fields) {
      const value = this.values[field].trim();
      if (!value || !max) {
        if (required) errors[field] = ['errorRequired'];
      } else if (value.length > max) errors[field] = ['errorTooLong', value.length - max];
      else if (field == 'email' && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value)) errors[field] = ['errorEmail'];
      else if (field == 'url' && !isHttp(value)) errors[field] = ['errorUrl'];
    }
    return errors;
  }

  private async focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    this.errors = this.validate();
    if (Object.keys(this.errors).length) return this.focusInvalid();
    const bait = this.renderRoot.querySelector<HTMLInputElement>('[name=homepage]')?.value;
    if (bait || Date.now() - this.started < this.num('min-time', this.minTime, 3000, 0)) {
      this.done = 'pending'; // spam: pretend, send nothing, keep the draft
      return;
    }
    const v = this.values;
    const payload = {
      post: this.postId,
      parent: this.parentId || null,
      name: v.name.trim(),
      email: v.email.trim(),
      url: this.noWebsite ? '' : v.url.trim(),
      content: v.content.trim(),
    };
    if (!this.emit(new LedeCommentSubmitEvent(payload))) return;
    const action = this.target();
    const wordpress = this.protocol == 'wordpress';
    if (!wordpress && this.protocol != 'json') this.warn('protocol', `"${this.protocol}" is unknown; using json`);
    let outcome: Sent | Failed = { reason: action ? 'offline' : 'action' };
    if (action && navigator.onLine !== false) {
      this.sending = true;
      this.key ||= uuid();
      this.saveDraft();
      const csrf = this.csrfToken || document.querySelector<HTMLMetaElement>('meta[name=csrf-token]')?.content;
      const headers: Record<string, string> = { 'Idempotency-Key': this.key, ...(csrf && { 'X-CSRF-Token': csrf }) };
      const timeout = this.num('timeout', this.timeout, 15000, 1);
      outcome = await send(action, wordpress, payload, headers, timeout, this.remember && this.rememberMe);
      this.sending = false;
    }
    if ('status' in outcome) {
      this.key = '';
      this.values.content = '';
      this.saveDraft();
      this.done = outcome.status;
      this.emit(new LedeCommentSentEvent(outcome.status, outcome.answer));
      return;
    }
    this.failure = outcome;
    if (outcome.reason == 'offline') addEventListener('online', this.resend, { once: true });
    for (const [field, message] of Object.entries(outcome.fields ?? {})) {
      if (field in v) this.errors = { ...this.errors, [field]: String(message) };
    }
    this.focusInvalid();
    this.emit(new LedeCommentErrorEvent(outcome.reason, outcome.code));
  }

  /** Dispatches one of the events documented above (a plain call, so the manifest lists them only once). */
  private emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  private say(message: Message | undefined): string {
    if (typeof message != 'object') return message ?? '';
    const [key, n] = message;
    return n == null ? this.localize.t(key as TextKey) : this.localize.plural(key as PluralKey, n);
  }

  private field(id: Field, label: TextKey, type: string, max: number, required: boolean, note?: string): TemplateResult {
    const error = this.errors[id];
    const notes = [note && `${id}-note`, error && `${id}-error`].filter(Boolean).join(' ');
    const described = notes || nothing;
    const textarea = type == 'textarea';
    return html`<div part="field">
      <label part="label" for=${id}
        >${this.localize.t(label)}${required ? html` <span class="required" aria-hidden="true">(${this.localize.t('required')})</span>` : ''}</label
      >
      ${note ? html`<p class="note" id="${id}-note">${note}</p>` : nothing}
      ${textarea
        ? html`<textarea part="textarea" id=${id} name=${id} rows="8" required .value=${this.values[id]}
            aria-invalid=${!!error} aria-describedby=${described}></textarea>`
        : html`<input part="input" id=${id} name=${id} type=${type} autocomplete=${id} maxlength=${max} ?required=${required}
            .value=${this.values[id]} aria-invalid=${!!error} aria-describedby=${described} />`}
      ${error ? html`<p part="error" id="${id}-error">${this.say(error)}</p>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const l = this.localize;
    const heading = html`<slot name="heading"><h3 part="heading">${l.t('commentHeading')}</h3></slot>`;
    if (this.done) {
      const status = l.t(this.done == 'approved' ? 'sentApproved' : 'sentPending');
      return html`<div part="base">${heading}<p part="status" role="status" tabindex="-1">${status}</p></div>`;
    }
    const need = this.requireEmail;
    const max = this.max;
    const left = max - this.values.content.length;
    const fail = this.failure;
    const failure = fail && (fail.message || (fail.reason == 'rate' ? (fail.wait ? ['failRateLimit', fail.wait] : ['failRateLimitNoDelay']) : [failKey(fail.reason)]));
    return html`<div part="base">
      ${heading}
      <p part="notice"><slot name="notice">${l.t('commentNotice')}</slot></p>
      <form novalidate @submit=${this.onSubmit} @input=${this.onInput}>
        ${this.field('name', 'name', 'text', 245, need)} ${this.field('email', 'email', 'email', 100, need, l.t('emailNote'))}
        ${this.noWebsite ? nothing : this.field('url', 'website', 'url', 200, false)}
        ${this.field('content', 'comment', 'textarea', max, true)}
        <p class="counter" aria-live="polite">
          ${left < 0 ? l.plural('errorTooLong', -left) : left <= max / 10 ? l.plural('charactersLeft', left) : ''}
        </p>
        <div class="bait" aria-hidden="true"><input name="homepage" tabindex="-1" autocomplete="off" /></div>
        ${this.remember
          ? html`<label part="label"><input type="checkbox" id="remember" .checked=${this.rememberMe} /> ${l.t('remember')}</label>`
          : nothing}
        <p part="error" class="alert" role="alert">${this.say(failure as Message | undefined)}</p>
        <button part="submit" aria-disabled=${this.sending}>
          ${l.t(this.sending ? 'sending' : fail && fail.reason != 'fields' ? 'retry' : 'submit')}
        </button>
      </form>
    </div>`;
  }
}

define('lede-comment-form', LedeCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comment-form': LedeCommentForm;
  }
}
