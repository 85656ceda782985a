/**
 * Rule sets are data: the presets survive a JSON round trip and validate; a hand-written rule set
 * (an upper-level union's own criteria, guidance III.3) loads from a file and runs; mistakes are
 * reported with their path in both languages, before anything is evaluated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRESETS } from '../../src/domain/rules/presets';
import { validateRuleSet } from '../../src/domain/rules/validate';
import { grassrootsSheet, initiativeSheet, runSheets, upperSheet } from '../helpers/province';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'rules-ldld-huyen-example.json');

test.each(Object.keys(PRESETS))('preset %s is plain JSON data and validates', (id) => {
  const result = validateRuleSet(JSON.parse(JSON.stringify(PRESETS[id])));
  expect(result.ok).toBe(true);
});

test('the example of an upper-level union\'s own criteria validates and decides with its own thresholds', () => {
  const result = validateRuleSet(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  if (!result.ok) throw new Error(result.errors.map((e) => e.en).join('; '));
  const run = runSheets(
    [
      upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 30, count: 45, grassroots: 60 }]),
      grassrootsSheet([
        { name: 'CĐCS Bản Bo', parent: 'LĐLĐ huyện Tam Đường', plan: 10, count: 12 }, // 120%: H.1a met ("từ 120%")
        { name: 'CĐCS Bình Lư', parent: 'LĐLĐ huyện Tam Đường', plan: 10, count: 11 }, // 110%
      ]),
      initiativeSheet([
        { title: 'SK1', authors: 'Lò Văn A', unit: 'CĐCS Bình Lư', benefit: '40 triệu' },
        { title: 'SK2', authors: 'Lò Văn A', unit: 'CĐCS Bình Lư', benefit: '30 triệu' },
        { title: 'SK3', authors: 'Lò Văn B', unit: 'CĐCS Bình Lư', benefit: '30 triệu' },
      ]),
    ],
    { rules: result.rules },
  );
  expect(run.unit('CĐCS Bản Bo').verdicts['H.1a']).toEqual({ result: 'met', reason: 'H.1a: 120% kế hoạch (12/10) ≥ 120%' });
  // Bình Lư: three initiatives with benefit (many = 3 in this rule set), 100 million in total.
  expect(run.unit('CĐCS Bình Lư').verdicts['H.1b']!.result).toBe('met');
  expect(run.nomination('H.1', 'LĐLĐ huyện Tam Đường')).toMatchObject({ quota: 5, selected: ['CĐCS Bản Bo', 'CĐCS Bình Lư'] });
  expect(run.person('Lò Văn A').verdicts['H.2']!.result).toBe('met');
  expect(run.nomination('H.2')).toMatchObject({ quota: null, selected: ['Lò Văn A'] });
});

test('mistakes are named with their path, in Vietnamese and English', () => {
  const bad = {
    id: 'x', title: { vi: 'x', en: 'x' }, topLevel: 'everywhere', params: {},
    criteria: [
      { id: 'A', appliesTo: ['upper'], title: { vi: 'a', en: 'a' }, when: { metric: 'pcts', cmp: '>>', value: { param: 'nope' } } },
      { id: 'A', appliesTo: ['martians'], title: { vi: 'a', en: 'a' }, when: { criterion: 'Z' } },
    ],
    quotas: [{ award: 'Q', subject: 'upper', groupBy: 'bloc', slots: [{ slots: -1 }], order: ['height'] }],
    uncapped: ['W'],
  };
  const result = validateRuleSet(bad);
  expect(result.ok).toBe(false);
  const en = result.ok ? [] : result.errors.map((e) => e.en);
  const vi = result.ok ? [] : result.errors.map((e) => e.vi);
  for (const expected of [
    'topLevel: must be "upper" or "root"',
    'criteria[0].when.metric: unknown metric "pcts"',
    'criteria[0].when.cmp: comparator must be one of',
    'criteria[0].when.value: no parameter "nope"',
    'criteria[1].id: id "A" repeats',
    'criteria[1].appliesTo: subjects must be among',
    'criteria[1].when: no criterion "Z"',
    'quotas[0].award: no criterion "Q"',
    'quotas[0].groupBy: must be upper, top or workbook',
    'quotas[0].slots[0]: slots must be a whole number ≥ 0',
    'quotas[0].order: order keys must be among',
    'uncapped[0]: no criterion "W"',
  ]) expect(en.some((m) => m.startsWith(expected))).toBe(true);
  expect(vi.some((m) => m.startsWith('criteria[0].when.metric: chỉ số không hợp lệ'))).toBe(true);
});

test('criteria that refer to each other in a circle are refused (they could never be decided)', () => {
  const rules = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  rules.criteria[0].when = { criterion: 'H.1' };
  const result = validateRuleSet(rules);
  expect(result.ok).toBe(false);
  expect(result.ok ? '' : result.errors[0]!.en).toMatch(/circle: (H\.1a → H\.1 → H\.1a|H\.1 → H\.1a → H\.1)/);
});

test('not an object at all', () => {
  expect(validateRuleSet([1, 2])).toEqual({ ok: false, errors: [{ vi: 'Tệp tiêu chí phải là một đối tượng JSON', en: 'The rule file must be a JSON object' }] });
});
