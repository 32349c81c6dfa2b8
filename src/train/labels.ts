/** Chinese names for the memory task's languages, in the order of LANGUAGES. */
export const LANGUAGES_ZH = ['法语', '德语', '西班牙语', '意大利语', '中文', '日语'];
