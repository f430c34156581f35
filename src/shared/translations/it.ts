import { registerTranslation } from '../translation.js';
import type { Translation } from '../translation.js';

const it: Translation = {
  $code: 'it',

  published: '{date}',
  updated: 'Ultimo aggiornamento: {date}',
  updatedRelative: 'Aggiornato {date}',
  byline: 'di {authors}',

  readingTime: { one: '{n} min di lettura', many: '{n} min di lettura', other: '{n} min di lettura' },
  readingTimeRange: {
    one: '{min}–{n} min di lettura',
    many: '{min}–{n} min di lettura',
    other: '{min}–{n} min di lettura',
  },
  readingTimeLeft: { one: 'Manca {n} min', many: 'Mancano {n} min', other: 'Mancano {n} min' },
  readingTimeDone: 'Lettura completata',

  caption: 'Didascalia',
  credit: 'Crediti dell’immagine',
  enlarge: 'Ingrandisci l’immagine',
  enlargeImage: 'Ingrandisci l’immagine: {image}',
  close: 'Chiudi',
  imageUnavailable: 'Immagine non disponibile',

  commentHeading: 'Lascia un commento',
  commentNotice: 'I commenti sono moderati e saranno visibili dopo l’approvazione.',
  name: 'Nome',
  email: 'Email',
  emailNote: 'Il tuo indirizzo email non sarà pubblicato.',
  website: 'Sito web',
  comment: 'Commento',
  required: 'obbligatorio',
  remember: 'Salva il mio nome, l’email e il sito web in questo browser per la prossima volta che commento.',
  submit: 'Pubblica il commento',
  sending: 'Invio in corso…',
  charactersLeft: { one: 'Resta {n} carattere', many: 'Restano {n} di caratteri', other: 'Restano {n} caratteri' },
  errorRequired: 'Compila questo campo.',
  errorEmail: 'Inserisci un indirizzo email valido.',
  errorUrl: 'Inserisci un indirizzo web, ad esempio esempio.it.',
  errorTooLong: { one: 'Elimina {n} carattere.', many: 'Elimina {n} di caratteri.', other: 'Elimina {n} caratteri.' },
  sentPending: 'Grazie! Abbiamo ricevuto il tuo commento: sarà visibile non appena un moderatore lo avrà approvato.',
  sentApproved: 'Grazie! Il tuo commento è stato pubblicato.',
  failNetwork:
    'Non è stato possibile inviare il commento per un problema di connessione. Il tuo testo è ancora qui: riprova.',
  failOffline: 'Sei offline. Il commento verrà inviato non appena la connessione tornerà disponibile.',
  failTimeout: 'Il server ha impiegato troppo tempo a rispondere. Il tuo testo è ancora qui: riprova.',
  failRateLimit: {
    one: 'Stai pubblicando troppo velocemente. Attendi {n} secondo e riprova.',
    many: 'Stai pubblicando troppo velocemente. Attendi {n} di secondi e riprova.',
    other: 'Stai pubblicando troppo velocemente. Attendi {n} secondi e riprova.',
  },
  failRateLimitNoDelay: 'Stai pubblicando troppo velocemente. Attendi qualche istante e riprova.',
  failDuplicate: 'Sembra che tu abbia già pubblicato questo commento.',
  failServer:
    'Si è verificato un problema sul server e non è stato possibile salvare il commento. Il tuo testo è ancora qui: riprova più tardi.',
  failFields: 'Correggi i campi evidenziati.',
  failAction: 'Non è possibile inviare commenti da questa pagina.',
  unavailable: 'Non è possibile inviare commenti: questo modulo non è configurato.',
  retry: 'Riprova',

  commentsTitle: 'Commenti',
  commentCount: { one: '{n} commento', many: '{n} di commenti', other: '{n} commenti' },
  noComments: 'Ancora nessun commento',
  commentsLoading: 'Caricamento dei commenti…',
  commentsFailed: 'Non è stato possibile caricare i commenti.',
  anonymous: 'Anonimo',
  reply: 'Rispondi',
  replyTo: 'Rispondi a {name}',
  cancel: 'Annulla',
  awaitingModeration: 'In attesa di moderazione',
  moreComments: 'Mostra altri commenti',
};

// Languages beyond English and French stay out of the bundle; importing this module adds this one.
registerTranslation(it);

export default it;
