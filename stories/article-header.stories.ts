import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { dateStyles } from '../src/article-header/dates.js';
import article from '../test/fixtures/article-fr.json';
import { attr, sampleText } from './support.js';

/** An ISO date-time `days` before now, for the relative dates. */
const ago = (days: number) => new Date(Date.now() - days * 86400000).toISOString();

const meta: Meta = {
  title: 'Elements/lede-article-header',
  component: 'lede-article-header',
  tags: ['autodocs'],
  args: { site: article.site, 'site-href': '/', published: article.published, 'reading-time': 5, h1: article.title },
  argTypes: {
    'date-style': { control: 'select', options: [...dateStyles] },
    h1: {
      description: 'Story only: the text of the light-DOM `<h1>` (empty: none, `headline` is used).',
      table: { category: 'story' },
    },
  },
  render: (a) => html`<div class="lede-story-column">
    <lede-article-header
      lang=${attr(a.lang)}
      headline=${attr(a.headline)}
      heading-level=${attr(a['heading-level'])}
      site=${attr(a.site)}
      site-href=${attr(a['site-href'])}
      published=${attr(a.published)}
      updated=${attr(a.updated)}
      date-style=${attr(a['date-style'])}
      time-zone=${attr(a['time-zone'])}
      author=${attr(a.author)}
      author-href=${attr(a['author-href'])}
      reading-time=${attr(a['reading-time'])}
      reading-time-minutes=${attr(a['reading-time-minutes'])}
      reading-time-for=${attr(a['reading-time-for'])}
      ?structured-data=${a['structured-data']}
      @lede-reading-time-change=${a.onLedeReadingTimeChange}
      >${a.h1 ? html`<h1>${a.h1}</h1>` : nothing}${a.standfirst ? html`<p slot="standfirst">${a.standfirst}</p>` : nothing}${
        a.byline ? html`<span slot="byline">${a.byline}</span>` : nothing
      }</lede-article-header
    >
    ${a['reading-time-for'] ? html`<div id=${a['reading-time-for']}>${sampleText.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
  </div>`,
};
export default meta;

type Story = StoryObj;

/** The reference: "Serveur d'impression" / the headline / "Le 27 novembre 2019 - 5 minutes de lecture". */
export const Reference: Story = { args: { 'structured-data': true } };

/** The first of the month takes the French ordinal: "Le 1er mars 2020". */
export const FirstOfMonth: Story = { args: { published: '2020-03-01' } };

/** Updated on a later day: "Mis à jour le …" follows the publication date. */
export const Updated: Story = { args: { updated: '2019-11-29T10:30:00+01:00' } };

/** Without an update date (or with one on the same day): only the publication date. */
export const NotUpdated: Story = { args: { updated: '2019-11-27T18:00:00+01:00' } };

/** `date-style="relative"`: "Il y a 3 jours", and "Mis à jour il y a 2 heures"; the full date stays for assistive technology. */
export const RelativeDates: Story = { args: { 'date-style': 'relative', published: ago(3), updated: ago(2 / 24) } };

/** Relative, but older than 30 days: back to the absolute date. */
export const RelativeOlderThan30Days: Story = { args: { 'date-style': 'relative', published: ago(45) } };

/** The other date styles: `full` (with the weekday); try `medium` and `short` in the controls. */
export const FullDate: Story = { args: { 'date-style': 'full', published: '2019-11-27T09:00:00+01:00' } };

/** `time-zone`: 23:30 UTC on 27 November is already 28 November in Auckland. */
export const TimeZone: Story = { args: { published: '2019-11-27T23:30:00Z', 'time-zone': 'Pacific/Auckland' } };

/** One author, linked: "Par Anne Dupont". */
export const Author: Story = {
  args: { author: 'Anne Dupont', 'author-href': 'https://example.org/auteurs/anne-dupont' },
};

/** Several authors, joined as the language joins a list: "Par Anne Dupont, Paul Martin et Marie Leroy". */
export const SeveralAuthors: Story = { args: { author: 'Anne Dupont, Paul Martin, Marie Leroy' } };

/** The `byline` and `standfirst` slots: a rich byline, and the lead paragraph under the headline. */
export const StandfirstAndByline: Story = {
  args: { byline: 'Par la rédaction de BBC Monitoring', standfirst: sampleText[0] },
};

/** No light-DOM heading: the `headline` attribute is rendered, at `heading-level` 2. */
export const HeadlineAttribute: Story = { args: { h1: '', headline: article.title, 'heading-level': 2 } };

/** `reading-time-for`: the reading time is measured from the text below (through `<lede-reading-time>`). */
export const MeasuredReadingTime: Story = { args: { 'reading-time': undefined, 'reading-time-for': 'story-text' } };

/** No reading time and no date: the meta line is left out. */
export const HeadlineOnly: Story = { args: { published: '', 'reading-time': undefined } };
