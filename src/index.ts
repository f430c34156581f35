export { registerTranslation } from './shared/translation.js';
export type { Translation, Plural } from './shared/translation.js';
export * from './article-header/article-header.js';
export * from './figure/figure.js';
export * from './reading-time/reading-time.js';
export * from './comment-form/comment-form.js';
