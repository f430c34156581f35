// First: lets a second copy of Lede (another plugin's) reuse Lit's Trusted Types policy instead of failing.
import './shared/lit-policy.js';
export { registerTranslation } from './shared/translation.js';
export type { Translation, Plural } from './shared/translation.js';
export * from './article-header/define.js';
export * from './figure/define.js';
export * from './reading-time/define.js';
export * from './comment-form/define.js';
export * from './comments/define.js';
