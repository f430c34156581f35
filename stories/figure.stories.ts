import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { attr, inShadow, until } from './support.js';

const CAPTION =
  "De nombreux comptes liés au système d'information (à gauche) et ceux des supporters (à droite) ont été supprimés";

const meta: Meta = {
  title: 'Elements/lede-figure',
  component: 'lede-figure',
  tags: ['autodocs'],
  args: {
    src: 'images/telegram.svg',
    alt: 'Page de télégramme affichant les comptes supprimés',
    width: 976,
    height: 549,
    caption: CAPTION,
    credit: 'COMPTES PRO-IS SUR TELEGRAM',
  },
  render: (a) => html`<div class="lede-story-column">
    <lede-figure
      lang=${attr(a.lang)}
      src=${attr(a.src)}
      alt=${attr(a.alt)}
      width=${attr(a.width)}
      height=${attr(a.height)}
      srcset=${attr(a.srcset)}
      sizes=${attr(a.sizes)}
      loading=${attr(a.loading)}
      ?priority=${a.priority}
      caption=${attr(a.caption)}
      credit=${attr(a.credit)}
      credit-href=${attr(a['credit-href'])}
      license=${attr(a.license)}
      credit-position=${attr(a['credit-position'])}
      ?show-labels=${a['show-labels']}
      ?zoomable=${a.zoomable}
      @lede-figure-error=${a.onLedeFigureError}
    ></lede-figure>
  </div>`,
};
export default meta;

type Story = StoryObj;

/** The default: the credit over the image's bottom corner, the caption under it. */
export const CreditOverlay: Story = {};

/** `credit-position="below"`: the credit joins the caption line. */
export const CreditBelow: Story = { args: { 'credit-position': 'below' } };

/** `show-labels`: "Légende" and "Copyright de l'image" are shown, not only read by screen readers. */
export const VisibleLabels: Story = { args: { 'credit-position': 'below', 'show-labels': true } };

/** `credit-href` makes the credit a link; with `license`, the link gets `rel="license"`. */
export const CreditLinkWithLicence: Story = {
  args: { 'credit-href': 'https://example.org/photographer', license: 'https://creativecommons.org/licenses/by/4.0/' },
};

/** The lead image: `priority` loads it eagerly with high fetch priority. Looks the same. */
export const LeadImage: Story = { args: { priority: true } };

/** Image only: no caption and no credit. */
export const ImageOnly: Story = { args: { caption: '', credit: '' } };

/** A light-DOM `<img>` (shown even without JavaScript), with the caption and the credit in their slots. */
export const LightDomImageAndSlots: Story = {
  render: (a) => html`<div class="lede-story-column">
    <lede-figure credit-position=${attr(a['credit-position'])} ?show-labels=${a['show-labels']} ?zoomable=${a.zoomable}>
      <img src="images/rocketchat.svg" alt="" width="976" height="549" />
      <span slot="caption">Un administrateur du service de chat pro-IS sur <em>RocketChat</em> met en garde contre Telegram</span>
      <span slot="credit">EST SUR ROCKETCHAT</span>
    </lede-figure>
  </div>`,
};

/** `zoomable`: a button over the image opens it full size. */
export const Zoomable: Story = { args: { zoomable: true } };

/** The zoom dialog open (the story clicks the zoom button). Escape or a click outside closes it. */
export const ZoomOpen: Story = {
  args: { zoomable: true },
  play: async ({ canvasElement }) => {
    const button = await until(() => inShadow(canvasElement, 'lede-figure', 'button.zoom'), 'the zoom button');
    button.click();
    await until(() => inShadow<HTMLDialogElement>(canvasElement, 'lede-figure', 'dialog')?.open, 'the dialog to open');
  },
};

/**
 * The image fails to load (here a file that is not an image): the reserved box, "Image indisponible", the alt
 * text, caption and credit remain, and `lede-figure-error` fires (see the Actions panel).
 */
export const BrokenImage: Story = {
  args: { src: 'story-assets/broken-image.jpg' },
  play: async ({ canvasElement }) => {
    await until(() => inShadow(canvasElement, 'lede-figure', '.unavailable'), 'the broken state');
  },
};

/** No image at all (no `src`, no `<img>`): the same unavailable state, with a console warning. */
export const NoImage: Story = { args: { src: '', width: 976, height: 549 } };
