import type { enMlstm } from './en-mlstm';

/** mLSTM 图及其记忆面板（矩阵记忆 C 的热图）的中文字符串。 */
export const zhMlstm: Record<keyof typeof enMlstm, string> = {
  'row.q': '查询 q_t',
  'row.k': '键 k_t（已除以 √d）',
  'row.v': '值 v_t',
  'row.preOne': '{g} 的预激活值（整个记忆只有一个数）',
  'row.logFM': '遗忘门的对数 log σ(f̃_t)',
  'row.nq': 'n_t · q_t',
  'row.den': '分母 max(|n_t · q_t|, exp(−m_t))',
  'row.hRead': '从记忆读出的 h̃_t',
  'vec.vkRead': '写入的键值对被 q_t 读出：v_t (k_t · q_t)',
  'vec.cPrevRead': '上一步记忆被 q_t 读出：C_{t−1} q_t',
  'vec.keptRead': '保留的记忆被 q_t 读出：f′_t C_{t−1} q_t',
  'vec.writtenRead': '写入的键值对被 q_t 读出：i′_t v_t (k_t · q_t)',
  'vec.cRead': '记忆被 q_t 读出：C_t q_t',
  'diag.mlstmNote':
    'mLSTM（Beck 等，2024，xLSTM）用矩阵 C 代替向量作记忆：每一步写入一对 v_t k_tᵀ（以键存放一个值），查询 q_t 读出 C_t q_t，即按各个键与 q_t 的匹配程度加权的已存值。它的门各是一个数，只读 x_t，并像 sLSTM 一样有稳定器 m。传送带上的色块显示 q_t 读到的 C；C 本身在图下方的记忆面板中。',
  'conv.mlstm':
    'mLSTM：单头，头维度等于隐藏维度；门读 x_t（官方模块把 [q, k, v] 送给门，那在单元之外）；C_t 累加 v kᵀ（行：值，列：键），读作 C q（官方代码存其转置、读 qᵀC）；k 连同偏置除以 √d；分母不加 ε（官方核加 10⁻⁶）。',
  'mem.title': '矩阵记忆 C_t',
  'mem.lead': '行是值的单元，列是键的单元，取图中显示的 {n} 个单元（共 {H} 个；可在图下方另选）。一个遗忘门 f′_t 缩放整个记忆，一个输入门 i′_t 缩放整对 v kᵀ。颜色：蓝为负，红为正。',
  'mem.cPrev': '上一步记忆 C_{t−1}',
  'mem.outer': '写入的一对 v_t k_tᵀ',
  'mem.c': '记忆 C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ',
  'mem.stabiliser': '稳定器 m_t',
  'mem.forgetSide': '过去的权重（对数）：log σ(f̃_t) + m_{t−1}',
  'mem.inputSide': '新写入的权重（对数）：ĩ_t',
  'mem.larger': '较大者',
  'mem.read': '读取记忆',
  'mem.denLead':
    'C_t q_t 除以 |n_tᵀ q_t|（n_t 累加写入过的键，即 q_t 与记忆的匹配程度）和 exp(−m_t)（下限，稳定化之前为 1：q_t 几乎什么都不匹配时，读出不会被放大）两者中较大者。n_tᵀ q_t 对全部 {H} 个单元求和。',
  'mem.nqSide': '|n_tᵀ q_t|',
  'mem.floorSide': 'exp(−m_t)',
  'mem.denominator': '分母 d_t',
  'mem.wins': '较大',
  'mem.unit': '单元 {k}',
  'mem.readTable': '归一化状态与读出，逐单元',
  'mem.sides': '分母的两边',
};
