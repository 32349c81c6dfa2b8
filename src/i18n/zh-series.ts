import type { enSeries } from './en-series';

/** 真实序列图表的中文字符串（SeriesChart.tsx）。 */
export const zhSeries: Record<keyof typeof enSeries, string> = {
  'task.series': '真实序列：航空旅客',
  'series.heading': '{name}，逐月',
  'series.chartTitle': '{name}（{unit}）逐月数据，测试月份上模型提前一步的预测，下方为每个预测的误差',
  'series.axisY': '{unit}',
  'series.axisX': '月份（刻度在一月）',
  'series.errAxis': '误差',
  'series.train': '训练',
  'series.test': '测试（最后 20%）：从未训练',
  'series.testShort': '测试',
  'series.actual': '实际值',
  'series.predicted': '提前一个月的预测',
  'series.now': '第 {t} 步：读入 {read}，预测 {month}：{pred}（实际 {actual}，误差 {err}）',
  'series.nowBeyond': '第 {t} 步：读入 {read}，预测 {month}：{pred}（数据之后）',
  'series.nowTraining': '位于训练部分',
  'series.errorsTitle': '{n} 个测试月份（{from} 至 {to}）上的误差，单位：{unit}',
  'series.who': '预测方法',
  'series.model': '本模型',
  'series.naive': '下一个 = 当前',
  'series.seasonal': '与去年同月相同',
  'series.mse': '均方误差',
  'series.mae': '平均绝对误差',
  'series.edited': '输入框中已不是该序列，因此图表显示原始序列，不标出当前步。',
  'series.restore': '重新逐步查看该序列',
  'series.reads': '模型读入每个月比上一年同月增长多少（标准化后，即输入框中的数字），预测下个月的增长；图表再把它换算回旅客人数。',
};
