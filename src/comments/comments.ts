import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
// The thread renders <lede-comment-form>s, so it needs that tag registered.
import '../comment-form/define.js';
import type { LedeCommentForm, LedeCommentSentEvent, LedeCommentSubmitEvent } from '../comment-form/comment-form.js';
import type { CommentPayload } from '../comment-form/transport.js';
import { dateOptions, parseDate, relativeParts } from '../article-header/dates.js';
import { documentUrl } from '../shared/dom.js';
import { LedeElement } from '../shared/element.js';
import type { LightElement, ServerPage } from '../shared/light.js';
import { watchRelative } from '../shared/relative-timer.js';
import { safeUrl } from '../shared/url.js';
import { textParagraphs } from './content.js';
import type { Paragraph } from './content.js';
import styles from './comments.styles.js';
import { LedeCommentsLoadEvent } from './events.js';
import { loadComments, readComments } from './source.js';
import type { Comment, Protocol } from './source.js';
import { buildThread } from './thread.js';
import type { ThreadItem } from './thread.js';

export * from './events.js';
export type { Comment } from './source.js';
export type { Paragraph, Run } from './content.js';

/** Top-level comments shown at first, and added by each "Show more comments". */
const SHOWN_AT_ONCE = 50;
const DEFAULT_DEPTH = 3;
const ORDERS = ['oldest', 'newest'];
const PROTOCOLS: Protocol[] = ['json', 'wordpress'];
/** Attributes of the article's comment list: a change loads it again. */
const SOURCE = ['src', 'postId', 'protocol'];

/** The id the server gave a sent comment: json answers `{ id }`; WordPress redirects to `…#comment-<id>`. */
function sentId(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const id = 'id' in answer ? answer.id : undefined;
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  const url = 'url' in answer ? answer.url : undefined;
  return typeof url === 'string' ? /#comment-(\d+)$/.exec(url)?.[1] : undefined;
}

type Status = 'loading' | 'ready' | 'error';

/**
 * The comments of an article: the published thread, replies nested under their parent, a "Reply" button on each
 * comment that opens a form under it, and the form for a new comment at the end. The list comes from the reference
 * server (`json`, following its pages) or from WordPress's REST API (`wordpress`), or from a
 * `<script type="application/json">` child holding the same list (what a server-rendered page passes in; nothing is
 * fetched then). A comment the reader sends appears at its place, marked as awaiting moderation.
 *
 * @summary The comment section of an article: the thread, replies, and the comment form.
 * @tag lede-comments
 * @csspart base - The `<section>`.
 * @csspart heading - The heading with the count ("3 commentaires").
 * @csspart status - The loading message, which reserves the thread's space.
 * @csspart error - The message shown when the list could not be loaded.
 * @csspart retry - The button that loads the list again.
 * @csspart thread - Each list of comments (the thread, and the replies of a comment).
 * @csspart comment - Each comment's `<article>`.
 * @csspart author - The author's name (a link when a website was given).
 * @csspart date - The `<time>` of each comment.
 * @csspart pending - "Awaiting moderation", beside a comment the reader has just sent.
 * @csspart content - The text of a comment.
 * @csspart reply - Each "Reply" button.
 * @csspart reply-form - The form under a comment, with its cancel button.
 * @csspart cancel - The button that closes a reply form.
 * @csspart more - The "Show more comments" button.
 * @csspart form - The `<lede-comment-form>` for a new comment.
 * @cssprop --lede-comments-min-height - Space kept for the thread while it loads (default `12rem`), so the page does not move.
 * @cssprop --lede-color-muted - Colour of the dates and the status messages.
 * @cssprop --lede-color-border - Colour of the line beside replies.
 * @cssprop --lede-color-accent - Colour of the buttons' text and the focus ring.
 * @fires {LedeCommentsLoadEvent} lede-comments-load - The thread is shown: `count`, the number of published comments.
 * @fires {LedeCommentSubmitEvent} lede-comment-submit - Bubbles out from a form, before sending.
 * @fires {LedeCommentSentEvent} lede-comment-sent - Bubbles out from a form, once the server accepted a comment.
 * @fires {LedeCommentErrorEvent} lede-comment-error - Bubbles out from a form, when sending failed.
 */
export class LedeComments extends LedeElement {
  static override styles = styles;
  static override properties = {
    src: {},
    action: {},
    postId: { attribute: 'post-id' },
    protocol: {},
    maxDepth: { attribute: 'max-depth', type: Number },
    order: {},
    remember: { type: Boolean },
    noWebsite: { attribute: 'no-website', type: Boolean },
    requireEmail: { attribute: 'require-email', converter: (value: string | null) => value !== 'false' },
    maxLength: { attribute: 'max-length', type: Number },
    pageComments: { state: true },
  };

  /** URL of the list of published comments (http or https, absolute or relative). */
  src = '';
  /** URL comments are posted to; defaults to `src` with the `json` protocol. */
  action = '';
  /** Identifier of the article. */
  postId = '';
  /** `json` (default: the reference server) or `wordpress` (the REST API's `/wp/v2/comments`, and `wp-comments-post.php` as `action`). */
  protocol = 'json';
  /** Levels of nested replies (default 3); deeper replies are shown at the last level. */
  maxDepth = DEFAULT_DEPTH;
  /** `oldest` (default) or `newest`: the order of top-level comments. Replies are always oldest first. */
  order = 'oldest';
  /** The forms offer to keep name, email and website in this browser for the next comment. */
  remember = false;
  /** The forms have no website field. */
  noWebsite = false;
  /** Name and email are required; `require-email="false"` makes them optional. */
  requireEmail = true;
  /** Maximum length of a comment, in characters (passed on to the forms). */
  maxLength?: number;

  /**
   * The comments the page passed in (a `<script type="application/json">` child); none are fetched then. (Named
   * state: lede-elements/ssr sets it from the markup, with the same reader.)
   */
  private pageComments?: Comment[];

  #status: Status = 'loading';
  /** Published comments, then those this reader sent. */
  #comments: Comment[] = [];
  #shown = SHOWN_AT_ONCE;
  /** The comment whose reply form is open ('' for none). */
  #replyingTo = '';
  /** Changes when a comment was sent from the article's form, so a fresh form takes its place. */
  #formKey = 0;
  /** What each form last submitted: the comment shown once the server accepted it. */
  #submitted = new WeakMap<EventTarget, CommentPayload>();
  /** The latest load: an answer to an older one (after `src` changed) is dropped. */
  #loading = 0;
  #pendingIds = 0;
  /** The comments this reader sent from this page: shown even beyond the first 50. */
  #sentIds = new Set<string>();
  #depth = DEFAULT_DEPTH;
  #newestFirst = false;
  /** Whether the list was asked for once (without `src`, the first update still shows the error state). */
  #started = false;

  /** Number of published comments, replies included; `undefined` until the list is loaded. */
  get count(): number | undefined {
    return this.#status === 'ready' ? this.#comments.filter((comment) => !comment.pending).length : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.pageComments) this.#takePageComments(LedeComments.readLight(this));
  }

  /**
   * The comments the page passes in: the list in a `<script type="application/json">` child; `null` when that is not
   * a list, `undefined` without one. Called with the element itself in the browser, and by lede-elements/ssr with its
   * node in the markup, so a server-rendered thread is the one the browser then takes over, without fetching it.
   */
  static readLight(host: LightElement): Comment[] | null | undefined {
    const script = Array.from(host.children).find(
      (child) => child.localName === 'script' && child.getAttribute('type') === 'application/json',
    );
    return script ? (readComments(script.textContent ?? '') ?? null) : undefined;
  }

  protected override readServerPage(page: ServerPage): void {
    if (page.node) this.#takePageComments(LedeComments.readLight(page.node));
  }

  #takePageComments(comments: Comment[] | null | undefined): void {
    if (comments === null)
      this.warn('script', 'the comments in <script type="application/json"> are not a list: ignored');
    else if (comments) this.pageComments = comments;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchRelative(this, false);
  }

  /** `json` or `wordpress`; another value is ignored, with a warning. */
  #protocol(): Protocol {
    const protocol = `${this.protocol ?? ''}`.trim().toLowerCase() as Protocol;
    if (PROTOCOLS.includes(protocol)) return protocol;
    this.ignore('protocol', this.protocol);
    return 'json';
  }

  #maxDepth(): number {
    const depth = this.maxDepth;
    if (Number.isInteger(depth) && depth >= 1) return depth;
    this.ignore('max-depth', depth);
    return DEFAULT_DEPTH;
  }

  #newest(): boolean {
    const order = `${this.order ?? ''}`.trim().toLowerCase();
    if (!ORDERS.includes(order)) this.ignore('order', this.order);
    return order === 'newest';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read on every update, whether or not there are comments yet: a bad value warns at once.
    this.#depth = this.#maxDepth();
    this.#newestFirst = this.#newest();
    // Comments passed in by the page are the thread: shown as they are, on the server too.
    if (changed.has('pageComments' as keyof LedeComments) && this.pageComments) {
      this.#comments = this.pageComments;
      this.#status = 'ready';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.pageComments) {
      if (changed.has('pageComments' as keyof LedeComments)) this.#loaded();
    } else if (SOURCE.some((name) => changed.has(name as keyof LedeComments)) || !this.#started) {
      this.#started = true;
      // Out of this update, as Lit advises (https://lit.dev/msg/change-in-update).
      queueMicrotask(() => void this.#load());
    }
    // Relative dates ("il y a 5 minutes") move on every minute while the thread is shown.
    watchRelative(this, this.isConnected && this.#status === 'ready' && this.#comments.length > 0);
  }

  /** Loads the list; shows the error state when it cannot. */
  async #load(): Promise<void> {
    const load = ++this.#loading;
    const src = safeUrl(this.src);
    this.#status = 'loading';
    this.requestUpdate();
    let comments: Comment[] | undefined;
    if (!src) this.ignore('src', this.src, ': the comments cannot be loaded');
    else {
      try {
        comments = await loadComments(src, documentUrl(), this.#protocol(), `${this.postId ?? ''}`);
      } catch {
        // A network failure, an HTTP error or an answer that is not a list: the error state says so.
      }
    }
    if (load !== this.#loading) return;
    // The comments this reader sent stay, those held for moderation at least (a published one is in the list now).
    const sent = this.#comments.filter(
      (comment) => comment.pending && !comments?.some((each) => each.id === comment.id),
    );
    this.#comments = comments ? [...comments, ...sent] : sent;
    this.#status = comments ? 'ready' : 'error';
    this.requestUpdate();
    if (comments) this.#loaded();
  }

  #loaded(): void {
    const event = new LedeCommentsLoadEvent(this.count ?? 0);
    // Through a variable: the manifest takes the event from the JSDoc's @fires, once, not from this call.
    this.dispatchEvent(event);
  }

  async #retry(): Promise<void> {
    await this.#load();
    // The retry button is gone: the heading, which now says what happened, takes the focus.
    this.renderRoot.querySelector<HTMLElement>('[part=heading]')?.focus();
  }

  /** Renders, then focuses the element matching `selector` in this element's shadow root. */
  async #focus(selector: string): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #openReply(id: string): Promise<void> {
    this.#replyingTo = id;
    this.requestUpdate();
    await this.updateComplete;
    const form = this.renderRoot.querySelector<LedeCommentForm>('[part=reply-form] lede-comment-form');
    await form?.updateComplete;
    // The first field still to fill (name and email may be remembered, the text restored from a draft), else the text.
    const fields = [
      ...(form?.shadowRoot?.querySelectorAll<HTMLInputElement>('input[id]:not([type=checkbox]), textarea') ?? []),
    ];
    (fields.find((field) => !field.value && !field.disabled) ?? form?.shadowRoot?.querySelector('textarea'))?.focus();
  }

  #closeReply(): Promise<void> {
    const id = this.#replyingTo;
    this.#replyingTo = '';
    return this.#focus(`#comment-${CSS.escape(id)} [part=reply]`);
  }

  #keepPayload(event: LedeCommentSubmitEvent): void {
    if (event.target) this.#submitted.set(event.target, event.payload);
  }

  /** A form's comment was accepted: it is shown at its place, marked when held, and that form is made ready again. */
  #sent(event: LedeCommentSentEvent): void {
    const payload = event.target && this.#submitted.get(event.target);
    if (!payload) return;
    const id = sentId(event.answer) ?? `sent-${++this.#pendingIds}`;
    const comment: Comment = {
      id,
      parent: payload.parent ?? '',
      name: payload.name,
      url: safeUrl(payload.url) ? payload.url : '',
      created: new Date().toISOString(),
      paragraphs: textParagraphs(payload.content),
      pending: event.status === 'pending' || undefined,
    };
    this.#comments = [...this.#comments.filter((each) => each.id !== id), comment];
    this.#sentIds.add(id);
    if (payload.parent) this.#replyingTo = '';
    else this.#formKey++;
    void this.#focus(`#comment-${CSS.escape(id)}`);
  }

  override render(): TemplateResult {
    const l = this.localize;
    const status = this.#status;
    const thread = buildThread(this.#comments, this.#newestFirst);
    const count = this.count;
    const heading =
      status !== 'ready' ? l.t('commentsTitle') : count ? l.plural('commentCount', count) : l.t('noComments');
    // The reader's own comments are shown even beyond the first pages.
    const shown = thread.filter((item, index) => index < this.#shown || this.#sentIds.has(item.comment.id));
    const protocol = this.#protocol();
    return html`<section part="base" aria-labelledby="heading" @lede-comment-submit=${this.#keepPayload} @lede-comment-sent=${this.#sent}>
      <h2 part="heading" id="heading" tabindex="-1">${heading}</h2>
      ${status === 'loading' ? html`<p part="status" role="status">${l.t('commentsLoading')}</p>` : nothing}
      ${
        status === 'error'
          ? html`<p part="error" role="alert">${l.t('commentsFailed')}</p>
            <button part="retry" @click=${this.#retry}>${l.t('retry')}</button>`
          : nothing
      }
      ${shown.length ? this.#list(shown, 1) : nothing}
      ${
        shown.length < thread.length
          ? html`<button part="more" @click=${this.#more}>${l.t('moreComments')}</button>`
          : nothing
      }
      ${keyed(this.#formKey, this.#form('form', '', protocol))}
    </section>`;
  }

  /** Shows the next top-level comments, and moves the focus to the first of them. */
  #more(): Promise<void> {
    const first = buildThread(this.#comments, this.#newestFirst)[this.#shown]?.comment.id ?? '';
    this.#shown += SHOWN_AT_ONCE;
    return this.#focus(`#comment-${CSS.escape(first)}`);
  }

  /** A list of comments at `depth`; at the deepest level, replies of replies are listed beside them. */
  #list(items: ThreadItem[], depth: number): TemplateResult {
    const deepest = depth >= this.#depth;
    const flat = (item: ThreadItem): ThreadItem[] => [item, ...item.replies.flatMap(flat)];
    const listed = deepest ? items.flatMap(flat) : items;
    return html`<ol part="thread">
      ${listed.map(
        (item) => html`<li>
          ${this.#comment(item.comment)}
          ${item.replies.length && !deepest ? this.#list(item.replies, depth + 1) : nothing}
        </li>`,
      )}
    </ol>`;
  }

  #comment(comment: Comment): TemplateResult {
    const l = this.localize;
    const name = comment.name || l.t('anonymous');
    const open = this.#replyingTo === comment.id;
    return html`<article part="comment" id="comment-${comment.id}" tabindex="-1" aria-labelledby="author-${comment.id}">
      <p class="meta">
        <span part="author" id="author-${comment.id}"
          >${comment.url ? html`<a href=${comment.url} rel="nofollow ugc noopener">${name}</a>` : name}</span
        >
        ${this.#time(comment.created)}
        ${comment.pending ? html`<span part="pending">${l.t('awaitingModeration')}</span>` : nothing}
      </p>
      <div part="content">${comment.paragraphs.map((paragraph) => this.#paragraph(paragraph))}</div>
      ${
        open
          ? html`<div part="reply-form" @keydown=${this.#escape}>
            ${this.#form('', comment.id, this.#protocol(), l.t('replyTo', { name }))}
            <button part="cancel" @click=${this.#closeReply}>${l.t('cancel')}</button>
          </div>`
          : html`<button part="reply" @click=${() => this.#openReply(comment.id)}>${l.t('reply')}</button>`
      }
    </article>`;
  }

  /** Escape in a reply form closes it, as the cancel button does. */
  #escape(event: KeyboardEvent): void {
    if (event.key === 'Escape') void this.#closeReply();
  }

  #paragraph(paragraph: Paragraph): TemplateResult {
    return html`<p>${paragraph.map((run) =>
      run.href ? html`<a href=${run.href} rel="nofollow ugc noopener">${run.text}</a>` : run.text,
    )}</p>`;
  }

  /** "il y a 5 minutes" within 30 days (the absolute date as its title), then "27 novembre 2019". */
  #time(created: string): TemplateResult | typeof nothing {
    const when = created ? parseDate(created) : undefined;
    if (!when) return nothing;
    const l = this.localize;
    const day = l.date(when.date, dateOptions('long', when));
    const parts = relativeParts(when, Date.now());
    return html`<time part="date" datetime=${when.iso} title=${parts ? day : nothing}>${parts ? l.relative(...parts) : day}</time>`;
  }

  /** The article's form (`part="form"`), or a reply's form headed "Répondre à Anne". */
  #form(part: string, parent: string, protocol: Protocol, heading?: string): TemplateResult {
    return html`<lede-comment-form
      part=${part || nothing}
      action=${this.action || (protocol === 'json' ? this.src : '')}
      protocol=${protocol}
      post-id=${this.postId}
      parent-id=${parent || nothing}
      ?remember=${this.remember}
      ?no-website=${this.noWebsite}
      require-email=${this.requireEmail ? nothing : 'false'}
      max-length=${this.maxLength ?? nothing}
      lang=${this.localize.lang}
      >${heading ? html`<h3 slot="heading">${heading}</h3>` : nothing}</lede-comment-form
    >`;
  }
}
