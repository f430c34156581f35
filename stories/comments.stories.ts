import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LedeComments } from '../src/comments/comments.js';
import type { LedeCommentForm } from '../src/comment-form/comment-form.js';
import { fakeAction, withFakeCommentServer } from './fake-comment-server.js';
import { attr, fill, until } from './support.js';

/** A comment of the reference server's list (`{ id, parent, name, url, content, created }`). */
interface Listed {
  id: number;
  parent: number | null;
  name: string;
  url: string | null;
  content: string;
  created: string;
}

/** An ISO date-time `minutes` before now, for relative dates. */
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const THREAD: Listed[] = [
  {
    id: 1,
    parent: null,
    name: 'Anne Dupont',
    url: 'https://example.org/anne',
    content:
      "Merci pour cet article très clair.\n\nOn aimerait savoir combien de canaux ont réapparu depuis l'opération.",
    created: '2019-11-27T10:12:00Z',
  },
  {
    id: 2,
    parent: 1,
    name: 'Paul Martin',
    url: null,
    content: 'Europol parle de quelques dizaines, sans chiffre précis.',
    created: ago(3 * 24 * 60),
  },
  { id: 3, parent: 2, name: 'Anne Dupont', url: 'https://example.org/anne', content: 'Merci Paul.', created: ago(90) },
  {
    id: 4,
    parent: null,
    name: 'Marie',
    url: null,
    content: 'La plate-forme a-t-elle réagi ?\nAucune déclaration trouvée.',
    created: ago(5),
  },
];

const MANY: Listed[] = Array.from({ length: 60 }, (_, i) => ({
  id: 100 + i,
  parent: null,
  name: `Lecteur ${i + 1}`,
  url: null,
  content: `Commentaire numéro ${i + 1}.`,
  created: new Date(Date.UTC(2019, 10, 27, 10, i)).toISOString(),
}));

/** The `<script type="application/json">` child a page (or server-side rendering) passes the comments in. */
function pageList(comments: Listed[]): HTMLScriptElement {
  return Object.assign(document.createElement('script'), {
    type: 'application/json',
    textContent: JSON.stringify(comments),
  });
}

/** The element of the story, once its list is shown (or has failed). */
async function commentsIn(canvas: HTMLElement): Promise<LedeComments> {
  const el = await until(() => canvas.querySelector('lede-comments'), 'the element');
  await until(() => el.hasUpdated && !el.shadowRoot!.querySelector('[part=status]'), 'the list');
  return el;
}

/** Sends a comment from `form` as a reader would (the spam time-trap off: a story types at once). */
async function send(form: LedeCommentForm): Promise<void> {
  form.minTime = 0;
  await fill(form, {
    name: 'Camille Martin',
    email: 'camille@example.org',
    content: 'Et les chaînes de secours, ont-elles tenu ?',
  });
  form.shadowRoot!.querySelector('form')!.requestSubmit();
}

const meta: Meta = {
  title: 'Elements/lede-comments',
  component: 'lede-comments',
  tags: ['autodocs'],
  args: { action: fakeAction('pending'), 'post-id': 'europol-telegram', comments: THREAD },
  argTypes: {
    protocol: { control: 'radio', options: ['json', 'wordpress'] },
    order: { control: 'radio', options: ['oldest', 'newest'] },
    comments: {
      description:
        'Story only: the comments passed in a `<script type="application/json">` child (none: fetched from `src`).',
      table: { category: 'story' },
    },
  },
  beforeEach: withFakeCommentServer,
  render: (a) => html`<div class="lede-story-column">
    <p class="lede-story-note">
      Stories only: the comments are passed in the page, or fetched from a fake server in this browser; nothing is sent.
    </p>
    <lede-comments
      lang=${attr(a.lang)}
      src=${attr(a.src)}
      action=${attr(a.action)}
      post-id=${attr(a['post-id'])}
      protocol=${attr(a.protocol)}
      max-depth=${attr(a['max-depth'])}
      order=${attr(a.order)}
      ?remember=${a.remember}
      ?no-website=${a['no-website']}
      require-email=${a['require-email'] === false ? 'false' : nothing}
      max-length=${attr(a['max-length'])}
      @lede-comments-load=${a.onLedeCommentsLoad}
      @lede-comment-sent=${a.onLedeCommentSent}
      >${a.comments ? pageList(a.comments as Listed[]) : nothing}</lede-comments
    >
  </div>`,
};
export default meta;

type Story = StoryObj;

/** The thread: a reply to a reply, a website link, paragraphs, relative dates for recent comments, then the form. */
export const Thread: Story = {};

/** No comment yet: "Aucun commentaire pour l'instant", and the form. */
export const Empty: Story = { args: { comments: [] } };

/** While the list loads (this fake server never answers): the thread's space is kept, the form is there. */
export const Loading: Story = { args: { comments: undefined, src: fakeAction('hang') } };

/** The list could not be loaded (500): a message and a retry; the form still works. */
export const ListUnavailable: Story = {
  args: { comments: undefined, src: fakeAction('server') },
  play: async ({ canvasElement }) => {
    await commentsIn(canvasElement);
  },
};

/** Many comments: the first 50, then "Afficher plus de commentaires". */
export const Many: Story = { args: { comments: MANY } };

/** `order="newest"`: the latest top-level comments first (replies stay oldest first). */
export const NewestFirst: Story = { args: { order: 'newest' } };

/** `max-depth="1"`: replies are listed at the top level, each after the comment it answers. */
export const Flat: Story = { args: { 'max-depth': 1 } };

/** "Répondre" opens a form under the comment, headed "Répondre à Anne Dupont", with a cancel button. */
export const ReplyOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = await commentsIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=reply]')!.click();
    await until(() => el.shadowRoot!.querySelector('[part=reply-form] lede-comment-form'), 'the reply form');
  },
};

/** A comment just sent: at the end of the thread, "En attente de modération", and a fresh form below. */
export const SentPending: Story = {
  play: async ({ canvasElement }) => {
    const el = await commentsIn(canvasElement);
    await send(el.shadowRoot!.querySelector<LedeCommentForm>('lede-comment-form[part=form]')!);
    await until(() => el.shadowRoot!.querySelector('[part=pending]'), 'the pending comment', 8000);
  },
};
