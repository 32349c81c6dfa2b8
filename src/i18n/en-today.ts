/** English strings of today's recurrences (minGRU, minLSTM, sLSTM, mLSTM): names, rows, notes. */
export const enToday = {
  'kindGroup.classic': 'Classic cells',
  'kindGroup.today': 'Today’s recurrences (2024)',
  'task.noModel': 'no trained {kind} model for this task yet',
  'translate.noModel': 'The translation models are encoder–decoders of the classic cells; none is trained with {kind} yet.',
  'translate.useDefault': 'Show the {kind} translator',
  'row.zMin': 'update gate z_t (how much of h̃ to take)',
  'row.hTilde': 'linear candidate h̃_t',
  'row.fPrime': 'normalised forget gate f′_t',
  'row.iPrime': 'normalised input gate i′_t',
  'vec.keptMinGru': 'kept (1 − z_t) ⊙ h_{t−1}',
  'vec.writtenMinGru': 'written z_t ⊙ h̃_t',
  'vec.keptMinLstm': 'kept f′_t ⊙ h_{t−1}',
  'vec.writtenMinLstm': 'written i′_t ⊙ h̃_t',
  'diag.mingruNote':
    'minGRU (Feng et al. 2024) keeps the GRU’s update gate and drops the rest: no reset gate, no tanh, and no line from h_{t−1} into any layer. z_t and h̃_t read x_t alone, so every step’s gates can be computed at once; only h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t remains a chain.',
  'diag.minlstmNote':
    'minLSTM (Feng et al. 2024) keeps the forget and input gates, reading x_t alone, and drops the output gate and the cell state. The two gates are scaled to share one unit of weight, f′ = f/(f + i) and i′ = i/(f + i), so h_t = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t stays a weighted average.',
  'conv.mingru':
    'minGRU’s z takes the new candidate (z = 1 writes h̃), the opposite of the classic GRU’s z, which keeps. This is the paper’s sequential mode with a linear h̃; its log-space mode passes h̃ through g(x) = x + 0.5 or σ(x) to keep h positive, a different function.',
  'conv.minlstm':
    'minLSTM’s f′ is computed as σ(softplus(−ĩ) − softplus(−f̃)), equal to f/(f + i) but finite when both gates are 0 to the last bit; i′ = 1 − f′. Sequential mode, linear h̃, as in minGRU.',
  'scan.title': 'Every step at once: the scan',
  'scan.lead':
    'Because no gate reads h_{t−1}, each step is the same kind of map, h ↦ a ⊙ h + b, and two maps combine into one: doing (a₁, b₁) then (a₂, b₂) is (a₂a₁, a₂b₁ + b₂). At level ℓ every box is combined with the box 2^(ℓ−1) columns to its left (1, 2, 4, … : the slanted lines), so after ⌈log₂ T⌉ = {levels} levels every box holds the map from h_0 to h_t. A GPU computes each level’s boxes at once.',
  'scan.unit': 'Unit',
  'scan.level0': 'steps',
  'scan.level': 'level {l}',
  'scan.result': 'h_t',
  'scan.box': 'Steps {from} to {to}: h ↦ {a} × h + {b}',
  'scan.agree': 'Scan and stepping agree: largest difference {diff} over {n} values.',
  'scan.first': 'The scan covers the first {n} of the {total} steps.',
  'scan.figure': 'The parallel scan of unit {k}: {T} steps in {levels} levels',
} as const;
