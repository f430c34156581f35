import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { define } from '../shared/define.js';
import { LedeElement } from '../shared/element.js';

/**
 * @summary Work in progress.
 * @slot - Content.
 */
export class LedeCommentForm extends LedeElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

define('lede-comment-form', LedeCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comment-form': LedeCommentForm;
  }
}
