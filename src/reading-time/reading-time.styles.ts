import { base, css } from '../shared/styles.js';

export const styles = css`
  ${base}

  :host {
    display: inline;
    font-variant-numeric: tabular-nums;
  }
`;
