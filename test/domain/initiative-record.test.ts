import { InitiativeRecord, packYesNo, type YesNoCells } from '../../src/domain/read/initiative-record';
import type { InitiativeColumns } from '../../src/domain/model';

const HAS: InitiativeColumns = { posted: true, registeredOn: true, recognitionDoc: true, rewardDecision: true, benefitCertification: true, docDate: true, social: true, benefit: true };
const FIELDS = ['social', 'posted', 'recognitionDoc', 'rewardDecision', 'benefitCertification'] as const;
const STATES = [null, false, true] as const;

/** Every combination of the five yes/no/unknown cells (3^5). */
function* combinations(): Generator<YesNoCells> {
  for (let n = 0; n < 3 ** FIELDS.length; n++) {
    const cells = {} as Record<(typeof FIELDS)[number], boolean | null>;
    FIELDS.forEach((f, k) => (cells[f] = STATES[Math.floor(n / 3 ** k) % 3]!));
    yield cells;
  }
}

const record = (cells: YesNoCells) => new InitiativeRecord(7, 'DS sáng kiến', 42, null, 'Sáng kiến', ['Lò Văn Minh'], 'CĐCS A', null, 1_000_000, packYesNo(cells), '2023-05-01', [], HAS);

test('each of the five yes/no cells reads back as written, whatever the others hold', () => {
  let seen = 0;
  for (const cells of combinations()) {
    const r = record(cells);
    expect(FIELDS.map((f) => r[f])).toEqual(FIELDS.map((f) => cells[f]));
    seen++;
  }
  expect(seen).toBe(243);
});

test('its place is a new { sheet, row } each time, so a caller that changes one changes nothing else', () => {
  const r = record({ social: null, posted: true, recognitionDoc: false, rewardDecision: null, benefitCertification: true });
  const a = r.source;
  expect(a).toEqual({ sheet: 'DS sáng kiến', row: 42 });
  a.row = 1;
  expect(r.source).toEqual({ sheet: 'DS sáng kiến', row: 42 });
});
