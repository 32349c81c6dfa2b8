/**
 * WRITTEN AFTER TRAINING — never used for training or tuning. A fresh set of sentences in the
 * translation grammar (data/translate.ts), written by hand with their Chinese on 7 December 2026
 * once the translate-attn recipe was frozen (nothing in it changed afterwards), to score the
 * shipped translate-<kind> and translate-attn-<kind> a second time, apart from the held-out split.
 * The Chinese is written here by hand, not generated: translateFresh.test.ts checks it against the
 * grammar's own translation, an independent check of both. A one-clause sentence may fall in the
 * grammar's training split by its hash (there are only 468 clauses), so the scorer
 * (scripts/translate-fresh.ts) reports that split beside each score.
 */
export const FRESH_TRANSLATIONS: ReadonlyArray<readonly [en: string, zh: string]> = [
  // One clause
  ['she can speak french', '她会说法语'],
  ['they went to shanghai yesterday', '他们昨天去了上海'],
  ['he does not like noodles', '他不喜欢面条'],
  ['we want to go to japan', '我们想去日本'],
  ['you speak fluent chinese', '你说流利的中文'],
  ['i grew up in london', '我在伦敦长大'],
  // Two clauses
  ['she grew up in japan and she speaks fluent japanese', '她在日本长大，她说流利的日语'],
  ['we went to london yesterday and we do not like fish', '我们昨天去了伦敦，我们不喜欢鱼'],
  // Three clauses
  ['i live in beijing and you live in shanghai and they live in tokyo', '我住在北京，你住在上海，他们住在东京'],
  ['he can speak german and he wants to go to germany and she likes chocolate', '他会说德语，他想去德国，她喜欢巧克力'],
  ['they do not like coffee and they like tea and we like noodles', '他们不喜欢咖啡，他们喜欢茶，我们喜欢面条'],
  ['you grew up in italy and you can speak italian and i went to spain yesterday', '你在意大利长大，你会说意大利语，我昨天去了西班牙'],
  ['she wants to go to paris and he speaks fluent french and we went to france yesterday', '她想去巴黎，他说流利的法语，我们昨天去了法国'],
  ['you do not like chocolate and she likes fish and they want to go to spain', '你不喜欢巧克力，她喜欢鱼，他们想去西班牙'],
  // Four clauses
  ['i like dumplings and i like rice and i do not like apples and i can speak chinese', '我喜欢饺子，我喜欢米饭，我不喜欢苹果，我会说中文'],
  ['we grew up in england and we speak fluent english and they live in china and they can speak spanish', '我们在英国长大，我们说流利的英语，他们住在中国，他们会说西班牙语'],
  ['he went to beijing yesterday and she went to tokyo yesterday and you went to london yesterday and i went to paris yesterday', '他昨天去了北京，她昨天去了东京，你昨天去了伦敦，我昨天去了巴黎'],
  ['they speak fluent german and we can speak japanese and he lives in italy and she grew up in china', '他们说流利的德语，我们会说日语，他住在意大利，她在中国长大'],
];
