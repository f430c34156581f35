import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { define } from '../shared/define.js';
import { LedeElement } from '../shared/element.js';

/**
 * @summary Work in progress.
 * @slot - Content.
 */
export class LedeReadingTime extends LedeElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

define('lede-reading-time', LedeReadingTime);

declare global {
  interface HTMLElementTagNameMap {
    'lede-reading-time': LedeReadingTime;
  }
}
