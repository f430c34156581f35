// First: lets a second copy of Lede (another plugin's) reuse Lit's Trusted Types policy instead of failing.
import './shared/lit-policy.js';
export { registerTranslation } from './shared/translation.js';
export type { Translation, Plural } from './shared/translation.js';
export * from './article-header/article-header.js';
export * from './figure/figure.js';
export * from './reading-time/reading-time.js';
export * from './comment-form/comment-form.js';
