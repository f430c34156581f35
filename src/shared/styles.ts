import { css } from 'lit';

/**
 * Base styles every element shares. The `--lede-*` tokens default to the page's own typography and colours;
 * `light-dark()` follows the `color-scheme` the page uses, so a dark page (or `color-scheme: light dark` with a
 * dark system preference) gets the dark palette, and a light page keeps the light one.
 */
export const base = css`
  :host {
    font-family: var(--lede-font, inherit);
    color: var(--lede-color-text, inherit);
    --_muted: var(--lede-color-muted, light-dark(#595959, #b3b3b3));
    --_accent: var(--lede-color-accent, light-dark(#b80000, #ff8a80));
    --_surface: var(--lede-color-surface, light-dark(#ffffff, #1b1b1b));
    --_border: var(--lede-color-border, light-dark(#767676, #8c8c8c));
    --_danger: var(--lede-color-danger, light-dark(#b00020, #ff8a80));
    --_space: var(--lede-space, 1rem);
    --_radius: var(--lede-radius, 4px);
    --_focus: var(--lede-focus-ring, 2px solid var(--_accent));
  }

  :host([hidden]) {
    display: none !important;
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
