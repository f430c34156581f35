import { base, css } from '../shared/styles.js';

export const styles = css`
  ${base}

  :host {
    display: block;
  }

  figure {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    margin: 0;
  }

  .frame {
    grid-area: 1/1;
    position: relative;
  }

  img,
  ::slotted(img),
  ::slotted(picture) {
    display: block;
    max-width: 100%;
    height: auto;
  }

  .unavailable,
  .zoom {
    position: absolute;
    inset: 0;
  }

  /* Over the reserved box of a broken or missing image. */
  .unavailable {
    display: grid;
    place-items: center;
    background: #8882;
  }

  /* The figcaption also spans the image's row (a subgrid), so the credit can sit over the image while it stays
     in the figcaption, read once with the image. */
  figcaption {
    grid-area: 1/1/3;
    position: relative;
    display: grid;
    grid-template-rows: subgrid;
    pointer-events: none;
    font-family: var(--lede-figure-caption-font); /* inherited when unset */
    font-size: var(--lede-figure-caption-size, .875em);
    color: var(--lede-figure-caption-color, var(--_muted));
  }

  figcaption > * {
    pointer-events: auto;
  }

  .caption {
    grid-row: 2;
    margin-top: .5em;
  }

  .credit,
  .zoom:after {
    grid-row: 1;
    place-self: end;
    padding: 0 .5em;
    background: var(--lede-figure-overlay-background, #000000bf);
    color: var(--lede-figure-overlay-color, #fff);
  }

  [hidden] {
    display: none!important;
  }

  a {
    color: inherit;
  }

  :host([credit-position=below]) figcaption {
    grid-area: 2/1;
    display: block;
    margin-top: .5em;
  }

  :host([credit-position=below]) figcaption * {
    margin: 0;
    padding: 0;
    background: none;
    color: inherit;
  }

  /* In the caption line, a dash tells the credit from the caption (a space alone would run them together). */
  :host([credit-position=below]) .caption:not([hidden]) + .credit::before {
    content: '– ';
  }

  .zoom {
    width: 100%;
    border: 0;
    background: none;
    cursor: zoom-in;
  }

  .zoom:after {
    content: '⤢';
    position: absolute;
    top: 0;
    inset-inline-end: 0;
    font-size: 1.5em;
  }
`;
