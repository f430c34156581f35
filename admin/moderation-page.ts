import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { approveComment, deleteComment, listComments } from './api.js';
import type { AdminComment, Failure, Status } from './api.js';
import styles from './moderation-page.styles.js';
import { MESSAGES, pickLanguage } from './translations.js';
import type { Language, Messages } from './translations.js';

/** How many approved comments the page shows, the most recent first: enough to undo a wrong approval. */
export const APPROVED_SHOWN = 50;

/** Where the token is kept: sessionStorage, so it lasts as long as the tab and is never shared with another one. */
export const TOKEN_KEY = 'lede-admin-token';

type Phase = 'signed-out' | 'signing-in' | 'loading' | 'ready' | 'load-failed';
type Action = 'approve' | 'delete';

/** After an action removed a row: the row now at that place in that list gets the focus (or the list's heading). */
interface FocusRequest {
  list: Status;
  index: number;
}

/**
 * The site owner's moderation page for the reference server: sign in with LEDE_ADMIN_TOKEN, then the comments
 * awaiting moderation (Approve, Delete) and the approved ones (Delete). Served at /admin/ only, never part of the
 * public bundle. Everything a reader wrote is rendered as text.
 */
export class ModerationPage extends LitElement {
  static override styles = styles;
  static override properties = {
    language: { state: true },
    phase: { state: true },
    error: { state: true },
    announcement: { state: true },
    comments: { state: true },
    busy: { state: true },
  };

  /** The page's language, French or English (not the element's `lang`: this one is the whole page's). */
  private language: Language = 'en';
  private phase: Phase = 'signed-out';
  /** Why signing in failed, shown under the token field. */
  private error = '';
  /** The outcome of the last action, in a live region. */
  private announcement = '';
  private comments: Record<Status, AdminComment[]> = { pending: [], approved: [] };
  /** Ids of the comments an action is running on. */
  private busy: ReadonlySet<number> = new Set();
  private token = '';
  private focusRequest: FocusRequest | 'lists' | 'token' | null = null;
  private dateFormat?: { language: Language; format: Intl.DateTimeFormat };

  private get t(): Messages {
    return MESSAGES[this.language];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = pickLanguage(new URL(location.href).searchParams.get('lang'), navigator.languages);
    this.token = readToken();
    if (this.token) void this.load('loading');
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('language')) {
      document.documentElement.lang = this.language;
      document.title = this.t.title;
    }
    const request = this.focusRequest;
    if (!request) return;
    this.focusRequest = null;
    const root = this.renderRoot as ShadowRoot;
    if (request === 'token') return root.querySelector<HTMLInputElement>('#token')?.focus();
    if (request === 'lists') return root.querySelector<HTMLElement>('#pending-heading')?.focus();
    const rows = root.querySelectorAll<HTMLElement>(`[data-list="${request.list}"] > li`);
    const row = rows[Math.min(request.index, rows.length - 1)];
    const target =
      row?.querySelector<HTMLElement>('button') ?? root.querySelector<HTMLElement>(`#${request.list}-heading`);
    target?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const other: Language = this.language === 'fr' ? 'en' : 'fr';
    const signedIn = this.phase === 'loading' || this.phase === 'ready' || this.phase === 'load-failed';
    return html`
      <header>
        <h1>${t.title}</h1>
        <div class="tools">
          <button type="button" lang=${other} @click=${() => this.switchLanguage(other)}>
            ${MESSAGES[other].languageName}
          </button>
          ${signedIn ? html`<button type="button" @click=${() => this.signOut()}>${t.signOut}</button>` : nothing}
        </div>
      </header>
      <main>${signedIn ? this.renderLists() : this.renderSignIn()}</main>
    `;
  }

  private renderSignIn(): TemplateResult {
    const t = this.t;
    const signingIn = this.phase === 'signing-in';
    return html`
      <form @submit=${(event: SubmitEvent) => this.signIn(event)} aria-describedby="sign-in-intro">
        <p id="sign-in-intro">${t.signInIntro}</p>
        <label for="token">${t.tokenLabel}</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck="false"
          required
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby="sign-in-error"
        />
        <button type="submit" aria-disabled=${signingIn ? 'true' : 'false'}>${signingIn ? t.signingIn : t.signIn}</button>
        <p id="sign-in-error" class="error" role="alert">${this.error}</p>
      </form>
    `;
  }

  private renderLists(): TemplateResult {
    const t = this.t;
    const { pending, approved } = this.comments;
    const body =
      this.phase === 'loading'
        ? html`<p>${t.loading}</p>`
        : this.phase === 'load-failed'
          ? html`<p class="error">${t.loadFailed}</p>
              <button type="button" @click=${() => this.load('loading')}>${t.retry}</button>`
          : html`
              <section aria-labelledby="pending-heading">
                <h2 id="pending-heading" tabindex="-1">${t.pendingHeading(pending.length)}</h2>
                ${this.renderList('pending', pending, t.noPending)}
              </section>
              <section aria-labelledby="approved-heading">
                <h2 id="approved-heading" tabindex="-1">${t.approvedHeading}</h2>
                ${approved.length === APPROVED_SHOWN ? html`<p class="note">${t.approvedShown(APPROVED_SHOWN)}</p>` : nothing}
                ${this.renderList('approved', approved, t.noApproved)}
              </section>
            `;
    return html`<p class="announcement" role="status">${this.announcement}</p>
      ${body}`;
  }

  /** Keyed by id: a row's elements belong to one comment, so a removed comment's button leaves with it. */
  private renderList(list: Status, comments: AdminComment[], empty: string): TemplateResult {
    if (comments.length === 0) return html`<p class="empty">${empty}</p>`;
    return html`<ul data-list=${list}>
      ${repeat(
        comments,
        (comment) => comment.id,
        (comment) => html`<li>${this.renderComment(comment)}</li>`,
      )}
    </ul>`;
  }

  private renderComment(comment: AdminComment): TemplateResult {
    const t = this.t;
    const heading = `comment-${comment.id}`;
    const busy = this.busy.has(comment.id) ? 'true' : 'false';
    const button = (action: Action, label: string) =>
      html`<button type="button" data-action=${action} aria-describedby=${heading} aria-disabled=${busy} @click=${() => this.act(comment, action)}>
        ${label}
      </button>`;
    return html`
      <article aria-labelledby=${heading}>
        <h3 id=${heading}>${comment.name || t.anonymous}</h3>
        <dl>
          <div><dt>${t.post}</dt><dd>${comment.post}${comment.parent === null ? nothing : html` · ${t.reply(comment.parent)}`}</dd></div>
          <div><dt>${t.email}</dt><dd>${comment.email || '—'}</dd></div>
          <div><dt>${t.website}</dt><dd>${comment.url || '—'}</dd></div>
          <div><dt>${t.address}</dt><dd>${comment.address || '—'}</dd></div>
          <div><dt>${t.date}</dt><dd><time datetime=${comment.created}>${this.formatDate(comment.created)}</time></dd></div>
        </dl>
        <p class="content">${comment.content}</p>
        <div class="actions">${comment.status === 'pending' ? button('approve', t.approve) : nothing} ${button('delete', t.delete)}</div>
      </article>
    `;
  }

  private formatDate(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    // One formatter per language, not one per comment and render.
    if (this.dateFormat?.language !== this.language) {
      this.dateFormat = {
        language: this.language,
        format: new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }),
      };
    }
    return this.dateFormat.format.format(date);
  }

  private switchLanguage(lang: Language): void {
    this.language = lang;
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.phase === 'signing-in') return;
    const input = (this.renderRoot as ShadowRoot).querySelector<HTMLInputElement>('#token');
    this.token = input?.value.trim() ?? '';
    if (!this.token) {
      this.error = this.t.wrongToken;
      this.focusRequest = 'token';
      return;
    }
    this.error = '';
    await this.load('signing-in');
  }

  private signOut(): void {
    this.token = '';
    this.comments = { pending: [], approved: [] };
    this.announcement = '';
    writeToken('');
    this.phase = 'signed-out';
    this.focusRequest = 'token';
  }

  /**
   * Loads both lists with the token: the first load signs in; a refused token signs out. `refreshing` (after an
   * action) keeps the lists on screen meanwhile, so the focus has somewhere to stay.
   */
  private async load(phase: 'signing-in' | 'loading' | 'refreshing', focusAfter?: FocusRequest): Promise<boolean> {
    if (phase !== 'refreshing') this.phase = phase;
    const [pending, approved] = await Promise.all([
      listComments(this.token, 'pending'),
      listComments(this.token, 'approved', APPROVED_SHOWN),
    ]);
    const failed = !pending.ok ? pending : !approved.ok ? approved : null;
    if (failed) {
      this.fail(failed, phase);
      return false;
    }
    // Set before the lists change: the update they cause is the one that moves the focus.
    if (phase === 'signing-in') {
      writeToken(this.token);
      this.focusRequest = 'lists';
    } else if (focusAfter) {
      this.focusRequest = focusAfter;
    }
    if (pending.ok && approved.ok) this.comments = { pending: pending.value, approved: approved.value };
    this.phase = 'ready';
    return true;
  }

  private fail(failure: Failure, phase: Phase | 'refreshing'): void {
    const t = this.t;
    if (failure.reason === 'unauthorized' || phase === 'signing-in') {
      // A refused token (or one that could not be checked) is not kept; the sign-in form says why.
      const message =
        failure.reason === 'throttled'
          ? t.throttled(failure.retryAfter)
          : failure.reason === 'unauthorized'
            ? t.wrongToken
            : t.unavailable;
      this.signOut();
      this.error = message;
      return;
    }
    this.phase = 'load-failed';
  }

  private async act(comment: AdminComment, action: Action): Promise<void> {
    if (this.busy.has(comment.id)) return;
    const list = comment.status;
    const index = this.comments[list].findIndex((item) => item.id === comment.id);
    this.busy = new Set([...this.busy, comment.id]);
    const result =
      action === 'approve' ? await approveComment(this.token, comment.id) : await deleteComment(this.token, comment.id);
    this.busy = new Set([...this.busy].filter((id) => id !== comment.id));
    if (!result.ok && result.reason !== 'not-found') {
      if (result.reason === 'unauthorized') {
        this.fail(result, 'ready');
        return;
      }
      this.announcement = this.t.actionFailed;
      return;
    }
    const name = comment.name || this.t.anonymous;
    this.announcement = !result.ok
      ? this.t.gone
      : action === 'approve'
        ? this.t.approvedDone(name)
        : this.t.deletedDone(name);
    await this.load('refreshing', { list, index });
  }
}

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return ''; // storage turned off: sign in on each visit
  }
}

function writeToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage turned off: the token lives in the page only
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'moderation-page': ModerationPage;
  }
}
