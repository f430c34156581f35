import { unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/**
 * Lit's `css` tag without its run-time checks, which cost bytes in dist/lede.js: every style and interpolation
 * here is our own literal text, never reader or page input.
 */
export const css = (strings: TemplateStringsArray, ...values: unknown[]): CSSResult =>
  unsafeCSS(String.raw(strings, ...values));

/**
 * Base styles every element shares. The `--lede-*` tokens default to the page's own typography and colours;
 * `light-dark()` follows the `color-scheme` the page uses, so a dark page (or `color-scheme: light dark` with a
 * dark system preference) gets the dark palette, and a light page keeps the light one.
 */
export const base = css`
  :host {
    /* Without the token, the declaration is invalid at computed-value time: the value is inherited. */
    font-family: var(--lede-font);
    color: var(--lede-color-text);
    --_muted: var(--lede-color-muted, light-dark(#595959, #b3b3b3));
    --_accent: var(--lede-color-accent, light-dark(#b80000, #ff8a80));
    --_surface: var(--lede-color-surface, light-dark(#fff, #1b1b1b));
    --_border: var(--lede-color-border, light-dark(#767676, #8c8c8c));
    --_danger: var(--lede-color-danger, light-dark(#b00020, #ff8a80));
    --_space: var(--lede-space, 1rem);
    --_radius: var(--lede-radius, 4px);
    --_focus: var(--lede-focus-ring, 2px solid var(--_accent));
    /* Space above and below a block element (an inline <lede-reading-time> ignores it). Page CSS on the element
       wins over :host, so "lede-figure { margin: 0 }" still works; it collapses with the page's paragraphs. */
    margin-block: var(--_space);
  }

  :host([hidden]) {
    display: none !important;
  }

  /* A page reserves an element's space before it upgrades with :not(:defined)::before/::after placeholders
     (README, "No layout shift"). A server-rendered element already shows its shadow root: none for it. */
  :host(:not(:defined))::before,
  :host(:not(:defined))::after {
    content: none !important;
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  /* Only on spans of text, which have no padding or border of their own. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
