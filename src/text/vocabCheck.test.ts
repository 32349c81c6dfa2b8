import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unreachableWords } from './vocabCheck';

describe('vocabulary words the tokenizer can never produce', () => {
  it('finds str.split() and basic_english leftovers, and keeps what the words tokenizer yields', () => {
    const vocab = ['<unk>', '<pad>', '[CLS]', 'the', "didn't", 'well-made', 'great,', 'u.s.', 'didn', "'", 't', '!', '2.5', '我', '我爱'];
    expect(unreachableWords(vocab, 'words')).toEqual(['great,', 'u.s.', '2.5', '我爱']);
  });

  it('chars: only single characters are reachable', () => {
    expect(unreachableWords(['<unk>', 'a', ' ', 'ab', '，'], 'chars')).toEqual(['ab']);
  });

  it('every shipped model can be given every word of its vocabulary', () => {
    const dir = new URL('../../public/models/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const m = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      if (!Array.isArray(m.embedding?.vocab)) continue;
      expect(unreachableWords(m.embedding.vocab, m.tokenizer), f).toEqual([]);
    }
  });
});
