/**
 * WRITTEN AFTER TRAINING — never used for training or tuning. Twelve more three- and four-clause
 * sentences in the translation grammar (data/translate.ts), written by hand with their Chinese on
 * 8 December 2026 once the windowed translate-attn-lstm was final and the other runs had stopped,
 * to score the shipped translators a second time on sentences longer than any trained on, apart
 * from the held-out split and from the first fresh set (translateFresh.ts). The Chinese is written
 * here by hand; translateFreshLong.test.ts checks it against the grammar's own translation.
 */
export const FRESH_LONG_TRANSLATIONS: ReadonlyArray<readonly [en: string, zh: string]> = [
  // Three clauses
  ['she lives in tokyo and she speaks fluent japanese and he likes dumplings', '她住在东京，她说流利的日语，他喜欢饺子'],
  ['we went to germany yesterday and they can speak german and i do not like fish', '我们昨天去了德国，他们会说德语，我不喜欢鱼'],
  ['he grew up in spain and you want to go to beijing and they like coffee', '他在西班牙长大，你想去北京，他们喜欢咖啡'],
  ['i can speak english and she does not like tea and we live in london', '我会说英语，她不喜欢茶，我们住在伦敦'],
  ['they want to go to france and he went to shanghai yesterday and you speak fluent italian', '他们想去法国，他昨天去了上海，你说流利的意大利语'],
  ['you like apples and we do not like noodles and she grew up in paris', '你喜欢苹果，我们不喜欢面条，她在巴黎长大'],
  ['he speaks fluent spanish and i want to go to italy and they grew up in japan', '他说流利的西班牙语，我想去意大利，他们在日本长大'],
  // Four clauses
  ['she likes rice and he does not like chocolate and we can speak french and they live in england', '她喜欢米饭，他不喜欢巧克力，我们会说法语，他们住在英国'],
  ['i went to tokyo yesterday and you grew up in china and he wants to go to london and she can speak chinese', '我昨天去了东京，你在中国长大，他想去伦敦，她会说中文'],
  ['we like fish and they do not like dumplings and i speak fluent german and you live in shanghai', '我们喜欢鱼，他们不喜欢饺子，我说流利的德语，你住在上海'],
  ['they can speak italian and she went to beijing yesterday and we want to go to spain and he likes tea', '他们会说意大利语，她昨天去了北京，我们想去西班牙，他喜欢茶'],
  ['you do not like coffee and i grew up in germany and she speaks fluent english and we went to paris yesterday', '你不喜欢咖啡，我在德国长大，她说流利的英语，我们昨天去了巴黎'],
];
