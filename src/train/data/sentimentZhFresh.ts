/**
 * WRITTEN AFTER THE CHINESE SENTIMENT MODELS WERE FINAL (2026-12-07, after `npm run train --
 * --task sentiment-zh --all` had written public/models/sentiment-zh-*.json); NEVER USED FOR
 * TRAINING OR TUNING. Fifty everyday Chinese opinions (MIT, written here), ten in each category,
 * written without looking at any model's output on them: what the models and the bag-of-characters
 * baseline do on them is reported by `npx tsx scripts/sentiment-zh-fresh.ts` (README, "Chinese
 * sentiment"). Nothing in the training code imports this file; a test checks that none of these
 * sentences is a training sentence.
 */
export const FRESH_ZH_CATEGORIES = ['negation', 'contrast', 'degree', 'plain', 'topic'] as const;

type Category = (typeof FRESH_ZH_CATEGORIES)[number];

const ROWS: ReadonlyArray<readonly [Category, 0 | 1, string]> = [
  ['negation', 0, '这家的拉面一点儿也不好吃'],
  ['negation', 1, '这次的考试不难'],
  ['negation', 1, '我从来没见过这么热情的店员'],
  ['negation', 0, '新买的吹风机没用几天就坏了'],
  ['negation', 0, '别点他们家的牛排，又老又硬'],
  ['negation', 1, '这部剧没有一集是无聊的'],
  ['negation', 0, '说明书写得不太清楚'],
  ['negation', 0, '导游不怎么说话，也不介绍景点'],
  ['negation', 1, '这本书的结局并不让人失望'],
  ['negation', 1, '今天不冷也不热，刚刚好'],
  ['contrast', 1, '虽然座位有点挤，但是电影真的很好看'],
  ['contrast', 0, '菜的味道还可以，可是等了快一个小时'],
  ['contrast', 1, '老师虽然很严格，但是讲课特别清楚'],
  ['contrast', 0, '手机外观很漂亮，不过电池太不耐用了'],
  ['contrast', 0, '酒店的位置很方便，但是房间又小又吵'],
  ['contrast', 1, '虽然下着小雨，我们还是玩得很开心'],
  ['contrast', 0, '这本小说开头很吸引人，后面却越来越无聊'],
  ['contrast', 1, '价格是贵了点，但是质量真的没得说'],
  ['contrast', 0, '演员都很用心，可惜剧本太烂了'],
  ['contrast', 1, '客服一开始态度不好，后来很快就帮我解决了问题'],
  ['degree', 0, '这碗汤太咸了'],
  ['degree', 1, '这个耳机的音质非常好'],
  ['degree', 0, '今天的风特别大，有点冷'],
  ['degree', 1, '他们家的服务真是太贴心了'],
  ['degree', 0, '这门课有点难，也有点无聊'],
  ['degree', 1, '这是我住过最干净的民宿'],
  ['degree', 0, '这部电影又长又没意思'],
  ['degree', 1, '这家书店的环境特别舒服'],
  ['degree', 0, '快递送得超级慢'],
  ['degree', 1, '这家的包子又大又好吃'],
  ['plain', 1, '我下个月还要来'],
  ['plain', 1, '这是一次愉快的旅行'],
  ['plain', 0, '菜里吃出了一只虫子'],
  ['plain', 1, '这台洗衣机洗得干净，声音也小'],
  ['plain', 0, '这顿饭吃得我一肚子气'],
  ['plain', 1, '孩子看完说还想再看一遍'],
  ['plain', 0, '房间里全是烟味'],
  ['plain', 1, '老师讲的例子大家都听懂了'],
  ['plain', 0, '这场大雨把我们的计划全打乱了'],
  ['plain', 0, '买回来第二天屏幕就裂了'],
  ['topic', 1, '这家火锅店的毛肚和鸭血都很新鲜'],
  ['topic', 0, '这款笔记本电脑散热差，风扇声音很吵'],
  ['topic', 1, '高铁站到酒店只要五分钟，交通很方便'],
  ['topic', 0, '这部科幻片的特效做得很粗糙'],
  ['topic', 0, '数学老师布置的作业太多了'],
  ['topic', 1, '这本历史书资料详实，写得很生动'],
  ['topic', 0, '最近雾霾严重，空气质量很差'],
  ['topic', 1, '这家面包店的蛋挞外酥里嫩'],
  ['topic', 1, '海边民宿的阳台可以看到日出'],
  ['topic', 0, '网购的外套线头很多，做工粗糙'],
];

export const FRESH_ZH: ReadonlyArray<{ readonly category: Category; readonly label: 0 | 1; readonly text: string }> = ROWS.map(([category, label, text]) => ({ category, label, text }));
