import type { enHandout } from './en-handout';

/** 讲义相关的中文字符串：打印用的图、单页 PDF、复制到剪贴板。 */
export const zhHandout: Record<keyof typeof enHandout, string> = {
  'export.pdf': '导出讲义（单页 PDF）',
  'export.copy': '把图复制为图片',
  'export.copied': '图已作为图片（PNG，2 倍）复制到剪贴板。',
  'export.copyUnavailable': '此处浏览器无法把图片放进剪贴板（需要 https 或 localhost 的安全页面），请改为下载 PNG。',
  'export.copyRefused': '浏览器拒绝复制图片（{reason}），请改为下载 PNG。',
  'handout.sentence': '句子：“{text}”',
  'handout.model': '模型：{model} · {kind} 单元',
  'handout.layer': '第 {layer} 层（共 {layers} 层）',
  'handout.equations': '这一步的单元公式，代入的是第 {unit} 号单元的数值',
  'handout.noEquations': '这个视图自行运行其中的单元，公式请在应用中查看。',
  'handout.footer': '由 Gatescope 生成 · {link}',
};
