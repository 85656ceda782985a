import { FlagList } from '../../src/domain/engine/flags';
import { bi } from '../../src/domain/i18n';
import type { InitiativeColumns } from '../../src/domain/model';
import { InitiativeRecord } from '../../src/domain/read/initiative-record';

const HAS: InitiativeColumns = { posted: true, registeredOn: true, recognitionDoc: true, rewardDecision: true, benefitCertification: true, docDate: true, social: true, benefit: true };
const initiatives = Array.from({ length: 1500 }, (_, n) => new InitiativeRecord(n, 'DS sáng kiến', n + 5, null, `Sáng kiến ${n}`, [], n % 2 ? 'CĐCS A' : null, null, null, 0, null, [], HAS));
const NOT_POSTED = { code: 'not_posted' }; // stands for a shared check
const notPosted = bi('Sáng kiến chưa đăng tải', 'Initiative: not posted');

function filled(): FlagList {
  const flags = new FlagList(initiatives);
  initiatives.forEach((i) => {
    flags.add(i.id, 'not_posted', notPosted, NOT_POSTED);
    if (i.id % 3 === 0) flags.add(i.id, 'registered_after_cutoff', bi(`Đăng ký muộn ${i.id}`, `Late ${i.id}`));
  });
  return flags;
}

test('each flag reads back as the Issue of its initiative, in the order added, past the first 1,024', () => {
  const flags = filled();
  expect(flags.length).toBe(1500 + 500);
  const last = flags.at(flags.length - 1);
  expect(last).toEqual({ sheet: 'DS sáng kiến', row: 1499 + 5, column: null, subject: 'Sáng kiến 1499', severity: 'warning', kind: 'initiative', unit: 'CĐCS A', code: 'not_posted', message: notPosted });
  const all = [...flags];
  expect(all).toHaveLength(flags.length);
  expect(all[1]).toEqual(expect.objectContaining({ row: 5, unit: null, code: 'registered_after_cutoff', message: { vi: 'Đăng ký muộn 0', en: 'Late 0' } }));
  const rows = all.map((f) => f.row!);
  expect(rows).toEqual([...rows].sort((a, b) => a - b));
});

test('a shared code and message is kept once; a flag past either end is an error, not an undefined', () => {
  const flags = filled();
  expect(flags.at(0).message).toBe(flags.at(flags.length - 1).message);
  expect(() => flags.at(flags.length)).toThrow(RangeError);
  expect(() => flags.at(-1)).toThrow(RangeError);
});
