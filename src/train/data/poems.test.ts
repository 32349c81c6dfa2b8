import { describe, expect, it } from 'vitest';
import { poemsFromFortunes } from './poems';

const FILE = [
  '\u001b[32m《静夜思》\u001b[m',
  '\u001b[33m作者：李白\u001b[m',
  '床前明月光，疑是地上霜。',
  '举头望明月，低头思故乡。',
  '%',
  '\u001b[32m题目:《塞上》\u001b[m',
  '\u001b[33m作者:柳开（９４６－９９９）\u001b[m',
  '鸣骹直上一千尺，天静无风声更干。',
  '%',
  '',
].join('\n');

describe('poems from fortunes-zh', () => {
  it('keeps the poem lines, joined as written, without titles, authors or colour codes, one key per poem', () => {
    const ps = poemsFromFortunes(FILE, 'tang300');
    expect(ps.map((p) => p.key)).toEqual(['tang300 #1', 'tang300 #2']);
    expect(ps[0]!.text).toBe('床前明月光，疑是地上霜。举头望明月，低头思故乡。');
    expect(ps[1]!.text).toBe('鸣骹直上一千尺，天静无风声更干。');
  });
});
