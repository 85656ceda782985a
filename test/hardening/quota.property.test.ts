/**
 * Quota allocation invariants on random small provinces (fast-check): whatever the numbers and the
 * reviewers' decisions, no group gets more nominees than its quota (2.2.1/1.2.1 list ties), the
 * reserve follows the ranking, every selected nominee ranks before every reserve unless pinned, a
 * pin is always selected, an exclusion never is, and the same input gives the same output.
 */
import fc from 'fast-check';
import type { Decision } from '../../src/domain/engine/decisions';
import type { Nomination } from '../../src/domain/engine/quotas';
import { decide } from '../../src/domain/engine/run';
import { readSheets } from '../../src/domain/read/workbook-reader';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import { decision, grassrootsSheet, initiativeSheet, upperSheet, type GrassSpec, type InitiativeSpec, type SheetArrays, type UpperSpec } from '../helpers/province';

/** `runSheets` of the helpers without its two reports: read the sheets and decide (hundreds of runs). */
function nominate(sheets: SheetArrays[], decisions: Decision[] = []): Nomination[] {
  return decide(readSheets(sheets).model, LAI_CHAU_82_2023, {}, decisions).nominations;
}

/** What an officer sees of the nominations: names and keys in order, per award and group. */
const visible = (list: Nomination[]) => list.map((n) => ({ award: n.award, group: n.group, quota: n.quota, selected: n.selected.map((c) => c.key), reserve: n.reserve.map((c) => c.key), displaced: n.displaced }));

const KEEP_TIES = new Set(['2.2.1', '1.2.1']);
const PLACES = ['Tam Đường', 'Phong Thổ', 'Sìn Hồ', 'Than Uyên'];
const SCHOOLS = ['Trường THPT', 'Trạm Y tế', 'UBND xã', 'Công ty Chè', 'Trường Mầm non', 'Hợp tác xã', 'Trường Tiểu học', 'Chi nhánh Điện', 'Bưu điện'];
const AUTHORS = ['Lò Văn Minh', 'Tòng Thị Xuân', 'Nguyễn Thị Hoa', 'Sần Thị Dào', 'Đỗ Văn Phúc', 'Vàng A Sử'];
const BENEFITS = [null, 10_000_000, 50_000_000, 60_000_000, 120_000_000, '1,25 tỷ', 30_000_000_000];

const upperArb = fc.record({
  plan: fc.integer({ min: 5, max: 40 }),
  count: fc.integer({ min: 0, max: 90 }),
  grassroots: fc.constantFrom(10, 49, 50, 79, 80, 120),
  members: fc.constantFrom(800, 1999, 2000, 3500),
});

const grassArb = fc.record({
  upper: fc.nat(),
  plan: fc.integer({ min: 1, max: 20 }),
  count: fc.integer({ min: 0, max: 45 }),
  clause: fc.constantFrom('x', null),
  rewarded: fc.constantFrom('x', null),
  ownership: fc.constantFrom('Nhà nước', 'Ngoài nhà nước', null),
});

const initArb = fc.record({
  unit: fc.nat(),
  authors: fc.uniqueArray(fc.constantFrom(...AUTHORS), { minLength: 1, maxLength: 2 }),
  benefit: fc.constantFrom(...BENEFITS),
  social: fc.constantFrom('x', null),
  posted: fc.constantFrom('x', 'x', null),
  cert: fc.constantFrom('x', 'x', null),
});

/** Decisions are drawn as picks among the candidates of a first, decision-free run. */
const planArb = fc.array(fc.record({ pick: fc.nat(), kind: fc.constantFrom<'exclude' | 'pin'>('exclude', 'pin'), everyAward: fc.boolean() }), { maxLength: 6 });

const provinceArb = fc.record({
  upper: fc.array(upperArb, { minLength: 1, maxLength: 3 }),
  grass: fc.array(grassArb, { minLength: 0, maxLength: 12 }),
  initiatives: fc.array(initArb, { minLength: 0, maxLength: 14 }),
  plan: planArb,
});

type Province = typeof provinceArb extends fc.Arbitrary<infer T> ? T : never;

function sheets(p: Province): SheetArrays[] {
  const uppers: UpperSpec[] = p.upper.map((u, i) => ({ name: `LĐLĐ huyện ${PLACES[i]}`, ...u, bloc: 'Khối huyện' }));
  const grass: GrassSpec[] = p.grass.map((g, i) => ({
    name: `CĐCS ${SCHOOLS[i % SCHOOLS.length]} ${PLACES[g.upper % uppers.length]}${i >= SCHOOLS.length ? ` ${i}` : ''}`,
    parent: uppers[g.upper % uppers.length]!.name,
    plan: g.plan, count: g.count, members: 50, clause: g.clause, rewarded: g.rewarded, ownership: g.ownership,
  }));
  const out = [upperSheet(uppers), grassrootsSheet(grass)];
  if (grass.length && p.initiatives.length) {
    const list: InitiativeSpec[] = p.initiatives.map((x, i) => ({
      title: `Sáng kiến ${i + 1}`, authors: x.authors.join(', '), unit: grass[x.unit % grass.length]!.name,
      benefit: x.benefit, social: x.social, posted: x.posted, cert: x.cert,
    }));
    out.push(initiativeSheet(list));
  }
  return out;
}

const byAward = (list: Nomination[]) => list.filter((n) => n.quota !== null || n.group !== '*');

/** The ranking of each (award, group) without decisions: selected then reserve. */
function ranking(list: Nomination[]): Map<string, string[]> {
  return new Map(list.map((n) => [`${n.award}|${n.group}`, [...n.selected, ...n.reserve].map((c) => c.key)]));
}

function decisionsFor(p: Province, baseline: Nomination[]): Decision[] {
  const capped = baseline.filter((n) => n.group !== '*' || n.quota !== null).flatMap((n) => [...n.selected, ...n.reserve].map((c) => ({ key: c.key, award: n.award })));
  if (!capped.length) return [];
  const seen = new Set<string>();
  const out: Decision[] = [];
  for (const d of p.plan) {
    const c = capped[d.pick % capped.length]!;
    if (seen.has(c.key)) continue; // one decision per subject: the last one would win anyway
    seen.add(c.key);
    out.push(decision(c.key, d.kind, d.kind === 'exclude' && d.everyAward ? null : c.award));
  }
  return out;
}

describe('quota allocation on random provinces', () => {
  test('invariants hold for every award and group', () => {
    fc.assert(
      fc.property(provinceArb, (p) => {
        const input = sheets(p);
        const baseline = nominate(input);
        const order = ranking(baseline);
        const decisions = decisionsFor(p, baseline);
        const run = { out: { nominations: nominate(input, decisions) } };
        const pins = decisions.filter((d) => d.kind === 'pin');
        const excluded = decisions.filter((d) => d.kind === 'exclude');

        for (const n of byAward(run.out.nominations)) {
          const id = `${n.award}|${n.group}`;
          const rank = order.get(id) ?? [];
          const pos = (key: string) => rank.indexOf(key);
          const pinned = n.selected.filter((c) => c.pinned);

          // never more than the quota (ties listed for 2.2.1/1.2.1; pins come in over it)
          if (n.quota === null) expect(n.selected.every((c) => c.pinned)).toBe(true);
          else if (!KEEP_TIES.has(n.award)) expect(n.selected.length).toBeLessThanOrEqual(Math.max(n.quota, pinned.length));
          // a quota is filled while there are candidates (no decision can leave a slot empty)
          if (n.quota !== null && !KEEP_TIES.has(n.award)) expect(n.selected.length).toBeGreaterThanOrEqual(Math.min(n.quota, n.selected.length + n.reserve.length));

          // the reserve is numbered in ranking order
          const reservePos = n.reserve.map((c) => pos(c.key));
          expect(reservePos.every((x) => x >= 0)).toBe(true);
          expect(reservePos).toEqual([...reservePos].sort((a, b) => a - b));

          // every selected ranks before every reserve, unless pinned in
          for (const s of n.selected.filter((c) => !c.pinned)) for (const r of n.reserve) expect(pos(s.key)).toBeLessThan(pos(r.key));

          // an exclusion is never selected nor in reserve
          for (const d of excluded) {
            if (d.award !== null && d.award !== n.award) continue;
            expect(n.selected.map((c) => c.key)).not.toContain(d.subject);
            expect(n.reserve.map((c) => c.key)).not.toContain(d.subject);
          }
          // nobody is listed twice
          const keys = [...n.selected, ...n.reserve].map((c) => c.key);
          expect(new Set(keys).size).toBe(keys.length);
        }

        // a pin is always selected, in the group where it was a candidate
        for (const d of pins) {
          const groups = run.out.nominations.filter((n) => n.award === d.award && [...n.selected, ...n.reserve, ...n.excluded].some((c) => c.key === d.subject));
          for (const n of groups) expect(n.selected.map((c) => c.key)).toContain(d.subject);
        }

        // same input, same output
        expect(visible(nominate(input, decisions))).toEqual(visible(run.out.nominations));
      }),
      { numRuns: 100, seed: 20230831 },
    );
  });

  test('without decisions the selection is exactly the top of the ranking, up to the quota', () => {
    fc.assert(
      fc.property(provinceArb, (p) => {
        for (const n of byAward(nominate(sheets(p)))) {
          if (n.quota === null) {
            expect(n.selected).toEqual([]);
            continue;
          }
          const all = n.selected.length + n.reserve.length;
          if (KEEP_TIES.has(n.award)) expect(n.selected.length).toBeGreaterThanOrEqual(Math.min(n.quota, all));
          else expect(n.selected.length).toBe(Math.min(n.quota, all));
        }
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
