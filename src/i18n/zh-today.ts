import type { enToday } from './en-today';

/** 今日循环单元（minGRU、minLSTM、sLSTM、mLSTM）的中文字符串。 */
export const zhToday: Record<keyof typeof enToday, string> = {
  'kindGroup.classic': '经典单元',
  'kindGroup.today': '今日循环单元（2024）',
  'task.noModel': '此任务还没有训练好的 {kind} 模型',
  'translate.noModel': '翻译模型是用经典单元训练的编码器–解码器，还没有用 {kind} 训练的翻译模型。',
  'translate.useDefault': '看 {kind} 的翻译',
  'row.zMin': '更新门 z_t（取多少 h̃）',
  'row.hTilde': '线性候选值 h̃_t',
  'row.fPrime': '归一化遗忘门 f′_t',
  'row.iPrime': '归一化输入门 i′_t',
  'vec.keptMinGru': '保留 (1 − z_t) ⊙ h_{t−1}',
  'vec.writtenMinGru': '写入 z_t ⊙ h̃_t',
  'vec.keptMinLstm': '保留 f′_t ⊙ h_{t−1}',
  'vec.writtenMinLstm': '写入 i′_t ⊙ h̃_t',
  'diag.mingruNote':
    'minGRU（Feng 等，2024）只保留 GRU 的更新门：没有重置门，没有 tanh，也没有任何一条线把 h_{t−1} 送进神经网络层。z_t 和 h̃_t 只读 x_t，所以所有时间步的门可以一次算完；只剩 h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t 这一条链。',
  'diag.minlstmNote':
    'minLSTM（Feng 等，2024）保留遗忘门和输入门（都只读 x_t），去掉输出门和细胞状态。两个门先归一化，f′ = f/(f + i)、i′ = i/(f + i)，合起来恰好为 1，因此 h_t = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t 始终是加权平均。',
  'conv.mingru':
    '注意方向：minGRU 的 z 取新的候选值（z = 1 时写入 h̃），与经典 GRU 中“保留旧状态”的 z 正好相反。这里是论文的顺序模式，h̃ 为线性；论文的对数空间模式会把 h̃ 经过 g(x) = x + 0.5 或 σ(x) 以保持 h 为正，那是另一个函数。',
  'conv.minlstm': 'minLSTM 的 f′ 按 σ(softplus(−ĩ) − softplus(−f̃)) 计算：与 f/(f + i) 相等，但两个门都下溢为 0 时仍是有限值；i′ = 1 − f′。与 minGRU 一样采用顺序模式和线性 h̃。',
  'scan.title': '所有时间步一次算：并行扫描',
  'scan.lead':
    '因为没有门读取 h_{t−1}，每一步都是同一类映射 h ↦ a ⊙ h + b，两个映射可以合成一个：先做 (a₁, b₁) 再做 (a₂, b₂)，等于 (a₂a₁, a₂b₁ + b₂)。第 ℓ 层把每个方框与它左边第 2^(ℓ−1) 列（1、2、4……，即斜线）的方框合并；经过 ⌈log₂ T⌉ = {levels} 层，每个方框都是从 h_0 到 h_t 的映射。GPU 一层之内的方框同时计算。',
  'scan.unit': '单元',
  'scan.level0': '各步',
  'scan.level': '第 {l} 层',
  'scan.result': 'h_t',
  'scan.box': '第 {from} 到 {to} 步：h ↦ {a} × h + {b}',
  'scan.agree': '扫描与逐步计算一致：{n} 个数值中最大差 {diff}。',
  'scan.first': '扫描只画出 {total} 步中的前 {n} 步。',
  'scan.figure': '单元 {k} 的并行扫描：{T} 步，{levels} 层',
};
