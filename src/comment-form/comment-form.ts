import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { documentUrl, query } from '../shared/dom.js';
import { LedeElement } from '../shared/element.js';
import type { PluralKey, TextKey } from '../shared/translation.js';
import { safeUrl } from '../shared/url.js';
import { sharedListener } from '../shared/shared-listener.js';
import styles from './comment-form.styles.js';
import { load, save, text } from './draft.js';
import { LedeCommentErrorEvent, LedeCommentSentEvent, LedeCommentSubmitEvent } from './events.js';
import { send } from './transport.js';
import { EMAIL, LIMITS, isBlank, webAddress } from './rules.js';
import type { CommentPayload, FailReason, Failed, Sent } from './transport.js';

export * from './events.js';
export type { CommentPayload, FailReason } from './transport.js';

type Field = 'name' | 'email' | 'url' | 'content';
/** A field of the form: its name (also the input's `type`, but for name and content), label and longest value. */
interface FieldSpec {
  id: Field;
  label: TextKey;
  max: number;
  required: boolean;
}
/** A message for the reader: server text as is, or a translation key (with a count for plurals). */
type Message = string | [TextKey] | [PluralKey, number];

/** What the reader is told for each reason a comment was not sent (a rate limit is worded with its delay). */
const FAILURES: Record<Exclude<FailReason, 'rate'>, TextKey> = {
  network: 'failNetwork',
  offline: 'failOffline',
  timeout: 'failTimeout',
  duplicate: 'failDuplicate',
  server: 'failServer',
  fields: 'failFields',
  // WordPress refused it and said why: its own words are shown, this only if it said nothing.
  message: 'failServer',
  action: 'failAction',
};

const IDENTITY = 'lede-comment-identity';

/** Another tab changed the drafts or the identity kept in this browser. */
const storage = sharedListener<StorageEvent>(() => globalThis, 'storage');

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
 * @csspart unavailable - The notice shown instead of the submit button when `action` cannot be used.
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
    postId: { attribute: 'post-id' },
    parentId: { attribute: 'parent-id' },
    csrfToken: { attribute: 'csrf-token' },
    noWebsite: { attribute: 'no-website', type: Boolean },
    requireEmail: { attribute: 'require-email', converter: (value: string | null) => value !== 'false' },
    remember: { type: Boolean },
    maxLength: { attribute: 'max-length', type: Number },
    timeout: { type: Number },
    minTime: { attribute: 'min-time', type: Number },
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
  maxLength = LIMITS.content;
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

  /** One draft per article, and one per comment replied to: a reply's text never lands in the article's form. */
  get #draft(): string {
    return `lede-comment:${this.action}|${this.postId}${this.parentId ? `|${this.parentId}` : ''}`;
  }

  /** A numeric attribute, or its default with a warning (a bad value is ignored). */
  #number(attribute: string, value: number, fallback: number, min = 1): number {
    if (value >= min) return value;
    this.ignore(attribute, value);
    return fallback;
  }

  #maxLength(): number {
    return this.#number('max-length', this.maxLength, LIMITS.content);
  }

  /** The fields shown, in order: the website only without `no-website`. */
  #fields(): FieldSpec[] {
    const required = this.requireEmail;
    const website: FieldSpec[] = this.noWebsite
      ? []
      : [{ id: 'url', label: 'website', max: LIMITS.url, required: false }];
    return [
      { id: 'name', label: 'name', max: LIMITS.name, required },
      { id: 'email', label: 'email', max: LIMITS.email, required },
      ...website,
      { id: 'content', label: 'comment', max: this.#maxLength(), required: true },
    ];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.#started = Date.now();
    // What the reader typed into a server-rendered form before this module arrived is theirs: read before the first
    // update, which would set the fields to empty values, it is kept, and wins over a saved draft.
    for (const field of (!this.hasUpdated && this.shadowRoot?.querySelectorAll<HTMLInputElement>('[name]')) || []) {
      if (field.value && field.name in this.#values) this.#values[field.name as Field] = field.value;
    }
    storage.add(this.#adopt);
  }

  /** The draft is restored after the first render, which must match a server-rendered form (hydration). */
  protected override firstUpdated(): void {
    const typed = !!this.#values.content;
    const draft = !typed && load(this.#draft);
    const identity = this.remember && load(IDENTITY);
    if (typed) {
      this.#started = 0; // typed by the reader, before the script came: no robot
      this.#save();
    }
    if (draft) {
      this.#values.content = text(draft.content);
      this.#key = text(draft.key);
      this.#started = 0; // a restored draft is the reader's own text, whatever the time-trap says
    }
    if (identity) {
      for (const field of ['name', 'email', 'url'] as const) this.#values[field] ||= text(identity[field]);
      this.#rememberMe = true;
    }
    // Out of this update, as Lit advises (https://lit.dev/msg/change-in-update).
    if (draft || identity) queueMicrotask(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#resend);
    storage.delete(this.#adopt);
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
    if (type === 'checkbox') this.#rememberMe = checked;
    else if (name in this.#values) {
      this.#values[name as Field] = value;
      this.#errors[name as Field] = undefined;
      this.requestUpdate();
    }
    // At once, not after a pause: a reload or a closed tab a moment after the last key keeps the text.
    this.#save();
  }

  /** `json` or `wordpress`, in any case; '' for any other name, which sends nothing rather than guess. */
  #protocol(): string {
    const protocol = `${this.protocol ?? ''}`.trim().toLowerCase();
    return protocol === 'json' || protocol === 'wordpress' ? protocol : '';
  }

  /**
   * The URL comments are posted to, or '' when the protocol is unknown, or `action` is missing, not http(s), or
   * (`wordpress`) on another origin; then the form shows that it cannot send, and warns once. A relative `action`
   * resolves against the document's own URL: a `<base href>` injected into the page must not move the endpoint.
   * The page's origin is known in the browser only: the server renders a WordPress form for another origin as
   * usable, and the browser corrects it.
   */
  #target(): string {
    const given = this.action;
    if (!this.#protocol()) {
      this.ignore('protocol', this.protocol, ': comments cannot be sent');
      return '';
    }
    const href = safeUrl(given);
    const url = href && new URL(href, typeof document === 'undefined' ? 'https://localhost/' : documentUrl());
    const origin = globalThis.location?.origin;
    if (url && (this.#protocol() !== 'wordpress' || !origin || url.origin === origin)) return url.href;
    this.ignore('action', given, `${url ? ' (WordPress needs the same origin)' : ''}: comments cannot be sent`);
    return '';
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
    const errors: Partial<Record<Field, Message>> = {};
    this.#errors = errors;
    // A hidden field (the website, with `no-website`) is sent empty.
    const payload: CommentPayload = {
      post: this.postId,
      parent: this.parentId || null,
      name: '',
      email: '',
      url: '',
      content: '',
    };
    this.#failure = undefined;
    for (const { id, max, required } of this.#fields()) {
      const typed = values[id].trim();
      // The website is sent as a web address: "anne.fr" as "https://anne.fr".
      const value = (id === 'url' && webAddress(typed)) || typed;
      payload[id] = value;
      if (isBlank(value)) {
        if (required) errors[id] = ['errorRequired'];
      } else if (value.length > max) errors[id] = ['errorTooLong', value.length - max];
      else if (id === 'email' && !EMAIL.test(value)) errors[id] = ['errorEmail'];
      else if (id === 'url' && !webAddress(value)) errors[id] = ['errorUrl'];
    }
    if (Object.keys(errors).length) return this.#focus('[aria-invalid=true]');
    const bait = this.renderRoot.querySelector<HTMLInputElement>('[name=homepage]')?.value;
    if (bait || Date.now() - this.#started < this.#number('min-time', this.minTime, 3000, 0)) {
      return this.#finish('pending'); // spam: pretend, send nothing, keep the draft
    }
    if (!this.#emit(new LedeCommentSubmitEvent(payload))) {
      this.requestUpdate();
      return;
    }
    const wordpress = this.#protocol() === 'wordpress';
    const action = this.#target();
    let outcome: Sent | Failed = { reason: action ? 'offline' : 'action' };
    if (action && navigator.onLine !== false) {
      this.#sending = true;
      this.requestUpdate();
      this.#save();
      // Only the head's: a `<meta>` written into the body (by a comment, say) is not the site's.
      const csrf = this.csrfToken || query<HTMLMetaElement>('head>meta[name=csrf-token]')?.content;
      const headers = { 'Idempotency-Key': this.#key, ...(csrf && { 'X-CSRF-Token': csrf }) };
      outcome = await send(
        action,
        wordpress,
        payload,
        headers,
        this.#number('timeout', this.timeout, 15000),
        this.remember && this.#rememberMe,
      );
      this.#sending = false;
    }
    if ('status' in outcome) {
      this.#key = '';
      values.content = '';
      this.#save();
      void this.#finish(outcome.status);
      this.#emit(new LedeCommentSentEvent(outcome.status, outcome.answer));
      return;
    }
    this.#failure = outcome;
    if (outcome.reason === 'offline') addEventListener('online', this.#resend, { once: true });
    for (const [field, message] of Object.entries(outcome.fields ?? {}))
      if (field in values) errors[field as Field] = String(message);
    void this.#focus('[aria-invalid=true]');
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

  /** A message in the element's language. */
  #message(message: Message | undefined): string {
    if (typeof message !== 'object') return message ?? '';
    const [key, n] = message;
    return n === undefined ? this.localize.t(key as TextKey) : this.localize.plural(key as PluralKey, n);
  }

  /** What the reader is told when sending failed: WordPress's own words, else the message for the reason. */
  #failureMessage(fail: Failed): Message {
    if (fail.message) return fail.message;
    if (fail.reason === 'rate') return fail.wait ? ['failRateLimit', fail.wait] : ['failRateLimitNoDelay'];
    return [FAILURES[fail.reason]];
  }

  /**
   * One labelled field, with its note and its error; disabled when the form cannot send (`off`). The textarea and the
   * input are each written into a whole field's template, rather than nested as templates of their own in one
   * field template: every nested template is one more clone and walk per field, four per form.
   */
  #field({ id, label, max, required }: FieldSpec, off: boolean): TemplateResult {
    const localize = this.localize;
    const error = this.#errors[id];
    const note = id === 'email' && localize.t('emailNote');
    // The moderation notice last: heard on entering each field, after what is about that field.
    const described = [note && `${id}-note`, error && `${id}-error`, 'notice'].filter(Boolean).join(' ');
    const value = this.#values[id];
    const name = localize.t(label);
    const mark = required ? html` <span class="required" aria-hidden="true">(${localize.t('required')})</span>` : '';
    const noteLine = note ? html`<p class="note" id="${id}-note">${note}</p>` : nothing;
    const errorLine = error ? html`<p part="error" id="${id}-error">${this.#message(error)}</p>` : nothing;
    if (id === 'content')
      return html`<div part="field">
        <label part="label" for=${id}>${name}${mark}</label>
        ${noteLine}
        <textarea part="textarea" id=${id} name=${id} rows="8" required .value=${value}
          aria-invalid=${!!error} aria-describedby=${described} ?disabled=${off}></textarea>
        ${errorLine}
      </div>`;
    return html`<div part="field">
      <label part="label" for=${id}>${name}${mark}</label>
      ${noteLine}
      <input part="input" id=${id} name=${id} type=${id === 'name' ? 'text' : id} autocomplete=${id}
        maxlength=${max} ?required=${required} .value=${value} aria-invalid=${!!error}
        aria-describedby=${described} ?disabled=${off} />
      ${errorLine}
    </div>`;
  }

  override render(): TemplateResult {
    const localize = this.localize;
    const max = this.#maxLength();
    const left = max - this.#values.content.length;
    const fail = this.#failure;
    // Without a usable action the fields are disabled and a notice takes the button's place: nobody types in vain.
    const off = !this.#target();
    // Once sent, a confirmation replaces the notice and the form. `method="dialog"` (outside a dialog: submitting does
    // nothing) for a server-rendered form whose module has not arrived yet: without it, Enter in a field would send the
    // fields, e-mail included, to the page's own URL as a GET query. The submit handler takes over once loaded.
    return html`<div part="base">
      <slot name="heading"><h3 part="heading">${localize.t('commentHeading')}</h3></slot>
      ${
        this.#done
          ? html`<p part="status" role="status" tabindex="-1">${localize.t(this.#done === 'approved' ? 'sentApproved' : 'sentPending')}</p>`
          : html`<p part="notice" id="notice"><slot name="notice">${localize.t('commentNotice')}</slot></p>
            <form method="dialog" novalidate @submit=${this.#submit} @input=${this.#input}>
              ${this.#fields().map((field) => this.#field(field, off))}
              <p class="counter" aria-live="polite">
                ${left < 0 ? localize.plural('errorTooLong', -left) : left <= max / 10 ? localize.plural('charactersLeft', left) : ''}
              </p>
              <div class="bait" aria-hidden="true"><input name="homepage" tabindex="-1" autocomplete="off" /></div>
              ${
                this.remember
                  ? html`<label part="label"
                    ><input type="checkbox" id="remember" ?checked=${this.#rememberMe} ?disabled=${off} /> ${localize.t('remember')}</label
                  >`
                  : nothing
              }
              <p part="error" class="alert" role="alert">${fail ? this.#message(this.#failureMessage(fail)) : ''}</p>
              ${
                off
                  ? html`<p part="unavailable">${localize.t('unavailable')}</p>`
                  : html`<button part="submit" aria-disabled=${this.#sending}>
                    ${localize.t(this.#sending ? 'sending' : fail && fail.reason !== 'fields' ? 'retry' : 'submit')}
                  </button>`
              }
            </form>`
      }
    </div>`;
  }
}
