import { registerTranslation } from '../translation.js';
import type { Translation } from '../translation.js';

const pt: Translation = {
  $code: 'pt',

  published: '{date}',
  updated: 'Atualizado em {date}',
  updatedRelative: 'Atualizado {date}',
  byline: 'Por {authors}',

  readingTime: { one: '{n} min de leitura', many: '{n} min de leitura', other: '{n} min de leitura' },
  readingTimeRange: {
    one: '{min}–{n} min de leitura',
    many: '{min}–{n} min de leitura',
    other: '{min}–{n} min de leitura',
  },
  readingTimeLeft: { one: 'Falta {n} min', many: 'Faltam {n} min', other: 'Faltam {n} min' },
  readingTimeDone: 'Leitura concluída',

  caption: 'Legenda',
  credit: 'Crédito da imagem',
  enlarge: 'Ampliar imagem',
  enlargeImage: 'Ampliar imagem: {image}',
  close: 'Fechar',
  imageUnavailable: 'Imagem indisponível',

  commentHeading: 'Deixe seu comentário',
  commentNotice: 'Os comentários são moderados e serão publicados após aprovação.',
  name: 'Nome',
  email: 'E-mail',
  emailNote: 'Seu endereço de e-mail não será publicado.',
  website: 'Site',
  comment: 'Comentário',
  required: 'obrigatório',
  remember: 'Salvar meu nome, e-mail e site neste navegador para a próxima vez que eu comentar.',
  submit: 'Publicar comentário',
  sending: 'Enviando…',
  charactersLeft: { one: 'Resta {n} caractere', many: 'Restam {n} de caracteres', other: 'Restam {n} caracteres' },
  errorRequired: 'Preencha este campo.',
  errorEmail: 'Digite um endereço de e-mail válido.',
  errorUrl: 'Digite um endereço da web, por exemplo exemplo.com.br.',
  errorTooLong: { one: 'Remova {n} caractere.', many: 'Remova {n} de caracteres.', other: 'Remova {n} caracteres.' },
  sentPending: 'Obrigado! Recebemos seu comentário, que será publicado assim que for aprovado por um moderador.',
  sentApproved: 'Obrigado! Seu comentário foi publicado.',
  failNetwork:
    'Não foi possível enviar seu comentário porque a conexão falhou. Seu texto continua aqui: tente novamente.',
  failOffline: 'Você está sem conexão. Seu comentário será enviado assim que a conexão voltar.',
  failTimeout: 'O servidor demorou demais para responder. Seu texto continua aqui: tente novamente.',
  failRateLimit: {
    one: 'Você está publicando rápido demais. Aguarde {n} segundo e tente novamente.',
    many: 'Você está publicando rápido demais. Aguarde {n} de segundos e tente novamente.',
    other: 'Você está publicando rápido demais. Aguarde {n} segundos e tente novamente.',
  },
  failRateLimitNoDelay: 'Você está publicando rápido demais. Aguarde um instante e tente novamente.',
  failDuplicate: 'Parece que você já publicou este comentário.',
  failServer:
    'Ocorreu um problema no servidor e não foi possível salvar seu comentário. Seu texto continua aqui: tente novamente mais tarde.',
  failFields: 'Corrija os campos destacados.',
  failAction: 'Não é possível enviar comentários a partir desta página.',
  unavailable: 'Não é possível enviar comentários: este formulário não está configurado.',
  retry: 'Tentar novamente',

  commentsTitle: 'Comentários',
  commentCount: { one: '{n} comentário', many: '{n} de comentários', other: '{n} comentários' },
  noComments: 'Ainda não há comentários',
  commentsLoading: 'A carregar os comentários…',
  commentsFailed: 'Não foi possível carregar os comentários.',
  anonymous: 'Anónimo',
  reply: 'Responder',
  replyTo: 'Responder a {name}',
  cancel: 'Cancelar',
  awaitingModeration: 'A aguardar moderação',
  moreComments: 'Mostrar mais comentários',
};

// Languages beyond English and French stay out of the bundle; importing this module adds this one.
registerTranslation(pt);

export default pt;
