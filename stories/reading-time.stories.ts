import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import article from '../test/fixtures/article-fr.json';
import { attr, inShadow, until } from './support.js';

/** The reference article's text: its paragraphs and section headings. */
const text = article.blocks.map((block) =>
  !('text' in block) ? null : block.type === 'heading' ? html`<h2>${block.text}</h2>` : html`<p>${block.text}</p>`,
);

const meta: Meta = {
  title: 'Elements/lede-reading-time',
  component: 'lede-reading-time',
  tags: ['autodocs'],
  args: { for: 'story-text' },
  render: (a) => html`<div class="lede-story-column">
    <p>
      <lede-reading-time
        lang=${attr(a.lang)}
        minutes=${attr(a.minutes)}
        for=${attr(a.for)}
        wpm=${attr(a.wpm)}
        ?range=${a.range}
        ?remaining=${a.remaining}
        @lede-reading-time-change=${a.onLedeReadingTimeChange}
      ></lede-reading-time>
    </p>
    <div id="story-text">${text}</div>
  </div>`,
};
export default meta;

type Story = StoryObj;

/** Measured from the reference article's text (`for="story-text"`, its paragraphs and headings, without the figures). */
export const Computed: Story = {};

/** Given: `minutes="5"` is shown as is, nothing is measured. */
export const Given: Story = { args: { minutes: 5, for: '' } };

/** Given, singular: "1 minute de lecture" / "1 min read". */
export const OneMinute: Story = { args: { minutes: 1, for: '' } };

/** Without `for` or `minutes`, the closest `<article>` is measured. */
export const ClosestArticle: Story = {
  render: (a) => html`<article class="lede-story-column">
    <p><lede-reading-time ?range=${a.range} wpm=${attr(a.wpm)}></lede-reading-time></p>
    ${text.slice(0, 6)}
  </article>`,
};

/** `range`: the spread of reading speeds, "4–5 minutes de lecture", as Firefox's reader view shows it. */
export const Range: Story = { args: { range: true } };

/** `wpm`: a slower reader (120 words a minute) for the same text. */
export const SlowReader: Story = { args: { wpm: 120 } };

/** `remaining`: the time left, updated as the reader scrolls through the text (scroll this story). */
export const Remaining: Story = { args: { remaining: true } };

/** `remaining` at the end of the text: "Lecture terminée" (the story scrolls to the end). */
export const RemainingFinished: Story = {
  args: { remaining: true },
  render: (a) => html`<div class="lede-story-column">
    <p class="lede-story-sticky"><lede-reading-time for="story-text" remaining lang=${attr(a.lang)}></lede-reading-time></p>
    <div id="story-text">${text}</div>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = await until(() => canvasElement.querySelector('lede-reading-time'), 'the element');
    await until(() => el.minutes, 'the measurement');
    scrollTo(0, document.documentElement.scrollHeight);
    await until(
      () => inShadow(canvasElement, 'lede-reading-time', 'time')?.getAttribute('datetime') === 'PT0M',
      'the finished state',
    );
  },
};

/** Nothing to read: the element hides itself rather than say "0 min". (It is below this line, hidden.) */
export const NothingToRead: Story = {
  render: (a) => html`<div class="lede-story-column">
    <p class="lede-story-note">Story note: the element below measures an empty block and shows nothing.</p>
    <p><lede-reading-time for="story-empty" lang=${attr(a.lang)}></lede-reading-time></p>
    <div id="story-empty"></div>
  </div>`,
};
