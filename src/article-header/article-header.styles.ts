import { css } from 'lit';
import { base } from '../shared/styles.js';

export const styles = css`
  ${base}

  :host {
    display: block;
  }

  header {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }

  p,
  :is(h1, h2, h3, h4, h5, h6),
  ::slotted(:is(h1, h2, h3, h4, h5, h6, p)) {
    margin: 0;
  }

  a {
    color: inherit;
  }

  /* The kicker: small, spaced capitals in the accent colour. */
  [part='site'] {
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--_accent);
  }

  [part='site'] a:not(:hover) {
    text-decoration: none;
  }

  ::slotted([slot='standfirst']) {
    font-size: 1.125em;
  }

  [part='byline'],
  [part='meta'] {
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* A separator before every shown item that follows another: a hidden <lede-reading-time> takes its own away. */
  [part='meta'] > * + *::before {
    content: var(--lede-meta-separator, ' - ');
  }

  [part='meta']:not(:has(> :not([hidden]))) {
    display: none;
  }
`;
