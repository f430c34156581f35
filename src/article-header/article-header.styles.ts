import { base, css } from '../shared/styles.js';

export const styles = css`
  ${base}

  :host {
    display: block;
  }

  header {
    display: grid;
    gap: .5em;
  }

  /* The light-DOM headline and standfirst, and the shadow paragraphs and heading: spaced by the gap only. */
  *,
  ::slotted(*) {
    margin: 0;
  }

  a {
    color: inherit;
  }

  /* The kicker: small, spaced capitals in the accent colour. */
  [part=site] {
    font-size: .8em;
    font-weight: 700;
    letter-spacing: .05em;
    text-transform: uppercase;
    color: var(--_accent);
  }

  [part=site] a:not(:hover) {
    text-decoration: none;
  }

  ::slotted([slot=standfirst]) {
    font-size: 1.125em;
  }

  [part=byline],
  [part=meta] {
    font-size: .875em;
    color: var(--_muted);
  }

  /* A separator before every shown item that follows another: a hidden <lede-reading-time> takes its own away. */
  [part=meta]>*+*::before {
    content: var(--lede-meta-separator, ' - ');
  }

  [part=meta]:not(:has(>:not([hidden]))) {
    display: none;
  }
`;
