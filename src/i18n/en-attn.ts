/** English strings of the translate view's attention (translate-attn-<kind>). */
export const enAttn = {
  'attn.toggle': 'with attention',
  'attn.intro':
    'With attention (Luong’s general score): the encoder’s final state is still handed over, and at every step the decoder also reads a weighted mix of all the encoder’s states, one weight per source word. The lines under the chain and the matrix below show the weights.',
  'attn.introRead':
    'With attention (Luong’s general score plus a location term): here nothing is handed over; the decoder starts from zeros and knows the sentence only through attention, and the encoder reads an end mark “</s>” after your words. At every step the decoder reads a weighted mix of all the encoder’s states, one weight per source word, its scores also leaning towards the words just after those it read at the step before. The lines under the chain and the matrix below show the weights.',
  'attn.startDecZero': 'Without a hand-over the decoder starts from zeros: at its first step, {state} = 0.',
  'attn.matrixTitle': 'Attention weights',
  'attn.matrixLabel': 'Attention weights: one row per character written, one column per source word; each row sums to 1',
  'attn.matrixNote': 'Row: the character written at that decoder step. Column: the source word. Stronger colour: more weight. The current step’s row is outlined and its weights are written in.',
  'attn.links': 'Decoder step {n} reads the source words with these weights',
  'attn.encoderNote': 'The decoder has not started: step on to a decoder step to see which source words it reads.',
  'attn.explain':
    'Attention removes the bottleneck: the decoder no longer has to find the whole sentence in one fixed-size context, it looks back at the word it needs, and every held-out sentence of one or two clauses comes out right. On three or four clauses, longer than any it was trained on, it still fails: after the first clause it reads the last one (try one and watch the matrix). The README has the figures.',
  'attn.explainRead':
    'This translator has no hand-over: it knows the sentence only through attention, and it may read only a few words either side of the word it read most at the step before, so after a clause it moves on to the next one rather than jumping to the last. Every held-out sentence of one or two clauses comes out right. On three or four clauses, longer than any it was trained on, it now gets some exactly right but still fails on most: it often writes the end after two clauses, or writes one clause again. The README has the figures.',
} as const;
