import { registerTranslation } from '../translation.js';
import type { Translation } from '../translation.js';

const de: Translation = {
  $code: 'de',

  published: '{date}',
  updated: 'Aktualisiert am {date}',
  updatedRelative: 'Aktualisiert {date}',
  byline: 'Von {authors}',

  readingTime: { one: '{n} Min. Lesezeit', other: '{n} Min. Lesezeit' },
  readingTimeRange: { one: '{min}–{n} Min. Lesezeit', other: '{min}–{n} Min. Lesezeit' },
  readingTimeLeft: { one: 'Noch {n} Min.', other: 'Noch {n} Min.' },
  readingTimeDone: 'Zu Ende gelesen',

  caption: 'Bildunterschrift',
  credit: 'Bildquelle',
  enlarge: 'Bild vergrößern',
  enlargeImage: 'Bild vergrößern: {image}',
  close: 'Schließen',
  imageUnavailable: 'Bild nicht verfügbar',

  commentHeading: 'Kommentar schreiben',
  commentNotice: 'Kommentare werden moderiert und erscheinen nach der Freischaltung.',
  name: 'Name',
  email: 'E-Mail',
  emailNote: 'Ihre E-Mail-Adresse wird nicht veröffentlicht.',
  website: 'Website',
  comment: 'Kommentar',
  required: 'Pflichtfeld',
  remember:
    'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für den nächsten Kommentar speichern.',
  submit: 'Kommentar abschicken',
  sending: 'Wird gesendet …',
  charactersLeft: { one: 'Noch {n} Zeichen', other: 'Noch {n} Zeichen' },
  errorRequired: 'Bitte füllen Sie dieses Feld aus.',
  errorEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  errorUrl: 'Bitte geben Sie eine Webadresse ein, zum Beispiel beispiel.de.',
  errorTooLong: { one: 'Ihr Text ist {n} Zeichen zu lang.', other: 'Ihr Text ist {n} Zeichen zu lang.' },
  sentPending:
    'Vielen Dank! Ihr Kommentar ist eingegangen und erscheint, sobald die Moderation ihn freigeschaltet hat.',
  sentApproved: 'Vielen Dank! Ihr Kommentar wurde veröffentlicht.',
  failNetwork:
    'Ihr Kommentar konnte nicht gesendet werden, weil die Verbindung unterbrochen wurde. Ihr Text ist noch da – bitte versuchen Sie es erneut.',
  failOffline: 'Sie sind offline. Ihr Kommentar wird gesendet, sobald die Verbindung wieder steht.',
  failTimeout: 'Der Server hat nicht rechtzeitig geantwortet. Ihr Text ist noch da – bitte versuchen Sie es erneut.',
  failRateLimit: {
    one: 'Sie kommentieren zu schnell. Bitte warten Sie {n} Sekunde und versuchen Sie es dann erneut.',
    other: 'Sie kommentieren zu schnell. Bitte warten Sie {n} Sekunden und versuchen Sie es dann erneut.',
  },
  failRateLimitNoDelay: 'Sie kommentieren zu schnell. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  failDuplicate: 'Offenbar haben Sie diesen Kommentar bereits abgeschickt.',
  failServer:
    'Auf dem Server ist ein Fehler aufgetreten, Ihr Kommentar konnte nicht gespeichert werden. Ihr Text ist noch da – bitte versuchen Sie es später erneut.',
  failFields: 'Bitte korrigieren Sie die markierten Felder.',
  failAction: 'Von dieser Seite aus können keine Kommentare gesendet werden.',
  unavailable: 'Kommentare können nicht gesendet werden: Dieses Formular ist nicht eingerichtet.',
  retry: 'Erneut versuchen',

  commentsTitle: 'Kommentare',
  commentCount: { one: '{n} Kommentar', other: '{n} Kommentare' },
  noComments: 'Noch keine Kommentare',
  commentsLoading: 'Kommentare werden geladen …',
  commentsFailed: 'Die Kommentare konnten nicht geladen werden.',
  anonymous: 'Anonym',
  reply: 'Antworten',
  replyTo: 'Antwort an {name}',
  cancel: 'Abbrechen',
  awaitingModeration: 'Wartet auf Freigabe',
  moreComments: 'Weitere Kommentare anzeigen',
};

// Languages beyond English and French stay out of the bundle; importing this module adds this one.
registerTranslation(de);

export default de;
