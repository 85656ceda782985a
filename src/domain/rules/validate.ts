/**
 * Checking a rule set written by hand (an upper-level union's own criteria, guidance III.3):
 * every problem is reported with its path, in both languages, before anything is evaluated.
 */
import { bi, type Bilingual } from '../i18n';
import type { RuleSet } from './types';

const SUBJECTS = ['province', 'top', 'upper', 'grassroots', 'enterprise', 'author', 'official'];
const CMPS = ['>', '>=', '<', '<=', '='];
const METRICS = ['pct', 'count', 'plan', 'members', 'grassroots', 'rank', 'benefitCount', 'maxBenefit', 'totalBenefit'];
const FLAGS = ['rewardClause', 'rewardedAuthors'];
const ORDER_KEYS = ['nonState', 'subMet', 'pct', 'totalBenefit', 'count', 'bestEvidencedBenefit', 'initiatives', 'social', 'name'];
const ROLES = ['standing', 'department', 'upper_fulltime'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  errors: Bilingual[] = [];
  constructor(private readonly params: Obj, private readonly ids: Set<string>) {}

  fail(path: string, vi: string, en: string) {
    this.errors.push(bi(`${path}: ${vi}`, `${path}: ${en}`));
  }

  value(v: unknown, path: string) {
    if (typeof v === 'number' && Number.isFinite(v)) return;
    if (isObj(v) && typeof v.param === 'string') {
      if (!(v.param in this.params)) this.fail(path, `không có tham số «${v.param}»`, `no parameter "${v.param}"`);
      return;
    }
    this.fail(path, 'cần một số hoặc { "param": tên }', 'needs a number or { "param": name }');
  }

  cmp(v: unknown, path: string) {
    if (typeof v === 'string' && CMPS.includes(v)) return;
    if (isObj(v) && typeof v.param === 'string' && v.param in this.params) return;
    this.fail(path, `phép so sánh phải là một trong ${CMPS.join(' ')}`, `comparator must be one of ${CMPS.join(' ')}`);
  }

  condition(c: unknown, path: string): void {
    if (!isObj(c)) return this.fail(path, 'điều kiện phải là một đối tượng', 'a condition must be an object');
    if (Array.isArray(c.all) || Array.isArray(c.any)) {
      const list = (c.all ?? c.any) as unknown[];
      if (!list.length) this.fail(path, 'danh sách điều kiện rỗng', 'empty list of conditions');
      list.forEach((x, i) => this.condition(x, `${path}.${c.all ? 'all' : 'any'}[${i}]`));
    } else if (typeof c.criterion === 'string') {
      if (!this.ids.has(c.criterion)) this.fail(path, `không có tiêu chí «${c.criterion}»`, `no criterion "${c.criterion}"`);
    } else if (typeof c.metric === 'string') {
      if (!METRICS.includes(c.metric)) this.fail(`${path}.metric`, `chỉ số không hợp lệ «${c.metric}»`, `unknown metric "${c.metric}"`);
      this.cmp(c.cmp, `${path}.cmp`);
      this.value(c.value, `${path}.value`);
      if (c.scope !== undefined && !['self', 'parent', 'top'].includes(String(c.scope))) this.fail(`${path}.scope`, 'phạm vi phải là self, parent hoặc top', 'scope must be self, parent or top');
    } else if (Array.isArray(c.flags)) {
      if (!c.flags.length || c.flags.some((f) => !FLAGS.includes(String(f)))) this.fail(`${path}.flags`, `cột có/không phải thuộc ${FLAGS.join(', ')}`, `flags must be among ${FLAGS.join(', ')}`);
    } else if (c.highestInBloc !== undefined) {
      this.value(c.over, `${path}.over`);
    } else if (c.personInitiatives !== undefined) {
      this.cmp(c.personInitiatives, `${path}.personInitiatives`);
      this.value(c.value, `${path}.value`);
    } else if (isObj(c.evidencedInitiative)) {
      const e = c.evidencedInitiative;
      if (e.benefit === undefined && e.social !== true) this.fail(path, 'cần benefit hoặc social', 'needs benefit or social');
      if (e.benefit !== undefined) this.value(e.benefit, `${path}.evidencedInitiative.benefit`);
    } else if (c.highestEvidencedBenefit === true) {
      // nothing to check
    } else if (Array.isArray(c.officialRole)) {
      if (c.officialRole.some((r) => !ROLES.includes(String(r)))) this.fail(`${path}.officialRole`, `vai trò phải thuộc ${ROLES.join(', ')}`, `roles must be among ${ROLES.join(', ')}`);
    } else {
      this.fail(path, 'loại điều kiện không rõ', 'unknown kind of condition');
    }
  }
}

export type Validation = { ok: true; rules: RuleSet } | { ok: false; errors: Bilingual[] };

export function validateRuleSet(input: unknown): Validation {
  if (!isObj(input)) return { ok: false, errors: [bi('Tệp tiêu chí phải là một đối tượng JSON', 'The rule file must be a JSON object')] };
  const params = isObj(input.params) ? input.params : {};
  const criteria = Array.isArray(input.criteria) ? input.criteria : [];
  const ids = new Set(criteria.filter(isObj).map((c) => String(c.id)));
  const ck = new Checker(params, ids);
  if (typeof input.id !== 'string' || !input.id) ck.fail('id', 'thiếu mã bộ tiêu chí', 'missing rule set id');
  if (!isObj(input.title)) ck.fail('title', 'thiếu tên { vi, en }', 'missing title { vi, en }');
  if (input.topLevel !== 'upper' && input.topLevel !== 'root') ck.fail('topLevel', 'phải là "upper" hoặc "root"', 'must be "upper" or "root"');
  if (!criteria.length) ck.fail('criteria', 'không có tiêu chí nào', 'no criteria');
  for (const [name, p] of Object.entries(params)) {
    if (!isObj(p) || !['number', 'date', 'boolean', 'choice'].includes(String(p.type)) || p.value === undefined) ck.fail(`params.${name}`, 'tham số cần type và value', 'a parameter needs type and value');
  }
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    const path = `criteria[${i}]`;
    if (!isObj(c)) return ck.fail(path, 'tiêu chí phải là một đối tượng', 'a criterion must be an object');
    if (typeof c.id !== 'string' || !c.id) ck.fail(`${path}.id`, 'thiếu mã tiêu chí', 'missing id');
    else if (seen.has(c.id)) ck.fail(`${path}.id`, `mã «${c.id}» bị trùng`, `id "${c.id}" repeats`);
    else seen.add(c.id);
    if (!Array.isArray(c.appliesTo) || !c.appliesTo.length || c.appliesTo.some((s) => !SUBJECTS.includes(String(s)))) ck.fail(`${path}.appliesTo`, `đối tượng phải thuộc ${SUBJECTS.join(', ')}`, `subjects must be among ${SUBJECTS.join(', ')}`);
    if (!isObj(c.title)) ck.fail(`${path}.title`, 'thiếu nội dung { vi, en }', 'missing title { vi, en }');
    ck.condition(c.when, `${path}.when`);
  });
  const quotas = Array.isArray(input.quotas) ? input.quotas : [];
  quotas.forEach((q, i) => {
    const path = `quotas[${i}]`;
    if (!isObj(q)) return ck.fail(path, 'phải là một đối tượng', 'must be an object');
    if (!ids.has(String(q.award))) ck.fail(`${path}.award`, `không có tiêu chí «${q.award}»`, `no criterion "${q.award}"`);
    if (!SUBJECTS.includes(String(q.subject))) ck.fail(`${path}.subject`, 'đối tượng không hợp lệ', 'unknown subject');
    if (!['upper', 'top', 'workbook'].includes(String(q.groupBy))) ck.fail(`${path}.groupBy`, 'phải là upper, top hoặc workbook', 'must be upper, top or workbook');
    if (q.groupWhen !== undefined) ck.condition(q.groupWhen, `${path}.groupWhen`);
    if (q.eligible !== undefined) ck.condition(q.eligible, `${path}.eligible`);
    if (!Array.isArray(q.slots) || !q.slots.length) ck.fail(`${path}.slots`, 'cần ít nhất một quy tắc số suất', 'needs at least one slot rule');
    else q.slots.forEach((s, j) => {
      if (!isObj(s) || !Number.isInteger(s.slots) || (s.slots as number) < 0) ck.fail(`${path}.slots[${j}]`, 'số suất phải là số nguyên ≥ 0', 'slots must be a whole number ≥ 0');
      else if (s.when !== undefined) ck.condition(s.when, `${path}.slots[${j}].when`);
    });
    if (!Array.isArray(q.order) || q.order.some((k) => !ORDER_KEYS.includes(String(k)))) ck.fail(`${path}.order`, `khóa sắp xếp phải thuộc ${ORDER_KEYS.join(', ')}`, `order keys must be among ${ORDER_KEYS.join(', ')}`);
  });
  const cycle = referenceCycle(criteria.filter(isObj));
  if (cycle) ck.fail('criteria', `tiêu chí tham chiếu vòng tròn: ${cycle}`, `criteria refer to each other in a circle: ${cycle}`);
  const uncapped = Array.isArray(input.uncapped) ? input.uncapped : [];
  uncapped.forEach((a, i) => ids.has(String(a)) || ck.fail(`uncapped[${i}]`, `không có tiêu chí «${a}»`, `no criterion "${a}"`));
  if (ck.errors.length) return { ok: false, errors: ck.errors };
  return { ok: true, rules: { ...(input as unknown as RuleSet), params: params as RuleSet['params'], quotas: quotas as RuleSet['quotas'], uncapped: uncapped as string[] } };
}

function refsOf(c: unknown, out: string[] = []): string[] {
  if (Array.isArray(c)) c.forEach((x) => refsOf(x, out));
  else if (isObj(c)) {
    if (typeof c.criterion === 'string') out.push(c.criterion);
    for (const v of Object.values(c)) if (typeof v === 'object') refsOf(v, out);
  }
  return out;
}

/** "a → b → a" when criteria refer to each other in a loop (evaluation would never end). */
function referenceCycle(criteria: Obj[]): string | null {
  const refs = new Map(criteria.map((c) => [String(c.id), refsOf(c.when)]));
  const state = new Map<string, 1 | 2>();
  const walk = (id: string, path: string[]): string | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...path.slice(path.indexOf(id)), id].join(' → ');
    state.set(id, 1);
    for (const r of refs.get(id) ?? []) {
      const found = walk(r, [...path, id]);
      if (found) return found;
    }
    state.set(id, 2);
    return null;
  };
  for (const id of refs.keys()) {
    const found = walk(id, []);
    if (found) return found;
  }
  return null;
}
