import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errors, fitScale, naiveForecast, parseSeriesCsv, readMonth, seasonalNaiveForecast, seriesInputs, targetMonth, testStart, toLevel, trainingWindow, VAL_MONTHS } from './airpassengers';

const CSV = readFileSync('src/train/data/airpassengers.csv', 'utf8');

describe('the committed AirPassengers CSV', () => {
  it('holds the 144 months of R’s datasets::AirPassengers, 1949-01 to 1960-12', () => {
    const s = parseSeriesCsv(CSV);
    expect(s.values).toHaveLength(144);
    expect(s.months[0]).toBe('1949-01');
    expect(s.months.at(-1)).toBe('1960-12');
    // Facts of the series as R prints it (print(AirPassengers), mean(AirPassengers) = 280.2986).
    expect(s.values.slice(0, 12)).toEqual([112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118]);
    expect(s.values.slice(-12)).toEqual([417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432]);
    expect(s.values.reduce((a, b) => a + b, 0) / 144).toBeCloseTo(280.2986, 4);
  });

  it('refuses a malformed file, naming the line', () => {
    const head = 'month,passengers\n';
    expect(() => parseSeriesCsv('month,value\n1949-01,1\n')).toThrow(/expected the header "month,passengers"/);
    expect(() => parseSeriesCsv(`${head}1949-01,abc\n`)).toThrow(/line 2: expected "YYYY-MM,positive number", found "1949-01,abc"/);
    expect(() => parseSeriesCsv(`${head}1949-01,-3\n`)).toThrow(/line 2/);
    expect(() => parseSeriesCsv(`${head}1949-01,1\n1949-03,2\n`)).toThrow(/line 3: 1949-03 does not follow 1949-01/);
    expect(() => parseSeriesCsv(`${head}1949-01,1\n`)).toThrow(/1 months; the split needs at least 40/);
    // A year turns: December is followed by January.
    expect(() => parseSeriesCsv(`${head}1949-12,1\n1950-02,2\n`)).toThrow(/line 3: 1950-02 does not follow 1949-12/);
    expect(
      parseSeriesCsv(`${head}${Array.from({ length: 40 }, (_, k) => `${1949 + Math.floor((11 + k) / 12)}-${String(((11 + k) % 12) + 1).padStart(2, '0')},${k + 1}`).join('\n')}\n`).months[1],
    ).toBe('1950-01');
  });
});

describe('the time split, by construction', () => {
  const s = parseSeriesCsv(CSV);
  const n = s.values.length;
  const test = testStart(n);

  it('tests the last 20%: months 115–143 (1958-08 to 1960-12), 29 months', () => {
    expect(test).toBe(115);
    expect(n - test).toBe(29);
    expect(s.months[test]).toBe('1958-08');
  });

  it('the scale and the training window do not change when every test month is changed', () => {
    // If anything at or after the boundary were read, scaling the test months by 10 would show.
    const other = s.values.map((v, t) => (t >= test ? v * 10 + 7 : v));
    const a = fitScale(s.values, test);
    const b = fitScale(other, test);
    expect(b).toEqual(a);
    expect(trainingWindow(seriesInputs(other, b), test)).toEqual(trainingWindow(seriesInputs(s.values, a), test));
    // …and the validation tail's window does not read the validation months either.
    const val = test - VAL_MONTHS;
    const third = s.values.map((v, t) => (t >= val ? v * 3 : v));
    expect(trainingWindow(seriesInputs(third, a), val)).toEqual(trainingWindow(seriesInputs(s.values, a), val));
  });

  it('the training window’s last target is the month before the boundary, and no step reads past it', () => {
    const zs = seriesInputs(s.values, fitScale(s.values, test));
    const w = trainingWindow(zs, test);
    const last = w.ys.length - 1;
    expect(targetMonth(last)).toBe(test - 1);
    expect(readMonth(last)).toBe(test - 2);
    expect(w.xs).toHaveLength(w.ys.length);
    // Each target is the next step's input.
    for (let k = 0; k < last; k++) expect(w.ys[k]).toBe(w.xs[k + 1]);
  });

  it('a prediction of the exact change gives back the month (the inverse of the inputs)', () => {
    const sc = fitScale(s.values, test);
    const zs = seriesInputs(s.values, sc);
    for (const t of [13, 60, 120, 143]) {
      // z rounded to 3 decimals: at σ ≈ 0.063 that is ≤ 0.00003 in log, 0.02 passengers at 600.
      expect(Math.abs(toLevel(s.values[t - 12]!, zs[t - 12]!, sc) - s.values[t]!)).toBeLessThan(0.03);
    }
  });
});

describe('baselines on a tiny hand series', () => {
  // 14 months: a year 10…21, then 30, 25.
  const v = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 30, 25];
  it('next = current: month 12 from 21, month 13 from 30', () => {
    // errors 21 − 30 = −9 and 30 − 25 = 5: MSE (81 + 25) / 2 = 53, MAE (9 + 5) / 2 = 7.
    expect(errors(v, naiveForecast(v), 12, 14)).toEqual({ mse: 53, mae: 7 });
  });
  it('same month last year: month 12 from 10, month 13 from 11', () => {
    // errors 10 − 30 = −20 and 11 − 25 = −14: MSE (400 + 196) / 2 = 298, MAE 17.
    expect(errors(v, seasonalNaiveForecast(v), 12, 14)).toEqual({ mse: 298, mae: 17 });
  });
});
