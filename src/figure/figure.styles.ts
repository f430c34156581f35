import { css } from 'lit';
import { base } from '../shared/styles.js';

export const styles = css`
  ${base}

  :host {
    display: block;
    --_overlay: var(--lede-figure-overlay-background, rgb(0 0 0 / 0.75));
    --_on-overlay: var(--lede-figure-overlay-color, #fff);
  }

  figure {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    margin: 0;
  }

  .frame {
    grid-area: 1 / 1;
    position: relative;
  }

  img,
  ::slotted(img),
  ::slotted(picture) {
    display: block;
    max-width: 100%;
    height: auto;
  }

  .broken {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }

  .unavailable {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
  }

  /* The figcaption also spans the image's row (a subgrid), so the credit can sit over the image while it stays
     in the figcaption, read once with the image. */
  figcaption {
    grid-area: 1 / 1 / 3;
    position: relative;
    display: grid;
    grid-template-rows: subgrid;
    pointer-events: none;
    font-family: var(--lede-figure-caption-font, inherit);
    font-size: var(--lede-figure-caption-size, 0.875em);
    color: var(--lede-figure-caption-color, var(--_muted));
  }

  figcaption > * {
    pointer-events: auto;
  }

  .caption {
    grid-row: 2;
    margin-top: 0.5em;
  }

  .credit,
  .zoom::after {
    grid-row: 1;
    place-self: end;
    padding: 0 0.5em;
    background: var(--_overlay);
    color: var(--_on-overlay);
  }

  [hidden] {
    display: none !important;
  }

  a {
    color: inherit;
  }

  :host([credit-position='below']) figcaption {
    grid-area: 2 / 1;
    display: block;
    margin-top: 0.5em;
  }

  :host([credit-position='below']) figcaption * {
    margin: 0;
    padding: 0;
    background: none;
    color: inherit;
  }

  :host(:not([show-labels])) .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .zoom {
    position: absolute;
    inset: 0;
    width: 100%;
    border: 0;
    background: none;
    cursor: zoom-in;
  }

  .zoom::after {
    content: '⤢';
    position: absolute;
    top: 0;
    inset-inline-end: 0;
    font-size: 1.5em;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.8);
  }

  dialog img {
    max-height: 80vh;
  }

  form {
    text-align: end;
  }
`;
