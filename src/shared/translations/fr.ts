import type { Translation } from '../translation.js';

const fr: Translation = {
  $code: 'fr',

  published: 'Le {date}',
  updated: 'Mis à jour le {date}',
  updatedRelative: 'Mis à jour {date}',
  byline: 'Par {authors}',

  readingTime: { one: '{n} minute de lecture', other: '{n} minutes de lecture' },
  readingTimeRange: { one: '{min}–{n} minute de lecture', other: '{min}–{n} minutes de lecture' },
  readingTimeLeft: { one: 'Encore {n} minute', other: 'Encore {n} minutes' },
  readingTimeDone: 'Lecture terminée',

  caption: 'Légende',
  credit: "Copyright de l'image",
  enlarge: "Agrandir l'image",
  enlargeImage: "Agrandir l'image\u00a0: {image}",
  close: 'Fermer',
  imageUnavailable: 'Image indisponible',

  commentHeading: 'Laisser un commentaire',
  commentNotice: 'Votre commentaire sera révisé par les administrateurs si besoin.',
  name: 'Nom',
  email: 'E-mail',
  emailNote: 'Votre adresse e-mail ne sera pas publiée.',
  website: 'Site web',
  comment: 'Commentaire',
  required: 'obligatoire',
  remember: 'Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.',
  submit: 'Publier le commentaire',
  sending: 'Envoi…',
  charactersLeft: { one: '{n} caractère restant', other: '{n} caractères restants' },
  errorRequired: 'Veuillez remplir ce champ.',
  errorEmail: 'Veuillez saisir une adresse e-mail valide.',
  errorUrl: 'Veuillez saisir une adresse web, par exemple exemple.fr.',
  errorTooLong: { one: 'Veuillez retirer {n} caractère.', other: 'Veuillez retirer {n} caractères.' },
  sentPending: 'Merci ! Votre commentaire a bien été reçu et apparaîtra après validation par un modérateur.',
  sentApproved: 'Merci ! Votre commentaire a été publié.',
  failNetwork:
    "Votre commentaire n'a pas pu être envoyé, la connexion a échoué. Votre texte est conservé : veuillez réessayer.",
  failOffline: 'Vous êtes hors ligne. Votre commentaire sera envoyé dès le retour de la connexion.',
  failTimeout: 'Le serveur a mis trop de temps à répondre. Votre texte est conservé : veuillez réessayer.',
  failRateLimit: {
    one: 'Vous publiez trop vite. Veuillez patienter {n} seconde avant de réessayer.',
    other: 'Vous publiez trop vite. Veuillez patienter {n} secondes avant de réessayer.',
  },
  failRateLimitNoDelay: 'Vous publiez trop vite. Veuillez patienter un instant avant de réessayer.',
  failDuplicate: 'Il semble que vous ayez déjà publié ce commentaire.',
  failServer:
    "Le serveur a rencontré un problème et n'a pas pu enregistrer votre commentaire. Votre texte est conservé : veuillez réessayer plus tard.",
  failFields: 'Veuillez corriger les champs signalés.',
  failAction: 'Les commentaires ne peuvent pas être envoyés depuis cette page.',
  unavailable: "Les commentaires ne peuvent pas être envoyés : ce formulaire n'est pas configuré.",
  retry: 'Réessayer',

  commentsTitle: 'Commentaires',
  commentCount: { one: '{n} commentaire', other: '{n} commentaires' },
  noComments: "Aucun commentaire pour l'instant",
  commentsLoading: 'Chargement des commentaires…',
  commentsFailed: "Les commentaires n'ont pas pu être chargés.",
  anonymous: 'Anonyme',
  reply: 'Répondre',
  replyTo: 'Répondre à {name}',
  cancel: 'Annuler',
  awaitingModeration: 'En attente de modération',
  moreComments: 'Afficher plus de commentaires',
};

export default fr;
