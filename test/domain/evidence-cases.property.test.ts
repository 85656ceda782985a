import fc from 'fast-check';
import { DecisionBook } from '../../src/domain/engine/decisions';
import { addInitiativeFlags, assessInitiative, EvidenceCases, type EvidenceWindow } from '../../src/domain/engine/evidence';
import { FlagList } from '../../src/domain/engine/flags';
import type { Initiative, InitiativeColumns } from '../../src/domain/model';
import { InitiativeRecord, packYesNo } from '../../src/domain/read/initiative-record';

const W: EvidenceWindow = { cutoff: '2023-08-31', docFrom: '2021-09-01', docTo: '2023-08-31' };
const ALL: InitiativeColumns = { posted: true, registeredOn: true, recognitionDoc: true, rewardDecision: true, benefitCertification: true, docDate: true, social: true, benefit: true };
const SOME: InitiativeColumns = { ...ALL, posted: false, benefitCertification: false, rewardDecision: false };
const tri = fc.constantFrom(null, true, false);
const FIELDS = ['posted', 'recognitionDoc', 'rewardDecision', 'benefitCertification', 'docDate', 'registeredOn', 'benefit'];

// A few kinds of rows (columns and yes/no cells), many initiatives of each: cases are shared.
const kind = fc.record({ has: fc.constantFrom(ALL, SOME), posted: tri, recognitionDoc: tri, rewardDecision: tri, benefitCertification: tri, social: tri });
const detail = fc.record({
  kind: fc.nat(),
  // Sometimes one yes/no cell differs from its kind's.
  differs: fc.option(fc.record({ cell: fc.constantFrom('posted', 'recognitionDoc', 'rewardDecision', 'benefitCertification'), value: tri }), { nil: undefined }),
  benefit: fc.constantFrom(null, 0, 20_000_000, 80_000_000),
  registeredOn: fc.constantFrom(null, '2022-05-01', '2023-08-31', '2023-09-01'),
  docDates: fc.subarray(['2021-08-31', '2022-01-15', '2023-08-31', '2023-09-02'], { maxLength: 2 }),
  unreadable: fc.option(fc.subarray(FIELDS, { minLength: 1 }), { nil: undefined, freq: 4 }),
});
const initiatives = fc.tuple(fc.array(kind, { minLength: 1, maxLength: 3 }), fc.array(detail, { minLength: 1, maxLength: 40 })).map(([kinds, details]) =>
  details.map((d, id) => {
    const k = { ...kinds[d.kind % kinds.length]!, ...(d.differs ? { [d.differs.cell]: d.differs.value } : {}) };
    const i = new InitiativeRecord(id, 'DS sáng kiến', id + 5, null, `Sáng kiến ${id}`, ['Lò Văn Minh'], 'CĐCS A', null, d.benefit, packYesNo(k), d.registeredOn, d.docDates, k.has);
    i.unreadable = d.unreadable;
    return i as Initiative;
  }),
);

test('an initiative worked out through its case has the status and flags it has on its own', () => {
  fc.assert(
    fc.property(initiatives, fc.boolean(), (list, decided) => {
      const decisions = new DecisionBook(decided ? [{ subject: 'initiative:DS sáng kiến!5', kind: 'keep', award: null, who: null, when: null, note: null }] : []);
      const cases = new EvidenceCases(W, decisions, list.length); // as computeFacts makes it: addFlags takes the case status found
      const viaCases = new FlagList(list);
      const alone = new FlagList(list);
      for (const i of list) {
        expect(cases.status(i)).toEqual(assessInitiative(i, W, decisions));
        cases.addFlags(viaCases, i);
        addInitiativeFlags(alone, i, W, decisions);
      }
      expect([...viaCases]).toEqual([...alone]);
    }),
    { numRuns: 2_000 },
  );
});
