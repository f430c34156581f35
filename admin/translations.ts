// The moderation page's strings: one typed table per language (French and English, the languages of the site
// owners it is for). Kept apart from src/shared/translations/: the public elements never carry them.

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export interface Messages {
  /** The page's title and main heading. */
  title: string;
  /** The name of this language, written in it, on the switch that chooses it. */
  languageName: string;
  signInIntro: string;
  tokenLabel: string;
  signIn: string;
  signingIn: string;
  signOut: string;
  wrongToken: string;
  throttled: (seconds: number) => string;
  unavailable: string;
  loading: string;
  loadFailed: string;
  retry: string;
  pendingHeading: (count: number) => string;
  approvedHeading: string;
  approvedShown: (count: number) => string;
  noPending: string;
  noApproved: string;
  post: string;
  email: string;
  website: string;
  address: string;
  date: string;
  reply: (id: number) => string;
  approve: string;
  delete: string;
  approvedDone: (name: string) => string;
  deletedDone: (name: string) => string;
  gone: string;
  actionFailed: string;
  anonymous: string;
}

const en: Messages = {
  title: 'Comment moderation',
  languageName: 'English',
  signInIntro:
    'Sign in with the admin token the server was started with (LEDE_ADMIN_TOKEN). It is kept in this tab only.',
  tokenLabel: 'Admin token',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  wrongToken: 'This token was refused. Check it and try again.',
  throttled: (seconds) => `Too many failed attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  unavailable: 'The server could not be reached. Try again in a moment.',
  loading: 'Loading comments…',
  loadFailed: 'The comments could not be loaded.',
  retry: 'Try again',
  pendingHeading: (count) => (count === 0 ? 'Awaiting moderation' : `Awaiting moderation (${count})`),
  approvedHeading: 'Recently approved',
  approvedShown: (count) => `The ${count} most recent, newest first.`,
  noPending: 'No comment awaits moderation.',
  noApproved: 'No approved comment yet.',
  post: 'Article',
  email: 'E-mail',
  website: 'Website',
  address: 'IP address',
  date: 'Sent',
  reply: (id) => `Reply to comment #${id}`,
  approve: 'Approve',
  delete: 'Delete',
  approvedDone: (name) => `The comment by ${name} is approved.`,
  deletedDone: (name) => `The comment by ${name} is deleted.`,
  gone: 'This comment no longer exists; the list is up to date.',
  actionFailed: 'That did not work. Try again in a moment.',
  anonymous: 'Anonymous',
};

const fr: Messages = {
  title: 'Modération des commentaires',
  languageName: 'Français',
  signInIntro:
    "Connectez-vous avec le jeton d'administration du serveur (LEDE_ADMIN_TOKEN). Il n'est gardé que dans cet onglet.",
  tokenLabel: "Jeton d'administration",
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  signOut: 'Se déconnecter',
  wrongToken: 'Ce jeton a été refusé. Vérifiez-le et réessayez.',
  throttled: (seconds) =>
    `Trop de tentatives échouées. Réessayez dans ${seconds} ${seconds < 2 ? 'seconde' : 'secondes'}.`,
  unavailable: 'Le serveur est injoignable. Réessayez dans un instant.',
  loading: 'Chargement des commentaires…',
  loadFailed: "Les commentaires n'ont pas pu être chargés.",
  retry: 'Réessayer',
  pendingHeading: (count) => (count === 0 ? 'En attente de modération' : `En attente de modération (${count})`),
  approvedHeading: 'Approuvés récemment',
  approvedShown: (count) => `Les ${count} plus récents, du plus récent au plus ancien.`,
  noPending: "Aucun commentaire n'attend de modération.",
  noApproved: "Aucun commentaire approuvé pour l'instant.",
  post: 'Article',
  email: 'E-mail',
  website: 'Site web',
  address: 'Adresse IP',
  date: 'Envoyé',
  reply: (id) => `Réponse au commentaire n° ${id}`,
  approve: 'Approuver',
  delete: 'Supprimer',
  approvedDone: (name) => `Le commentaire de ${name} est approuvé.`,
  deletedDone: (name) => `Le commentaire de ${name} est supprimé.`,
  gone: "Ce commentaire n'existe plus ; la liste est à jour.",
  actionFailed: "L'action a échoué. Réessayez dans un instant.",
  anonymous: 'Anonyme',
};

export const MESSAGES: Record<Language, Messages> = { en, fr };

/**
 * The page's language: `?lang=en|fr` when given, else the first of the browser's languages that is French or English,
 * else English.
 */
export function pickLanguage(queryLang: string | null, browserLanguages: readonly string[]): Language {
  const known = (tag: string | null): Language | undefined =>
    LANGUAGES.find((lang) => tag?.toLowerCase().split('-')[0] === lang);
  return known(queryLang) ?? browserLanguages.map(known).find((lang) => lang !== undefined) ?? 'en';
}
