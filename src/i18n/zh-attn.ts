import type { enAttn } from './en-attn';

/** 翻译视图的注意力（translate-attn-<kind>）的中文字符串。 */
export const zhAttn: Record<keyof typeof enAttn, string> = {
  'attn.toggle': '带注意力',
  'attn.intro': '带注意力（Luong 的 general 打分）：编码器的最终状态照样交给解码器，此外解码器每一步还读取编码器所有状态的加权和，每个源词一个权重。链下方的连线和下面的矩阵画出这些权重。',
  'attn.matrixTitle': '注意力权重',
  'attn.matrixLabel': '注意力权重：每写出一个字一行，每个源词一列；每行之和为 1',
  'attn.matrixNote': '行：该解码步写出的字。列：源词。颜色越浓，权重越大。当前步的那一行有边框，并写出了数值。',
  'attn.links': '解码器第 {n} 步按这些权重读取源词',
  'attn.encoderNote': '解码器还没开始：走到解码器的某一步，就能看到它读取哪些源词。',
  'attn.explain':
    '注意力消除了瓶颈：解码器不必再从一个固定大小的上下文里找回整句话，而是回头去看它需要的那个词，一个或两个分句的留出句子全部译对。三四个分句的句子比训练过的都长，它仍然失败：译完第一个分句后，它去读最后一个分句（输入一句试试，看看矩阵）。数据见 README。',
};
