import { registerTranslation } from '../translation.js';
import type { Translation } from '../translation.js';

const es: Translation = {
  $code: 'es',

  published: '{date}',
  updated: 'Actualizado el {date}',
  updatedRelative: 'Actualizado {date}',
  byline: 'Por {authors}',

  readingTime: { one: '{n} min de lectura', many: '{n} min de lectura', other: '{n} min de lectura' },
  readingTimeRange: {
    one: '{min}–{n} min de lectura',
    many: '{min}–{n} min de lectura',
    other: '{min}–{n} min de lectura',
  },
  readingTimeLeft: { one: 'Queda {n} min', many: 'Quedan {n} min', other: 'Quedan {n} min' },
  readingTimeDone: 'Lectura terminada',

  caption: 'Pie de foto',
  credit: 'Crédito de la imagen',
  enlarge: 'Ampliar imagen',
  enlargeImage: 'Ampliar imagen: {image}',
  close: 'Cerrar',
  imageUnavailable: 'Imagen no disponible',

  commentHeading: 'Deja tu comentario',
  commentNotice: 'Los comentarios se moderan y aparecerán una vez aprobados.',
  name: 'Nombre',
  email: 'Correo electrónico',
  emailNote: 'Tu dirección de correo electrónico no se publicará.',
  website: 'Sitio web',
  comment: 'Comentario',
  required: 'obligatorio',
  remember: 'Guardar mi nombre, correo electrónico y sitio web en este navegador para la próxima vez que comente.',
  submit: 'Publicar comentario',
  sending: 'Enviando…',
  charactersLeft: { one: 'Queda {n} carácter', many: 'Quedan {n} de caracteres', other: 'Quedan {n} caracteres' },
  errorRequired: 'Completa este campo.',
  errorEmail: 'Escribe una dirección de correo electrónico válida.',
  errorUrl: 'Escribe una dirección web, por ejemplo ejemplo.es.',
  errorTooLong: { one: 'Sobra {n} carácter.', many: 'Sobran {n} de caracteres.', other: 'Sobran {n} caracteres.' },
  sentPending: '¡Gracias! Hemos recibido tu comentario, que aparecerá cuando lo apruebe un moderador.',
  sentApproved: '¡Gracias! Tu comentario se ha publicado.',
  failNetwork:
    'No se ha podido enviar tu comentario porque ha fallado la conexión. Tu texto sigue aquí: inténtalo de nuevo.',
  failOffline: 'No tienes conexión. Tu comentario se enviará en cuanto se restablezca.',
  failTimeout: 'El servidor ha tardado demasiado en responder. Tu texto sigue aquí: inténtalo de nuevo.',
  failRateLimit: {
    one: 'Estás publicando demasiado rápido. Espera {n} segundo y vuelve a intentarlo.',
    many: 'Estás publicando demasiado rápido. Espera {n} de segundos y vuelve a intentarlo.',
    other: 'Estás publicando demasiado rápido. Espera {n} segundos y vuelve a intentarlo.',
  },
  failRateLimitNoDelay: 'Estás publicando demasiado rápido. Espera un momento y vuelve a intentarlo.',
  failDuplicate: 'Parece que ya has publicado este comentario.',
  failServer:
    'Se ha producido un error en el servidor y no se ha podido guardar tu comentario. Tu texto sigue aquí: inténtalo de nuevo más tarde.',
  failFields: 'Corrige los campos marcados.',
  failAction: 'No se pueden enviar comentarios desde esta página.',
  unavailable: 'No se pueden enviar comentarios: este formulario no está configurado.',
  retry: 'Volver a intentarlo',

  commentsTitle: 'Comentarios',
  commentCount: { one: '{n} comentario', many: '{n} de comentarios', other: '{n} comentarios' },
  noComments: 'Todavía no hay comentarios',
  commentsLoading: 'Cargando los comentarios…',
  commentsFailed: 'No se pudieron cargar los comentarios.',
  anonymous: 'Anónimo',
  reply: 'Responder',
  replyTo: 'Responder a {name}',
  cancel: 'Cancelar',
  awaitingModeration: 'Pendiente de moderación',
  moreComments: 'Mostrar más comentarios',
};

// Languages beyond English and French stay out of the bundle; importing this module adds this one.
registerTranslation(es);

export default es;
