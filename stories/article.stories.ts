import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { dateStyles } from '../src/article-header/dates.js';
import article from '../test/fixtures/article-fr.json';
import { fakeAction, withFakeCommentServer } from './fake-comment-server.js';
import { attr, languages } from './support.js';

/** The two figures of the reference article, in order, with the demo page's images. */
const images = [
  { src: 'images/telegram.svg', priority: true },
  { src: 'images/rocketchat.svg', priority: false },
];

/** "Commentaires" is the page's own heading, not an element's: the page translates it, as demo.js does. */
const commentsHeading: Record<string, string> = {
  fr: 'Commentaires',
  en: 'Comments',
  de: 'Kommentare',
  es: 'Comentarios',
  it: 'Commenti',
  pt: 'Comentários',
  nl: 'Reacties',
  ar: 'التعليقات',
};

function body(zoomable: boolean) {
  let figure = 0;
  return article.blocks.map((block) => {
    if (block.type === 'heading' && 'text' in block) return html`<h2>${block.text}</h2>`;
    if ('text' in block) return html`<p>${block.text}</p>`;
    const { src, priority } = images[figure++];
    return html`<lede-figure credit=${block.credit} caption=${block.caption} ?zoomable=${zoomable} ?priority=${priority}>
      <img src=${src} alt=${block.alt ?? ''} width="976" height="549" />
    </lede-figure>`;
  });
}

const page = { table: { category: 'page' } };
const header = { table: { category: '<lede-article-header>' } };

const meta: Meta = {
  title: 'Reference article',
  // The page's language and colour scheme (empty: the toolbar's), and what a theme would change in an article.
  args: {
    lang: '',
    scheme: '',
    site: article.site,
    published: article.published,
    updated: '',
    author: '',
    'date-style': 'long',
    zoomable: true,
    remember: true,
  },
  argTypes: {
    lang: {
      description: 'Language of the page (`<html lang dir>`), as the toolbar sets it; empty: the toolbar’s.',
      control: 'select',
      options: ['', ...languages.map((l) => l.code)],
      ...page,
    },
    scheme: {
      description: 'Colour scheme of the page (`color-scheme`); empty: the toolbar’s.',
      control: 'inline-radio',
      options: ['', 'light', 'dark'],
      ...page,
    },
    site: { description: 'The site name above the headline.', control: 'text', ...header },
    published: { description: 'Publication date, ISO 8601.', control: 'text', ...header },
    updated: { description: 'Update date, ISO 8601 (shown when a later day).', control: 'text', ...header },
    author: { description: 'Authors, separated by commas.', control: 'text', ...header },
    'date-style': { description: 'How dates are written.', control: 'select', options: [...dateStyles], ...header },
    zoomable: {
      description: 'The figures open in a zoom dialog.',
      control: 'boolean',
      table: { category: '<lede-figure>' },
    },
    remember: {
      description: 'The comment form offers to remember the reader.',
      control: 'boolean',
      table: { category: '<lede-comment-form>' },
    },
  },
  beforeEach: withFakeCommentServer,
};
export default meta;

/**
 * The whole reference article (`test/fixtures/article-fr.json`, a copy of the shared seed) with all four elements,
 * as the demo page shows it: the header measures the reading time from the article body, the figures zoom, and
 * the comment form posts to the stories' fake comment server (nothing is sent).
 */
export const ReferenceArticle: StoryObj = {
  parameters: { layout: 'fullscreen' },
  render: (a, { globals }) => {
    // Applied where the toolbar applies them (the preview's decorator, which has run): on <html>, as a page would.
    const root = document.documentElement;
    const lang = String(a.lang || globals.lang || 'fr');
    if (a.lang) {
      root.lang = lang;
      root.dir = languages.find((l) => l.code === lang)?.dir ?? 'ltr';
    }
    if (a.scheme) root.style.colorScheme = String(a.scheme);
    return html`<main class="lede-story-article">
      <article id="article">
        <lede-article-header
          site=${attr(a.site)}
          site-href="/"
          published=${attr(a.published)}
          updated=${attr(a.updated)}
          author=${attr(a.author)}
          date-style=${attr(a['date-style'])}
          reading-time-for="article-body"
          structured-data
        >
          <h1>${article.title}</h1>
        </lede-article-header>
        <div id="article-body">${body(!!a.zoomable)}</div>
      </article>
      <section class="comments" aria-labelledby="comments-title">
        <h2 id="comments-title">${commentsHeading[lang] ?? commentsHeading.fr}</h2>
        <p class="lede-story-note">Story note: the form below posts to a fake comment server in this browser; nothing is sent.</p>
        <lede-comment-form action=${fakeAction('pending')} post-id="europol-telegram" ?remember=${a.remember}></lede-comment-form>
      </section>
    </main>`;
  },
};
