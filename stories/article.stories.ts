import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import article from '../test/fixtures/article-fr.json';
import { fakeAction, forgetDrafts, installFakeCommentServer } from './fake-comment-server.js';

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

function body() {
  let figure = 0;
  return article.blocks.map((block) => {
    if (block.type === 'heading' && 'text' in block) return html`<h2>${block.text}</h2>`;
    if ('text' in block) return html`<p>${block.text}</p>`;
    const { src, priority } = images[figure++];
    return html`<lede-figure credit=${block.credit} caption=${block.caption} zoomable ?priority=${priority}>
      <img src=${src} alt=${block.alt ?? ''} width="976" height="549" />
    </lede-figure>`;
  });
}

const meta: Meta = {
  title: 'Reference article',
  // The comment form posts to a fake server in this browser: designers have no server (see the note in the story).
  beforeEach: () => {
    forgetDrafts();
    const uninstall = installFakeCommentServer();
    return () => (uninstall(), forgetDrafts());
  },
};
export default meta;

/**
 * The whole reference article (`test/fixtures/article-fr.json`, a copy of the shared seed) with all four elements,
 * as the demo page shows it: the header measures the reading time from the article body, the figures zoom, and
 * the comment form posts to the stories' fake comment server (nothing is sent).
 */
export const ReferenceArticle: StoryObj = {
  parameters: { layout: 'fullscreen' },
  render: (_args, { globals }) => html`<main class="lede-story-article">
    <article id="article">
      <lede-article-header site=${article.site} site-href="/" published=${article.published} reading-time-for="article-body" structured-data>
        <h1>${article.title}</h1>
      </lede-article-header>
      <div id="article-body">${body()}</div>
    </article>
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">${commentsHeading[globals.lang] ?? commentsHeading.fr}</h2>
      <p class="lede-story-note">Story note: the form below posts to a fake comment server in this browser; nothing is sent.</p>
      <lede-comment-form action=${fakeAction('pending')} post-id="europol-telegram" remember></lede-comment-form>
    </section>
  </main>`,
};
