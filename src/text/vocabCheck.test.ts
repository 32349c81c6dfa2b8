import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unreachableWords } from './vocabCheck';
import { embedToken } from '../engine';
import { parseModelFile } from '../models/format';
import { tokenize } from './tokenize';

describe('vocabulary words the tokenizer can never produce', () => {
  it('finds str.split() and basic_english leftovers, and keeps what the words tokenizer yields', () => {
    const vocab = ['<unk>', '<pad>', '[CLS]', 'the', "didn't", 'well-made', 'great,', 'u.s.', 'didn', "'", 't', '!', '2.5', '我', '我爱'];
    expect(unreachableWords(vocab, 'words')).toEqual(['great,', 'u.s.', '2.5', '我爱']);
  });

  it('whitespace: a str.split() vocabulary is reachable as built, and typed text splits only at spaces', () => {
    expect(unreachableWords(['<unk>', 'great,', 'u.s.', "didn't", 'the'], 'whitespace')).toEqual([]);
    expect(unreachableWords(['<unk>', 'great,', 'u.s.'], 'words')).toEqual(['great,', 'u.s.']);
    expect(tokenize('It was great, really.  Great!', 'whitespace').tokens).toEqual(['It', 'was', 'great,', 'really.', 'Great!']);
    const file = JSON.parse(readFileSync('scripts/fixtures/pytorch/lstm-1.json', 'utf8')) as { tokenizer: string; embedding: { vocab: string[]; weight: number[][] } };
    file.tokenizer = 'whitespace';
    file.embedding.vocab[5] = 'good,';
    const m = parseModelFile(file);
    expect(m.tokenizer).toBe('whitespace');
    expect(embedToken(m.embedding, tokenize('good, fun', m.tokenizer).tokens[0]!).unknown).toBe(false);
    file.tokenizer = 'bpe';
    expect(() => parseModelFile(file)).toThrow(/^tokenizer: unknown tokenizer "bpe"; expected one of words, whitespace, chars, numbers/);
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
