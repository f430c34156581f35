import { registerTranslation } from '../translation.js';
import type { Translation } from '../translation.js';

const nl: Translation = {
  $code: 'nl',

  published: '{date}',
  updated: 'Bijgewerkt op {date}',
  updatedRelative: 'Bijgewerkt {date}',
  byline: 'Door {authors}',

  readingTime: { one: 'Leestijd {n} minuut', other: 'Leestijd {n} minuten' },
  readingTimeRange: { one: 'Leestijd {min}–{n} minuut', other: 'Leestijd {min}–{n} minuten' },
  readingTimeLeft: { one: 'Nog {n} minuut', other: 'Nog {n} minuten' },
  readingTimeDone: 'Uitgelezen',

  caption: 'Bijschrift',
  credit: 'Beeld',
  enlarge: 'Afbeelding vergroten',
  enlargeImage: 'Afbeelding vergroten: {image}',
  close: 'Sluiten',
  imageUnavailable: 'Afbeelding niet beschikbaar',

  commentHeading: 'Plaats een reactie',
  commentNotice: 'Reacties worden gemodereerd en verschijnen na goedkeuring.',
  name: 'Naam',
  email: 'E-mail',
  emailNote: 'Je e-mailadres wordt niet gepubliceerd.',
  website: 'Website',
  comment: 'Reactie',
  required: 'verplicht',
  remember: 'Mijn naam, e-mailadres en website in deze browser opslaan voor de volgende keer dat ik reageer.',
  submit: 'Reactie plaatsen',
  sending: 'Versturen…',
  charactersLeft: { one: 'Nog {n} teken', other: 'Nog {n} tekens' },
  errorRequired: 'Vul dit veld in.',
  errorEmail: 'Vul een geldig e-mailadres in.',
  errorUrl: 'Vul een webadres in, bijvoorbeeld voorbeeld.nl.',
  errorTooLong: { one: 'Je tekst is {n} teken te lang.', other: 'Je tekst is {n} tekens te lang.' },
  sentPending: 'Bedankt! Je reactie is ontvangen en verschijnt zodra een moderator die heeft goedgekeurd.',
  sentApproved: 'Bedankt! Je reactie is geplaatst.',
  failNetwork:
    'Je reactie kon niet worden verstuurd omdat de verbinding wegviel. Je tekst staat er nog: probeer het opnieuw.',
  failOffline: 'Je bent offline. Je reactie wordt verstuurd zodra de verbinding terug is.',
  failTimeout: 'De server reageerde niet op tijd. Je tekst staat er nog: probeer het opnieuw.',
  failRateLimit: {
    one: 'Je plaatst te snel achter elkaar reacties. Wacht {n} seconde en probeer het opnieuw.',
    other: 'Je plaatst te snel achter elkaar reacties. Wacht {n} seconden en probeer het opnieuw.',
  },
  failRateLimitNoDelay: 'Je plaatst te snel achter elkaar reacties. Wacht even en probeer het opnieuw.',
  failDuplicate: 'Het lijkt erop dat je deze reactie al hebt geplaatst.',
  failServer:
    'Er ging iets mis op de server, waardoor je reactie niet kon worden opgeslagen. Je tekst staat er nog: probeer het later opnieuw.',
  failFields: 'Verbeter de gemarkeerde velden.',
  failAction: 'Vanaf deze pagina kunnen geen reacties worden verstuurd.',
  unavailable: 'Reacties kunnen niet worden verstuurd: dit formulier is niet ingesteld.',
  retry: 'Opnieuw proberen',

  commentsTitle: 'Reacties',
  commentCount: { one: '{n} reactie', other: '{n} reacties' },
  noComments: 'Nog geen reacties',
  commentsLoading: 'Reacties laden…',
  commentsFailed: 'De reacties konden niet worden geladen.',
  anonymous: 'Anoniem',
  reply: 'Reageren',
  replyTo: 'Reageren op {name}',
  cancel: 'Annuleren',
  awaitingModeration: 'Wacht op moderatie',
  moreComments: 'Meer reacties tonen',
};

// Languages beyond English and French stay out of the bundle; importing this module adds this one.
registerTranslation(nl);

export default nl;
