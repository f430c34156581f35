import type { Translation } from '../translation.js';

const en: Translation = {
  $code: 'en',

  published: '{date}',
  updated: 'Updated {date}',
  updatedRelative: 'Updated {date}',
  byline: 'By {authors}',

  readingTime: { other: '{n} min read' },
  readingTimeRange: { other: '{min}–{n} min read' },
  readingTimeLeft: { other: '{n} min left' },
  readingTimeDone: 'Finished reading',

  caption: 'Caption',
  credit: 'Image credit',
  enlarge: 'Enlarge image',
  enlargeImage: 'Enlarge image: {image}',
  close: 'Close',
  imageUnavailable: 'Image unavailable',

  commentHeading: 'Leave a comment',
  commentNotice: 'Comments are moderated and will appear once approved.',
  name: 'Name',
  email: 'Email',
  emailNote: 'Your email address will not be published.',
  website: 'Website',
  comment: 'Comment',
  required: 'required',
  remember: 'Save my name, email, and website in this browser for the next time I comment.',
  submit: 'Post comment',
  sending: 'Sending…',
  charactersLeft: { one: '{n} character left', other: '{n} characters left' },
  errorRequired: 'Please fill in this field.',
  errorEmail: 'Please enter a valid email address.',
  errorUrl: 'Please enter a web address, such as example.org.',
  errorTooLong: { one: 'Please remove {n} character.', other: 'Please remove {n} characters.' },
  sentPending: 'Thank you! Your comment has been received and will appear once a moderator approves it.',
  sentApproved: 'Thank you! Your comment has been published.',
  failNetwork:
    'Your comment could not be sent because the connection failed. Your text is still here: please try again.',
  failOffline: 'You are offline. Your comment will be sent as soon as the connection returns.',
  failTimeout: 'The server took too long to answer. Your text is still here: please try again.',
  failRateLimit: {
    one: 'You are posting too quickly. Please wait {n} second and try again.',
    other: 'You are posting too quickly. Please wait {n} seconds and try again.',
  },
  failRateLimitNoDelay: 'You are posting too quickly. Please wait a moment and try again.',
  failDuplicate: 'It looks as though you have already posted this comment.',
  failServer:
    'The server had a problem and could not save your comment. Your text is still here: please try again later.',
  failFields: 'Please correct the highlighted fields.',
  failAction: 'Comments cannot be sent from this page.',
  unavailable: 'Comments cannot be sent: this form is not set up.',
  retry: 'Try again',

  commentsTitle: 'Comments',
  commentCount: { one: '{n} comment', other: '{n} comments' },
  noComments: 'No comments yet',
  commentsLoading: 'Loading comments…',
  commentsFailed: 'The comments could not be loaded.',
  anonymous: 'Anonymous',
  reply: 'Reply',
  replyTo: 'Reply to {name}',
  cancel: 'Cancel',
  awaitingModeration: 'Awaiting moderation',
  moreComments: 'Show more comments',
};

export default en;
