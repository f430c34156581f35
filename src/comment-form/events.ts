import type { CommentPayload, FailReason } from './transport.js';

/** Every comment event bubbles and crosses shadow roots, so a page can listen on `document`. */
class CommentEvent extends Event {
  constructor(type: string, fields: object, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    Object.assign(this, fields);
  }
}

/** Fired before a comment is sent. Cancel it (`preventDefault()`) to send `payload` some other way. */
export class LedeCommentSubmitEvent extends CommentEvent {
  declare readonly payload: CommentPayload;
  constructor(payload: CommentPayload) {
    super('lede-comment-submit', { payload }, true);
  }
}

/** Fired when the server accepted the comment. */
export class LedeCommentSentEvent extends CommentEvent {
  /** `pending` (awaiting moderation) or `approved` (published). */
  declare readonly status: 'pending' | 'approved';
  /** What the server answered: `{ id, status }` for `json`, `{ url }` (where WordPress redirected) for `wordpress`. */
  declare readonly answer: unknown;
  constructor(status: 'pending' | 'approved', answer: unknown) {
    super('lede-comment-sent', { status, answer });
  }
}

/** Fired when a comment could not be sent; the reader's text stays in the form. */
export class LedeCommentErrorEvent extends CommentEvent {
  declare readonly reason: FailReason;
  /** HTTP status, or 0 when there was no answer. */
  declare readonly status: number;
  constructor(reason: FailReason, status = 0) {
    super('lede-comment-error', { reason, status });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-comment-submit': LedeCommentSubmitEvent;
    'lede-comment-sent': LedeCommentSentEvent;
    'lede-comment-error': LedeCommentErrorEvent;
  }
}
