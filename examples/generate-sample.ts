/**
 * Generates a realistic officer's workbook for one province (Lai Châu): upper-level unions with
 * title rows, a two-row merged header and bloc section rows; grassroots unions naming their parent
 * by name; the initiative list in every Vietnamese way of writing numbers, dates and yes/no; the
 * officials. Deterministic (seeded). Always written with exceljs's streaming writer, so
 * `--initiatives 1000000 --grassroots 10000 --upper 60` runs in bounded memory.
 *
 *   npx tsx examples/generate-sample.ts [--out examples/sample-lai-chau.xlsx] [--initiatives N]
 *                                       [--grassroots N] [--upper N] [--seed S]
 */
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';

// ---------------------------------------------------------------------------------------------
// Options and summary

export interface SampleOptions {
  out?: string;
  initiatives?: number; // rows of the initiative list (default ≈ 521)
  grassroots?: number; // rows of the grassroots sheet (default 100)
  upper?: number; // upper-level unions (default 11: the real ones)
  seed?: number;
  onProgress?: (rowsWritten: number) => void;
}

export interface SheetLayout {
  name: string;
  headerRows: number[]; // 1-based
  firstDataRow: number;
  lastDataRow: number;
  sectionRows: { row: number; text: string }[];
  totalRow: number | null;
}

export interface UpperSummary {
  name: string;
  row: number;
  bloc: string;
  plan: number;
  count: number; // as written in the count column
  countedInList: number; // counted initiatives listed under its grassroots
  pct: string; // exact, "45/30"
  grassrootsColumn: number;
  grassrootsListed: number;
  members: number;
  benefitCounted: number; // sum of readable benefits of its counted initiatives
}

export interface SampleSummary {
  out: string;
  bytes: number;
  seconds: number;
  seed: number;
  upper: number;
  grassroots: number;
  initiatives: number;
  officials: number;
  sheets: SheetLayout[];
  units: UpperSummary[];
  planted: string[];
}

export const DEFAULT_OUT = 'examples/sample-lai-chau.xlsx';
export const DEFAULT_SEED = 2023;
export const DEFAULT_GRASSROOTS = 100;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

// ---------------------------------------------------------------------------------------------
// Vietnamese writing styles

const dots = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const dmy = (d: Date): string => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
const dmy2 = (d: Date): string => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const CUTOFF = utc(2023, 8, 31);
const START = utc(2022, 1, 10);

const YES = ['x', 'x', 'X', 'Có', 'có', 'Đã', '✓'];
const NO = ['', '', 'Không', 'Chưa', '-'];

/** A benefit value in VND written as officers write it. */
function moneyText(v: number, r: Rng): string | number {
  const roll = r.next();
  if (roll < 0.45) return v;
  if (roll < 0.7) return dots(v);
  if (roll < 0.8) return r.pick([`${dots(v)} đ`, `${dots(v)}đ`, `${dots(v)} đồng`]);
  if (v >= 1e9 && v % 1e8 === 0) return `${String(v / 1e9).replace('.', ',')} tỷ`;
  if (v % 1e6 === 0) return `${v / 1e6} triệu`;
  return dots(v);
}

function dateCell(d: Date, r: Rng): Date | string {
  const roll = r.next();
  if (roll < 0.7) return d;
  if (roll < 0.85) return dmy(d);
  if (roll < 0.92) return dmy2(d);
  return `ngày ${dmy(d)}`;
}

function personName(r: Rng): string {
  if (r.chance(0.3)) {
    const fam = r.pick(['Lò', 'Tòng', 'Lường', 'Vàng', 'Giàng', 'Sùng', 'Tao', 'Lù', 'Chẻo', 'Lý', 'Hà']);
    const mid = r.pick(['Văn', 'Thị', 'A', 'Seo', 'Văn', 'Thị']);
    return `${fam} ${mid} ${r.pick(['Páo', 'Chư', 'Phù', 'Sự', 'Dếnh', 'Chinh', 'Xuân', 'Thắng', 'Hoa', 'Sinh', 'Dung', 'Mỷ', 'Lả', 'Thanh'])}`;
  }
  const fam = r.pick(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đinh']);
  const mid = r.pick(['Văn', 'Thị', 'Thị Thu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hồng', 'Quang', 'Xuân', 'Thị Thanh', 'Văn']);
  const given = r.pick(['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Ngọc', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Thắng', 'Trang', 'Tuấn', 'Vân', 'Yến', 'Duyên', 'Thuý', 'Khánh', 'Huyền']);
  return `${fam} ${mid} ${given}`;
}

// ---------------------------------------------------------------------------------------------
// The province

type Kind = 'district' | 'education' | 'health' | 'civil';

interface UpperProfile {
  name: string;
  short: string; // district name for grassroots names
  kind: Kind;
  count: number; // default count column
  plan: number; // default plan
  grassrootsColumn: number;
  members: number;
  listed: number; // default listed grassroots
  places: string[];
}

/** The 11 real upper-level unions, with the numbers that plant the interesting verdicts. */
const PROFILE: UpperProfile[] = [
  { name: 'LĐLĐ huyện Tam Đường', short: 'Tam Đường', kind: 'district', count: 58, plan: 35, grassrootsColumn: 85, members: 3120, listed: 14, places: ['Bản Bo', 'Bình Lư', 'Nà Tăm', 'Sơn Bình', 'Khun Há', 'Bản Giang', 'Hồ Thầu', 'Thèn Sin', 'Giang Ma', 'Tả Lèng', 'Nùng Nàng'] },
  { name: 'LĐLĐ huyện Phong Thổ', short: 'Phong Thổ', kind: 'district', count: 45, plan: 30, grassrootsColumn: 62, members: 1850, listed: 10, places: ['Mường So', 'Dào San', 'Sì Lở Lầu', 'Khổng Lào', 'Bản Lang', 'Hoang Thèn', 'Ma Ly Pho', 'Mồ Sì San', 'Vàng Ma Chải', 'Sin Suối Hồ'] },
  { name: 'LĐLĐ huyện Sìn Hồ', short: 'Sìn Hồ', kind: 'district', count: 48, plan: 46, grassrootsColumn: 47, members: 2350, listed: 9, places: ['Nậm Tăm', 'Pa Tần', 'Chăn Nưa', 'Căn Co', 'Ma Quai', 'Nậm Cha', 'Noong Hẻo', 'Pa Khoá', 'Phìn Hồ', 'Tả Phìn'] },
  { name: 'LĐLĐ huyện Mường Tè', short: 'Mường Tè', kind: 'district', count: 30, plan: 40, grassrootsColumn: 38, members: 1420, listed: 7, places: ['Bum Nưa', 'Bum Tở', 'Ka Lăng', 'Mù Cả', 'Pa Vệ Sủ', 'Tà Tổng', 'Thu Lũm', 'Vàng San', 'Kan Hồ'] },
  { name: 'LĐLĐ huyện Than Uyên', short: 'Than Uyên', kind: 'district', count: 80, plan: 40, grassrootsColumn: 64, members: 2680, listed: 12, places: ['Mường Kim', 'Mường Cang', 'Mường Mít', 'Phúc Than', 'Khoen On', 'Pha Mu', 'Tà Hừa', 'Tà Mung', 'Hua Nà'] },
  { name: 'LĐLĐ huyện Tân Uyên', short: 'Tân Uyên', kind: 'district', count: 36, plan: 33, grassrootsColumn: 41, members: 1960, listed: 8, places: ['Mường Khoa', 'Nậm Cần', 'Nậm Sỏ', 'Pắc Ta', 'Phúc Khoa', 'Tà Mít', 'Thân Thuộc', 'Trung Đồng', 'Hố Mít'] },
  { name: 'LĐLĐ huyện Nậm Nhùn', short: 'Nậm Nhùn', kind: 'district', count: 18, plan: 22, grassrootsColumn: 29, members: 980, listed: 5, places: ['Mường Mô', 'Nậm Hàng', 'Nậm Manh', 'Nậm Pì', 'Lê Lợi', 'Pú Đao', 'Trung Chải', 'Nậm Chà', 'Hua Bum'] },
  { name: 'LĐLĐ thành phố Lai Châu', short: 'Lai Châu', kind: 'district', count: 82, plan: 52, grassrootsColumn: 52, members: 4150, listed: 12, places: ['Quyết Thắng', 'Quyết Tiến', 'Tân Phong', 'Đoàn Kết', 'Đông Phong', 'San Thàng', 'Nậm Loỏng'] },
  { name: 'Công đoàn ngành Giáo dục', short: 'Giáo dục', kind: 'education', count: 62, plan: 40, grassrootsColumn: 92, members: 6200, listed: 12, places: ['Lai Châu', 'Tam Đường', 'Phong Thổ', 'Sìn Hồ', 'Mường Tè', 'Than Uyên', 'Tân Uyên', 'Nậm Nhùn', 'Dào San', 'Bình Lư', 'Mường Kim'] },
  { name: 'Công đoàn ngành Y tế', short: 'Y tế', kind: 'health', count: 22, plan: 20, grassrootsColumn: 18, members: 1540, listed: 6, places: ['Tam Đường', 'Phong Thổ', 'Sìn Hồ', 'Mường Tè', 'Than Uyên', 'Tân Uyên', 'Nậm Nhùn'] },
  { name: 'Công đoàn Viên chức tỉnh', short: 'Viên chức', kind: 'civil', count: 31, plan: 20, grassrootsColumn: 24, members: 1320, listed: 5, places: [] },
];
const EXTRA_UPPER = ['Công đoàn ngành Nông nghiệp và PTNT', 'Công đoàn ngành Giao thông - Xây dựng', 'Công đoàn ngành Công Thương', 'Công đoàn các Khu công nghiệp tỉnh', 'Công đoàn Tổng công ty Điện lực', 'Công đoàn Ngân hàng tỉnh'];
const BLOCS = ['I. Khối LĐLĐ huyện, thành phố', 'II. Khối Công đoàn ngành'];
const PROVINCE = 'LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU';
const UNKNOWN_PARENT = 'LĐLĐ huyện Mường Lay'; // a district of Điện Biên, not Lai Châu
const COUNT_DEFICIT = 2; // Mường Tè's count column says 2 more than its list

const CIVIL_UNITS = ['Văn phòng UBND tỉnh', 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Tư pháp', 'Sở Nội vụ', 'Thanh tra tỉnh', 'Sở Tài nguyên và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Lao động - Thương binh và Xã hội', 'Văn phòng Tỉnh ủy', 'Ban Dân tộc tỉnh', 'Sở Thông tin và Truyền thông'];
const HEALTH_UNITS = ['Bệnh viện Đa khoa tỉnh', 'Bệnh viện Y dược cổ truyền tỉnh', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Sở Y tế', 'Bệnh viện Nội tiết tỉnh', 'Bệnh viện Phổi tỉnh', 'Bệnh viện Mắt tỉnh', 'Trung tâm Giám định y khoa'];
const SCHOOL_TYPES = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường PTDTBT THCS', 'Trường PTDTBT Tiểu học', 'Trường Tiểu học và THCS'];

interface Upper {
  profile: UpperProfile;
  bloc: number;
  count: number; // count column
  listedCount: number; // counted initiatives in the list
  plan: number;
  grassrootsColumn: number;
  members: number;
  listed: number;
  row: number;
  benefit: number;
}

interface Grassroots {
  name: string;
  upper: number; // index, -1 for the unknown parent
  parentWritten: string;
  kind: 'school' | 'admin' | 'enterprise' | 'hospital';
  ownership: '' | 'Nhà nước' | 'Ngoài nhà nước';
  count: number; // counted initiatives (= its count column)
  plan: number | string | null;
  members: number | string;
  rewardClause: string;
  rewarded: string;
  late: number; // initiatives registered after the cutoff (not in `count`)
  planted: Planted[];
}

interface Planted {
  title: string;
  authors: string;
  benefit: string | number | null;
  social?: string;
  posted?: string;
  registered: Date | string;
  doc: string;
  certified: string;
  counted: boolean;
  benefitValue: number;
}

const PLANTED_NAMES = {
  banBo: 'CĐCS Trường PTDTBT THCS Bản Bo',
  ubndTamDuong: 'CĐCS UBND huyện Tam Đường',
  cheTamDuong: 'CĐCS Công ty Chè Tam Đường',
  duplicate: 'CĐCS Trường Tiểu học Bình Lư',
  stray: 'CĐCS Trường Tiểu học Nậm Hàng II',
  dienLuc: 'CĐCS Công ty Điện lực Lai Châu',
  ximang: 'CĐCS Công ty Cổ phần Xi măng Lai Châu',
  huoiQuang: 'CĐCS Công ty Thủy điện Huội Quảng',
  bvTinh: 'CĐCS Bệnh viện Đa khoa tỉnh',
  leQuyDon: 'CĐCS Trường THPT Chuyên Lê Quý Đôn',
  phongTho: 'CĐCS UBND huyện Phong Thổ',
};

function buildUppers(n: number, initiatives: number, r: Rng): { uppers: Upper[]; late: number } {
  const late = Math.max(3, Math.round(initiatives * 0.015));
  const extras = 3; // stray grassroots (2) + one initiative without unit
  const baseListed = PROFILE.reduce((s, p) => s + p.count, 0) - COUNT_DEFICIT;
  const profiles: UpperProfile[] = PROFILE.slice(0, n);
  for (let i = PROFILE.length; i < n; i++) {
    const name = EXTRA_UPPER[i - PROFILE.length] ?? `Công đoàn cấp trên cơ sở số ${i + 1}`;
    const count = r.int(15, 90);
    profiles.push({ name, short: name.replace(/^Công đoàn (ngành )?/, ''), kind: r.pick(['civil', 'district', 'health'] as const), count, plan: Math.max(1, Math.round((count * 100) / r.int(60, 190))), grassrootsColumn: r.int(15, 120), members: r.int(600, 5000), listed: r.int(4, 12), places: [] });
  }
  const weight = profiles.reduce((s, p) => s + p.count, 0) - COUNT_DEFICIT;
  const scale = n === PROFILE.length && initiatives - late - extras === baseListed ? 1 : (initiatives - late - extras) / weight;
  const uppers = profiles.map((p, i): Upper => {
    let count = Math.max(3, Math.round(p.count * scale));
    let plan: number;
    if (i === 1) {
      count -= count % 3; // Phong Thổ: exactly 150%
      plan = (count * 2) / 3;
    } else if (i === 4) {
      count -= count % 2; // Than Uyên: exactly 200%, the top of bloc I
      plan = count / 2;
    } else if (i === 8 || i === 10) {
      count = Math.max(31, count - (count % 31)); // Giáo dục and Viên chức: both exactly 155%
      plan = (count * 20) / 31;
    } else {
      plan = Math.max(1, Math.round((count * p.plan) / p.count));
    }
    const listedCount = i === 3 ? count - COUNT_DEFICIT : count;
    const growth = Math.max(1, scale / 10);
    return { profile: p, bloc: p.kind === 'district' && i < 8 ? 0 : 1, count, listedCount, plan, grassrootsColumn: Math.round(p.grassrootsColumn * growth), members: Math.round(p.members * growth), listed: p.listed, row: 0, benefit: 0 };
  });
  return { uppers, late };
}

/** Spreads `total` over `weights` (largest remainder), deterministic. */
function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (w * total) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

function grassrootsNames(u: Upper, count: number, used: Set<string>, r: Rng): { name: string; kind: Grassroots['kind'] }[] {
  const p = u.profile;
  const out: { name: string; kind: Grassroots['kind'] }[] = [];
  const add = (name: string, kind: Grassroots['kind']): void => {
    if (out.length < count && !used.has(name)) {
      used.add(name);
      out.push({ name, kind });
    }
  };
  const candidates: [string, Grassroots['kind']][] = [];
  if (p.kind === 'district') {
    candidates.push([`CĐCS UBND ${p.name.startsWith('LĐLĐ thành phố') ? 'thành phố' : 'huyện'} ${p.short}`, 'admin']);
    candidates.push([`CĐCS Trung tâm Y tế ${p.short}`, 'hospital'], [`CĐCS Công ty Chè ${p.short}`, 'enterprise'], [`CĐCS Chi nhánh Ngân hàng NN&PTNT ${p.short}`, 'enterprise']);
    for (const place of p.places) for (const t of SCHOOL_TYPES) candidates.push([`CĐCS ${t} ${place}`, 'school']);
    for (const place of p.places) candidates.push([`CĐCS UBND xã ${place}`, 'admin'], [`CĐCS Công ty TNHH ${place}`, 'enterprise']);
  } else if (p.kind === 'education') {
    candidates.push(['CĐCS Trường THPT Chuyên Lê Quý Đôn', 'school'], ['CĐCS Sở Giáo dục và Đào tạo', 'admin'], ['CĐCS Trường Cao đẳng Cộng đồng Lai Châu', 'school'], ['CĐCS Trường PTDT Nội trú tỉnh', 'school']);
    for (const place of p.places) candidates.push([`CĐCS Trường THPT ${place}`, 'school'], [`CĐCS Trường PTDT Nội trú ${place}`, 'school']);
  } else if (p.kind === 'health') {
    for (const h of HEALTH_UNITS) candidates.push([`CĐCS ${h}`, 'hospital']);
    for (const place of p.places) candidates.push([`CĐCS Trung tâm Y tế huyện ${place}`, 'hospital']);
  } else {
    for (const c of CIVIL_UNITS) candidates.push([`CĐCS ${c}`, 'admin']);
  }
  for (const [name, kind] of candidates) add(name, kind);
  for (let k = 2; out.length < count; k++) {
    const [name, kind] = candidates.length > 0 ? r.pick(candidates) : [`CĐCS ${p.short}`, 'admin' as const];
    add(`${name} số ${k}`, kind);
  }
  return out;
}

/** Variants of a parent name as typed in the `Thuộc` column. */
function writtenParent(name: string, r: Rng): string {
  const roll = r.next();
  if (roll < 0.78) return name;
  if (roll < 0.84) return name.replace('huyện', 'Huyện').replace('thành phố', 'Thành phố');
  if (roll < 0.9) return `  ${name.replace(/ /g, '  ')} `;
  if (roll < 0.96) return name.normalize('NFD');
  return name.toLocaleLowerCase('vi');
}

const FORCED_COUNTS: Record<string, number> = { [PLANTED_NAMES.banBo]: 6, [PLANTED_NAMES.ubndTamDuong]: 7, [PLANTED_NAMES.cheTamDuong]: 5 };
const FORCED = new Set(Object.keys(FORCED_COUNTS));

function buildGrassroots(uppers: Upper[], total: number, late: number, r: Rng): Grassroots[] {
  const used = new Set<string>();
  const listedWeights = uppers.map((u) => u.listed);
  const perUpper = spread(Math.max(uppers.length, total - 2), listedWeights).map((n, i) => Math.max(i === 0 ? 4 : 1, n));
  const all: Grassroots[] = [];
  uppers.forEach((u, ui) => {
    u.listed = perUpper[ui];
    if (u.listed > u.grassrootsColumn) u.grassrootsColumn = u.listed + r.int(0, Math.ceil(u.listed / 10));
    const pinned: string[] = [];
    if (ui === 0) pinned.push(PLANTED_NAMES.banBo, PLANTED_NAMES.ubndTamDuong, PLANTED_NAMES.cheTamDuong, PLANTED_NAMES.duplicate);
    if (ui === 1) pinned.push(PLANTED_NAMES.phongTho);
    if (ui === 4) pinned.push(PLANTED_NAMES.huoiQuang);
    if (ui === 7) pinned.push(PLANTED_NAMES.dienLuc, PLANTED_NAMES.ximang);
    if (ui === 8) pinned.push(PLANTED_NAMES.leQuyDon);
    if (ui === 9) pinned.push(PLANTED_NAMES.bvTinh);
    pinned.forEach((n) => used.add(n));
    const pinnedKinds: Record<string, Grassroots['kind']> = { [PLANTED_NAMES.cheTamDuong]: 'enterprise', [PLANTED_NAMES.dienLuc]: 'enterprise', [PLANTED_NAMES.ximang]: 'enterprise', [PLANTED_NAMES.huoiQuang]: 'enterprise', [PLANTED_NAMES.bvTinh]: 'hospital', [PLANTED_NAMES.ubndTamDuong]: 'admin', [PLANTED_NAMES.phongTho]: 'admin' };
    const named = [...pinned.slice(0, u.listed).map((name) => ({ name, kind: pinnedKinds[name] ?? ('school' as const) })), ...grassrootsNames(u, Math.max(0, u.listed - pinned.length), used, r)];
    // Initiatives of this upper spread over its grassroots, a few of them doing most of the work.
    const forced: Record<string, number> = FORCED_COUNTS;
    const fixed = named.reduce((s, g) => s + (forced[g.name] ?? 0), 0);
    if (fixed > u.listedCount) {
      u.count = u.listedCount = fixed; // tiny samples: keep the planted grassroots whole
      u.plan = Math.max(1, Math.round((fixed * u.profile.plan) / u.profile.count));
    }
    const weights = named.map((g) => (g.name in forced ? 0 : r.chance(0.12) ? 0 : r.next() ** 2 + 0.05));
    const counts = spread(Math.max(0, u.listedCount - fixed), weights).map((c, k) => c + (forced[named[k].name] ?? 0));
    named.forEach((g, k) => all.push(makeGrassroots(g.name, g.kind, ui, writtenParent(u.profile.name, r), counts[k], r)));
  });
  // The unknown parent, just after Mường Tè (looks like a typo of a real district).
  const stray = makeGrassroots(PLANTED_NAMES.stray, 'school', -1, UNKNOWN_PARENT, 2, r);
  stray.plan = 2;
  const mt = all.findIndex((g) => g.upper === 4);
  all.splice(mt < 0 ? all.length : mt, 0, stray);
  // The same school typed twice under Tam Đường, with other numbers.
  const first = all.findIndex((g) => g.name === PLANTED_NAMES.duplicate);
  if (first >= 0) {
    const dup = makeGrassroots(PLANTED_NAMES.duplicate, 'school', 0, uppers[0].profile.name, 0, r);
    dup.plan = 3;
    all.splice(first + 3, 0, dup);
  }
  plantPlans(all);
  // Late registrations, spread over the busiest grassroots.
  const lateAt = spread(late, all.map((g) => (g.upper >= 0 ? g.count : 0)));
  all.forEach((g, k) => (g.late = lateAt[k]));
  return all;
}

function makeGrassroots(name: string, kind: Grassroots['kind'], upper: number, parent: string, count: number, r: Rng): Grassroots {
  const enterprise = kind === 'enterprise';
  const members = enterprise ? r.int(40, 900) : kind === 'hospital' ? r.int(40, 450) : r.int(12, 80);
  const plan: number | null = r.chance(0.03) ? null : Math.max(1, Math.round(count / (0.45 + r.next() * 1.5)));
  return {
    name,
    kind,
    upper,
    parentWritten: parent,
    ownership: enterprise ? (r.chance(0.7) ? 'Ngoài nhà nước' : 'Nhà nước') : '',
    count,
    plan,
    members: members >= 1000 && r.chance(0.5) ? dots(members) : r.chance(0.05) ? String(members) : members,
    rewardClause: enterprise ? (r.chance(0.6) ? r.pick(YES) : r.pick(NO)) : r.chance(0.1) ? r.pick(YES) : r.pick(NO),
    rewarded: enterprise ? (r.chance(0.55) ? r.pick(YES) : r.pick(NO)) : r.chance(0.08) ? r.pick(YES) : r.pick(NO),
    late: 0,
    planted: [],
  };
}

function plantPlans(all: Grassroots[]): void {
  const set = (name: string, patch: Partial<Grassroots>): void => {
    const g = all.find((x) => x.name === name);
    if (g) Object.assign(g, patch);
  };
  set(PLANTED_NAMES.banBo, { plan: 4 }); // 6/4 = exactly 150%
  set(PLANTED_NAMES.ubndTamDuong, { plan: 4, rewardClause: 'Chưa', rewarded: '' }); // 7/4 = 175%
  set(PLANTED_NAMES.cheTamDuong, { plan: 5, ownership: 'Ngoài nhà nước', rewardClause: 'x', rewarded: 'Có' }); // 2.1.2c
  set(PLANTED_NAMES.dienLuc, { ownership: 'Nhà nước' });
  set(PLANTED_NAMES.huoiQuang, { ownership: 'Nhà nước' });
  set(PLANTED_NAMES.ximang, { ownership: 'Ngoài nhà nước' });
  // Bad cells: a plan in words, members "about 60".
  const words = all.find((g) => g.upper === 2 && g.count > 0);
  if (words) words.plan = 'chưa giao';
  const about = all.find((g) => g.upper === 5);
  if (about) about.members = 'khoảng 60';
}

// ---------------------------------------------------------------------------------------------
// Initiatives

const TITLES: Record<Grassroots['kind'], string[]> = {
  school: ['Một số biện pháp nâng cao chất lượng dạy học môn {s} cho học sinh dân tộc thiểu số', 'Ứng dụng {t} trong dạy học môn {s}', 'Kinh nghiệm tổ chức bán trú cho học sinh tại {q}', 'Giải pháp nâng cao kỹ năng đọc hiểu môn {s} lớp {n}', 'Thiết kế đồ dùng dạy học tự làm môn {s}', 'Một số giải pháp duy trì sĩ số học sinh tại {q}'],
  admin: ['Số hóa hồ sơ {h} tại {p}', 'Ứng dụng {t} trong quản lý {h}', 'Cải tiến quy trình tiếp nhận và trả kết quả {h}', 'Giải pháp tuyên truyền chính sách {h} bằng tiếng dân tộc', 'Xây dựng cơ sở dữ liệu {h} trên phần mềm'],
  enterprise: ['Cải tiến {m} giúp giảm tiêu hao {e}', 'Giải pháp tiết kiệm {e} trong {w}', 'Cải tiến dây chuyền {w} nâng cao năng suất', 'Tự động hóa khâu {w} bằng {t}', 'Giải pháp giảm tổn thất {e} trên lưới điện'],
  hospital: ['Ứng dụng {t} trong quản lý bệnh án tại khoa {k}', 'Cải tiến quy trình tiếp đón người bệnh tại khoa {k}', 'Nâng cao hiệu quả chăm sóc người bệnh tại khoa {k}', 'Giải pháp giảm thời gian chờ khám tại {p}'],
};
const FILL: Record<string, string[]> = {
  s: ['Toán', 'Tiếng Việt', 'Ngữ văn', 'Tiếng Anh', 'Khoa học tự nhiên', 'Lịch sử và Địa lý', 'Tin học'],
  t: ['công nghệ thông tin', 'phần mềm Excel', 'Zalo', 'mã QR', 'trí tuệ nhân tạo', 'Google Forms', 'bảng tính'],
  p: ['đơn vị', 'cơ sở', 'bộ phận một cửa'],
  q: ['điểm trường bản', 'trường', 'đơn vị', 'điểm trường lẻ'],
  n: ['3', '4', '5', '8', '9'],
  h: ['hộ tịch', 'đất đai', 'văn bản đi - đến', 'đoàn viên', 'tài sản công', 'bảo hiểm xã hội'],
  m: ['máy sao chè', 'hệ thống bơm', 'băng tải', 'lò sấy', 'máy nghiền'],
  e: ['điện năng', 'nhiên liệu', 'nước', 'nguyên liệu', 'than'],
  w: ['chế biến chè', 'sản xuất xi măng', 'vận hành tổ máy', 'bảo dưỡng thiết bị', 'đóng gói'],
  k: ['Nội', 'Ngoại', 'Sản', 'Nhi', 'Hồi sức cấp cứu', 'Xét nghiệm', 'Dược'],
};
const FIELDS: Record<Grassroots['kind'], string[]> = {
  school: ['Giáo dục - Đào tạo'],
  admin: ['Cải cách hành chính', 'Chuyển đổi số', 'Quản lý nhà nước'],
  enterprise: ['Sản xuất - Kinh doanh', 'Kỹ thuật - Công nghệ'],
  hospital: ['Y tế'],
};
const DOC_ORGS: Record<Grassroots['kind'], string[]> = {
  school: ['QĐ-SGDĐT', 'QĐ-PGDĐT', 'QĐ-HĐSK', 'QĐ-CĐ'],
  admin: ['QĐ-UBND', 'QĐ-HĐSK', 'QĐ-CĐ'],
  enterprise: ['QĐ-CT', 'QĐ-CĐ', 'QĐ-HĐQT'],
  hospital: ['QĐ-BV', 'QĐ-SYT', 'QĐ-HĐSK'],
};

function title(kind: Grassroots['kind'], r: Rng): string {
  const t = r.pick(TITLES[kind]).replace(/\{(\w)\}/g, (_m, k: string) => r.pick(FILL[k]));
  // Pasted bullets: the text must stay text, even when it starts like a formula.
  if (r.chance(0.01)) return `- ${t}`;
  if (r.chance(0.005)) return `+ ${t}`;
  if (r.chance(0.003)) return `=> ${t}`;
  return t;
}

interface InitiativeRow {
  title: string;
  authors: string;
  unit: string;
  field: string;
  benefit: string | number | null;
  social: string;
  posted: string;
  registered: Date | string | null;
  doc: string;
  certified: string;
}

/** Authors pool per grassroots: small enough that people author several initiatives. */
function pool(g: Grassroots, r: Rng): string[] {
  const size = Math.min(40, Math.max(2, Math.round(g.count * 0.6)));
  const names = new Set<string>();
  while (names.size < size) names.add(personName(r));
  return [...names];
}

function authorsCell(names: string[], r: Rng): string {
  const sep = r.next();
  let s = names.join(sep < 0.75 ? ', ' : sep < 0.9 ? '; ' : '\n');
  if (r.chance(0.06)) s = s.normalize('NFD');
  if (r.chance(0.03)) s = `${s} `;
  return s;
}

function randomInitiative(g: Grassroots, people: string[], late: boolean, r: Rng, heavyCap: number): { row: InitiativeRow; value: number } {
  const k = r.next() < 0.7 ? 1 : r.next() < 0.75 ? 2 : 3;
  const authors = new Set<string>();
  while (authors.size < Math.min(k, people.length)) authors.add(r.pick(people));
  const withBenefit = r.chance(g.kind === 'enterprise' ? 0.7 : 0.35);
  let value = 0;
  let benefit: string | number | null = null;
  if (withBenefit) {
    const cap = g.kind === 'enterprise' ? heavyCap : g.upper === 9 ? 90_000_000 : 600_000_000;
    value = Math.round(Math.exp(Math.log(2e6) + r.next() * (Math.log(cap) - Math.log(2e6))) / 500_000) * 500_000;
    value = Math.max(500_000, value);
    benefit = moneyText(value, r);
  } else if (r.chance(0.12)) {
    benefit = r.pick(['Không', '0', '-']);
  }
  const registered = late ? addDays(CUTOFF, r.int(1, 8)) : r.chance(0.01) ? CUTOFF : addDays(START, r.int(0, 598));
  const hasDoc = r.chance(0.78);
  let docDate = addDays(registered, r.int(10, 120));
  if (docDate > CUTOFF && !late) docDate = addDays(CUTOFF, -r.int(0, 20));
  const doc = hasDoc ? (r.chance(0.02) ? r.pick(YES.slice(0, 4)) : `${r.int(12, 980)}/${r.pick(DOC_ORGS[g.kind])} ngày ${dmy(docDate)}`) : '';
  return {
    value,
    row: {
      title: title(g.kind, r),
      authors: authorsCell([...authors], r),
      unit: r.chance(0.04) ? g.name.normalize('NFD') : r.chance(0.03) ? ` ${g.name}` : g.name,
      field: r.pick(FIELDS[g.kind]),
      benefit,
      social: !withBenefit && r.chance(0.08) ? r.pick(['x', 'Có giá trị nhân văn', 'Cao']) : '',
      posted: r.chance(0.88) ? r.pick([...YES, 'Đã đăng']) : r.pick(NO),
      registered: r.chance(0.03) && !late ? null : dateCell(registered, r),
      doc,
      certified: withBenefit && r.chance(0.65) ? r.pick(['x', 'Có', 'Đã xác nhận', 'x']) : '',
    },
  };
}

function plant(all: Grassroots[]): string[] {
  const notes: string[] = [];
  const at = (name: string): Grassroots | undefined => all.find((g) => g.name === name && g.upper >= 0);
  const ev = (docNo: string, date: string): string => `${docNo} ngày ${date}`;
  const add = (name: string, p: Omit<Planted, 'counted'> & { counted?: boolean }, note?: string): void => {
    const g = at(name);
    if (!g) return;
    g.planted.push({ counted: true, ...p });
    if (note) notes.push(note);
  };
  add(PLANTED_NAMES.ubndTamDuong, { title: 'Số hóa hồ sơ hộ tịch tại bộ phận một cửa huyện', authors: 'Phạm Văn Em', benefit: '50.000.000', posted: 'x', registered: utc(2023, 3, 2), doc: ev('112/QĐ-UBND', '15/6/2023'), certified: 'x', benefitValue: 50_000_000 }, 'Phạm Văn Em (CĐCS UBND huyện Tam Đường): 3 initiatives, one evidenced at exactly 50.000.000 → 2.2.2 met; the unit has 2 with benefit, one ≥ 50M → 2.1.2b met');
  add(PLANTED_NAMES.ubndTamDuong, { title: 'Ứng dụng Zalo trong tuyên truyền chính sách đất đai', authors: 'Phạm Văn Em, Lò Thị Hoa', benefit: null, posted: 'Có', registered: '12/5/2023', doc: '', certified: '', benefitValue: 0 });
  add(PLANTED_NAMES.ubndTamDuong, { title: 'Cải tiến quy trình tiếp nhận hồ sơ đất đai', authors: 'Phạm Văn Em'.normalize('NFD'), benefit: '18 triệu', posted: 'x', registered: utc(2022, 11, 20), doc: ev('45/QĐ-UBND', '10/01/2023'), certified: '', benefitValue: 18_000_000 }, 'one of Phạm Văn Em\'s author cells is written in NFD');
  add(PLANTED_NAMES.phongTho, { title: 'Giải pháp tiết kiệm văn phòng phẩm bằng phần mềm quản lý văn bản', authors: 'Tòng Văn Dũng', benefit: '42.000.000', posted: 'x', registered: utc(2022, 9, 5), doc: ev('301/QĐ-UBND', '20/10/2022'), certified: 'x', benefitValue: 42_000_000 }, 'Tòng Văn Dũng (CĐCS UBND huyện Phong Thổ): 2 initiatives, best evidenced 42.000.000 → 2.2.2 not met');
  add(PLANTED_NAMES.phongTho, { title: 'Số hóa sổ theo dõi đoàn viên', authors: 'Tòng Văn Dũng; Nguyễn Thị Lan', benefit: '', posted: 'x', registered: '14/3/2023', doc: '', certified: '', benefitValue: 0 });
  add(PLANTED_NAMES.leQuyDon, { title: 'Câu lạc bộ "Cặp lá yêu thương" hỗ trợ học sinh có hoàn cảnh khó khăn', authors: 'Nguyễn Thị Thu Hà', benefit: null, social: 'x', posted: 'Đã', registered: utc(2022, 10, 3), doc: ev('77/QĐ-SGDĐT', '15/12/2022'), certified: '', benefitValue: 0 }, 'Nguyễn Thị Thu Hà (Trường THPT Chuyên Lê Quý Đôn): 2 initiatives, one marked social/humanitarian → 2.2.2 met via social value');
  add(PLANTED_NAMES.leQuyDon, { title: 'Ứng dụng Google Forms trong kiểm tra thường xuyên môn Ngữ văn', authors: 'Nguyễn Thị Thu Hà\nĐỗ Minh Khánh', benefit: null, posted: 'x', registered: '20/4/2023', doc: '', certified: '', benefitValue: 0 });
  add(PLANTED_NAMES.bvTinh, { title: 'Cải tiến quy trình tiệt khuẩn dụng cụ phẫu thuật', authors: 'Lê Thị Hạnh', benefit: '100 triệu', posted: 'x', registered: utc(2022, 6, 15), doc: ev('208/QĐ-BV', '30/9/2022'), certified: 'x', benefitValue: 100_000_000 }, 'Công đoàn ngành Y tế: an evidenced initiative at exactly 100 triệu (all its others < 100M), 22/20 = 110% → 2.1.1b met at the boundary');
  add(PLANTED_NAMES.bvTinh, { title: 'Giải pháp tiết kiệm vật tư tiêu hao tại khoa Hồi sức', authors: 'Lê Thị Hạnh, Bùi Văn Long', benefit: '35.000.000', posted: 'x', registered: utc(2023, 1, 9), doc: ev('15/QĐ-BV', '20/3/2023'), certified: 'Có', benefitValue: 35_000_000 });
  add(PLANTED_NAMES.ximang, { title: 'Cải tiến lò nung clinker giảm tiêu hao than', authors: 'Vũ Đức Thắng, Đinh Văn Cường', benefit: '5,6 tỷ', posted: 'x', registered: utc(2022, 4, 18), doc: ev('56/QĐ-CT', '30/6/2022'), certified: '', benefitValue: 5_600_000_000 }, 'highest benefit in the file, 5,6 tỷ (Xi măng Lai Châu), has NO benefit certification → not evidenced, not the 2.2.1 winner');
  add(PLANTED_NAMES.ximang, { title: 'Giải pháp thu hồi nhiệt khí thải lò quay', authors: 'Vũ Đức Thắng', benefit: '1.250.000.000', posted: 'x', registered: utc(2022, 12, 1), doc: ev('12/QĐ-CT', '15/2/2023'), certified: 'x', benefitValue: 1_250_000_000 });
  add(PLANTED_NAMES.dienLuc, { title: 'Giải pháp giảm tổn thất điện năng trên lưới trung áp', authors: 'Hoàng Minh Tuấn', benefit: 4_200_000_000, posted: 'x', registered: utc(2022, 5, 23), doc: ev('125/QĐ-CĐ', '12/5/2023'), certified: 'x', benefitValue: 4_200_000_000 }, 'tie for the highest evidenced benefit: 4.200.000.000 (Hoàng Minh Tuấn, Điện lực Lai Châu) and "4,2 tỷ" (Lò Văn Thắng, Thủy điện Huội Quảng) → 2.2.1 lists both');
  add(PLANTED_NAMES.huoiQuang, { title: 'Cải tiến hệ thống làm mát ổ hướng tổ máy', authors: 'Lò Văn Thắng', benefit: '4,2 tỷ', posted: 'Có', registered: '31/8/2023', doc: ev('88/QĐ-CT', '31/8/2023'), certified: 'Có', benefitValue: 4_200_000_000 }, 'registered on exactly 31/8/2023 (counted)');
  add(PLANTED_NAMES.huoiQuang, { title: 'Giải pháp giảm rung đường ống áp lực', authors: 'Lò Văn Thắng, Tòng Thị Xuân', benefit: '600.000.000', posted: 'x', registered: utc(2021, 7, 10), doc: ev('45/QĐ-CT', '20/6/2021'), certified: 'x', benefitValue: 600_000_000 }, 'a recognition document dated 20/6/2021 (before 01/9/2021) → that initiative is not evidenced');
  add(PLANTED_NAMES.banBo, { title: 'Một số biện pháp duy trì sĩ số học sinh bán trú', authors: 'Giàng A Páo', benefit: 'đang tính', posted: 'x', registered: utc(2022, 10, 10), doc: '', certified: '', benefitValue: 0 }, 'unreadable benefits: "đang tính" (Bản Bo and one more), "Chưa xác định"');
  add(PLANTED_NAMES.cheTamDuong, { title: 'Cải tiến máy vò chè giảm tiêu hao điện', authors: 'Đặng Văn Hải', benefit: 'Chưa xác định', posted: 'x', registered: utc(2023, 2, 14), doc: '', certified: '', benefitValue: 0 });
  // Registered too late: a large benefit that must not count.
  const sinHo = all.find((g) => g.upper === 2);
  if (sinHo) {
    sinHo.planted.push({ counted: false, title: 'Giải pháp vận hành tối ưu trạm bơm nước sạch', authors: 'Sùng A Chư', benefit: '4,5 tỷ', posted: 'x', registered: '05/9/2023', doc: ev('320/QĐ-UBND', '06/9/2023'), certified: 'x', benefitValue: 4_500_000_000 });
    notes.push(`"4,5 tỷ" registered 05/9/2023 (after the cutoff) at ${sinHo.name}: not counted, so neither the highest benefit nor part of Sìn Hồ's total`);
    sinHo.late = Math.max(0, sinHo.late - 1);
  }
  // A grassroots' count column must cover its planted counted initiatives: borrow from a sibling.
  for (const g of all) {
    const need = g.planted.filter((p) => p.counted).length - g.count;
    if (need <= 0 || g.upper < 0) continue;
    const donor = all.filter((x) => x.upper === g.upper && x !== g && x.planted.length === 0 && !FORCED.has(x.name)).sort((a, b) => b.count - a.count)[0];
    if (donor && donor.count >= need) {
      donor.count -= need;
      g.count += need;
    }
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Writing

const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const S = {
  title: { font: { bold: true, size: 13 }, alignment: { horizontal: 'center' as const } },
  sub: { font: { bold: true, size: 12 }, alignment: { horizontal: 'center' as const, wrapText: true } },
  note: { font: { italic: true }, alignment: { horizontal: 'center' as const } },
  head: { font: { bold: true }, border: BOX, alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true } },
  cell: { border: BOX },
  wrap: { border: BOX, alignment: { wrapText: true, vertical: 'top' as const } },
  center: { border: BOX, alignment: { horizontal: 'center' as const } },
  num: { border: BOX, numFmt: '#,##0' },
  pct: { border: BOX, numFmt: '0%' },
  date: { border: BOX, numFmt: 'dd/mm/yyyy' },
  section: { font: { bold: true }, border: BOX },
  total: { font: { bold: true }, border: BOX, alignment: { horizontal: 'center' as const } },
  totalNum: { font: { bold: true }, border: BOX, numFmt: '#,##0' },
  totalPct: { font: { bold: true }, border: BOX, numFmt: '0%' },
} satisfies Record<string, Partial<ExcelJS.Style>>;

type Value = ExcelJS.CellValue;
type Put = [Value, Partial<ExcelJS.Style>?];

function put(ws: ExcelJS.Worksheet, rowNumber: number, cells: Put[], commit = true): void {
  const row = ws.getRow(rowNumber);
  cells.forEach(([value, style], i) => {
    const cell = row.getCell(i + 1);
    if (value !== null && value !== undefined && value !== '') cell.value = value;
    if (style) cell.style = style;
  });
  if (commit) row.commit();
}

function styleFor(v: Value, text: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  if (v instanceof Date) return S.date;
  if (typeof v === 'number') return S.num;
  return text;
}

function titleRows(ws: ExcelJS.Worksheet, lines: [string, Partial<ExcelJS.Style>][], width: number): number {
  lines.forEach(([text, style], i) => {
    put(ws, i + 1, [[text, style]], false);
    ws.mergeCells(i + 1, 1, i + 1, width);
  });
  return lines.length;
}

function writeUpperSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, uppers: Upper[], r: Rng): SheetLayout {
  const ws = wb.addWorksheet('TH chỉ tiêu');
  ws.columns = [6, 34, 12, 10, 10, 14, 12].map((width) => ({ width }));
  titleRows(ws, [[PROVINCE, S.title], ['BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH "01 TRIỆU SÁNG KIẾN"', S.sub], ['(Tính đến hết ngày 31/8/2023)', S.note]], 7);
  const h1 = 5;
  const h2 = 6;
  put(ws, h1, [['STT', S.head], ['Tên đơn vị', S.head], ['Chỉ tiêu giao', S.head], ['Kết quả', S.head], [null, S.head], ['Số CĐCS trực thuộc', S.head], ['Tổng số ĐV', S.head]], false);
  put(ws, h2, [[null, S.head], [null, S.head], [null, S.head], ['Số SK', S.head], ['Tỷ lệ %', S.head], [null, S.head], [null, S.head]], false);
  for (const c of [1, 2, 3, 6, 7]) ws.mergeCells(h1, c, h2, c);
  ws.mergeCells(h1, 4, h1, 5);
  for (let i = 1; i <= h2; i++) ws.getRow(i).commit();
  let row = h2 + 1;
  const sections: { row: number; text: string }[] = [];
  const sums = [0, 0, 0, 0, 0, 0, 0];
  for (let bloc = 0; bloc < BLOCS.length; bloc++) {
    const members = uppers.filter((u) => u.bloc === bloc);
    if (members.length === 0) continue;
    put(ws, row, [[BLOCS[bloc], S.section], [null, S.section], [null, S.section], [null, S.section], [null, S.section], [null, S.section], [null, S.section]], false);
    ws.mergeCells(row, 1, row, 7);
    ws.getRow(row).commit();
    sections.push({ row, text: BLOCS[bloc] });
    row++;
    members.forEach((u, i) => {
      u.row = row;
      const ui = uppers.indexOf(u);
      const count: Value = u.count >= 1000 && r.chance(0.5) ? dots(u.count) : [2, 7].includes(ui) || r.chance(0.05) ? String(u.count) : u.count;
      const ratio = u.count / u.plan;
      const pct: Value = [1, 4].includes(ui) ? ratio : ui === 8 ? `${(ratio * 100).toFixed(1).replace('.', ',')}%` : `${Math.round(ratio * 100)}%`;
      const members: Value = u.members >= 1000 && ([0, 2, 7, 8].includes(ui) || r.chance(0.5)) ? dots(u.members) : u.members;
      const cells: Put[] = [[i + 1, S.center], [u.profile.name, S.cell], [u.plan, S.num], [count, styleFor(count, S.center)], [pct, typeof pct === 'number' ? S.pct : S.center], [u.grassrootsColumn, S.num], [members, styleFor(members, S.center)]];
      cells.forEach(([v], c) => (sums[c] += typeof v === 'number' ? v : 0));
      put(ws, row++, cells);
    });
  }
  // Totals as formulas with the cached results Excel would show (SUM skips numbers typed as text).
  const first = h2 + 1;
  const last = row - 1;
  const col = (c: string): string => `SUM(${c}${first}:${c}${last})`;
  put(ws, row, [['Tổng cộng', S.total], [null, S.total], [{ formula: col('C'), result: sums[2] }, S.totalNum], [{ formula: col('D'), result: sums[3] }, S.totalNum], [{ formula: `IFERROR(D${row}/C${row},0)`, result: sums[2] ? sums[3] / sums[2] : 0 }, S.totalPct], [{ formula: col('F'), result: sums[5] }, S.totalNum], [{ formula: col('G'), result: sums[6] }, S.totalNum]], false);
  ws.mergeCells(row, 1, row, 2);
  ws.getRow(row).commit();
  ws.commit();
  return { name: 'TH chỉ tiêu', headerRows: [h1, h2], firstDataRow: first, lastDataRow: last, sectionRows: sections, totalRow: row };
}

function writeGrassrootsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, all: Grassroots[]): SheetLayout {
  const ws = wb.addWorksheet('CĐCS');
  ws.columns = [6, 42, 28, 10, 12, 12, 16, 22, 14].map((width) => ({ width }));
  titleRows(ws, [[PROVINCE, S.title], ['DANH SÁCH CÔNG ĐOÀN CƠ SỞ THAM GIA CHƯƠNG TRÌNH "01 TRIỆU SÁNG KIẾN"', S.sub]], 9);
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const header = 4;
  put(ws, header, ['STT', 'Tên CĐCS', 'Thuộc', 'Chỉ tiêu', 'Số SK đăng ký', 'Số đoàn viên', 'Loại hình DN', 'Có nội dung khen thưởng SK trong TƯLĐTT/quy chế', 'Đã khen thưởng tác giả'].map((h): Put => [h, S.head]));
  all.forEach((g, i) => {
    const count: Value = i % 17 === 5 ? String(g.count) : g.count;
    put(ws, header + 1 + i, [[i + 1, S.center], [g.name, S.cell], [g.parentWritten, S.cell], [g.plan, styleFor(g.plan, S.center)], [count, styleFor(count, S.center)], [g.members, styleFor(g.members, S.center)], [g.ownership, S.cell], [g.rewardClause, S.center], [g.rewarded, S.center]]);
  });
  ws.commit();
  return { name: 'CĐCS', headerRows: [header], firstDataRow: header + 1, lastDataRow: header + all.length, sectionRows: [], totalRow: null };
}

function writeInitiativeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, uppers: Upper[], all: Grassroots[], r: Rng, onProgress?: (n: number) => void): SheetLayout & { rows: number } {
  const ws = wb.addWorksheet('DS sáng kiến');
  ws.columns = [7, 48, 30, 36, 20, 18, 14, 12, 13, 26, 12].map((width) => ({ width }));
  titleRows(ws, [[PROVINCE, S.title], ['DANH SÁCH SÁNG KIẾN ĐĂNG KÝ THAM GIA CHƯƠNG TRÌNH "01 TRIỆU SÁNG KIẾN"', S.sub], ['(Số liệu cập nhật đến ngày 08/9/2023)', S.note]], 11);
  for (let i = 1; i <= 3; i++) ws.getRow(i).commit();
  const header = 5;
  put(ws, header, ['STT', 'Tên sáng kiến', 'Tác giả/Đồng tác giả', 'Đơn vị (CĐCS)', 'Lĩnh vực', 'Giá trị làm lợi (đồng/năm)', 'Giá trị xã hội, nhân văn', 'Đã đăng tải trên phần mềm', 'Ngày đăng ký', 'QĐ công nhận', 'Xác nhận giá trị làm lợi'].map((h): Put => [h, S.head]));
  let n = 0;
  const write = (x: InitiativeRow): void => {
    n++;
    const row = header + n;
    put(ws, row, [[n, S.center], [x.title, S.wrap], [x.authors, S.wrap], [x.unit, S.cell], [x.field, S.cell], [x.benefit, styleFor(x.benefit, S.center)], [x.social, S.center], [x.posted, S.center], [x.registered, styleFor(x.registered, S.center)], [x.doc, S.cell], [x.certified, S.center]]);
    if (onProgress && n % 50_000 === 0) onProgress(n);
  };
  const unreadable = ['đang tính'];
  all.forEach((g, gi) => {
    const people = pool(g, r);
    const random = g.count - g.planted.filter((p) => p.counted).length;
    const slots = new Set<number>();
    const total = Math.max(0, random) + g.planted.length + g.late;
    while (slots.size < g.planted.length && slots.size < total) slots.add(r.int(0, total - 1));
    const plantedAt = [...slots].sort((a, b) => a - b);
    let planted = 0;
    let lateLeft = g.late;
    for (let k = 0; k < total; k++) {
      if (planted < g.planted.length && plantedAt[planted] === k) {
        const p = g.planted[planted++];
        write({ title: p.title, authors: p.authors, unit: g.name, field: r.pick(FIELDS[g.kind]), benefit: p.benefit, social: p.social ?? '', posted: p.posted ?? 'x', registered: p.registered, doc: p.doc, certified: p.certified });
        if (p.counted && g.upper >= 0) uppers[g.upper].benefit += p.benefitValue;
        continue;
      }
      const late = lateLeft > 0 && r.chance(lateLeft / (total - k));
      if (late) lateLeft--;
      const heavy = g.upper === 7 || g.upper === 4 ? 400_000_000 : 1_500_000_000;
      const { row: x, value } = randomInitiative(g, people, late, r, heavy);
      if (!late && unreadable.length > 0 && gi > 40 && value > 0 && r.chance(0.2)) {
        x.benefit = unreadable.pop() ?? x.benefit;
      } else if (!late && g.upper >= 0) {
        uppers[g.upper].benefit += value;
      }
      write(x);
    }
    // One initiative with its unit left blank, after Tam Đường's list.
    if (g.upper === 0 && all[gi + 1]?.upper !== 0) {
      write({ title: 'Giải pháp quản lý đoàn viên bằng mã QR', authors: 'Nguyễn Văn Bình', unit: '', field: 'Chuyển đổi số', benefit: null, social: '', posted: 'x', registered: utc(2023, 6, 1), doc: '', certified: '' });
    }
  });
  ws.commit();
  return { name: 'DS sáng kiến', headerRows: [header], firstDataRow: header + 1, lastDataRow: header + n, sectionRows: [], totalRow: null, rows: n };
}

function writeOfficialsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, uppers: Upper[], r: Rng): SheetLayout & { rows: number } {
  const ws = wb.addWorksheet('Cán bộ');
  ws.columns = [6, 26, 30, 34, 26].map((width) => ({ width }));
  titleRows(ws, [['DANH SÁCH CÁN BỘ CÔNG ĐOÀN CHUYÊN TRÁCH ĐỀ NGHỊ KHEN THƯỞNG', S.sub]], 5);
  ws.getRow(1).commit();
  const header = 3;
  put(ws, header, ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò'].map((h): Put => [h, S.head]));
  const rows: [string, string, string, string][] = [
    ['Trần Văn Hùng', 'Chủ tịch', 'LĐLĐ tỉnh Lai Châu', 'Thường trực LĐLĐ tỉnh'],
    ['Lò Thị Mỷ', 'Phó Chủ tịch', 'LĐLĐ tỉnh Lai Châu', 'Thường trực LĐLĐ tỉnh'],
    ['Nguyễn Đức Thắng', 'Phó Chủ tịch', 'LĐLĐ tỉnh Lai Châu', 'Thường trực LĐLĐ tỉnh'],
    ['Hoàng Thị Thu Trang', 'Trưởng ban', 'Ban Tuyên giáo LĐLĐ tỉnh', 'Ban Tuyên giáo'],
    ['Đỗ Văn Quân', 'Phó Trưởng ban', 'Ban Tuyên giáo LĐLĐ tỉnh', 'Ban Tuyên giáo'],
    ['Vàng Thị Dung', 'Chuyên viên', 'Ban Tuyên giáo LĐLĐ tỉnh', 'Ban Tuyên giáo'],
    ['Bùi Minh Khánh', 'Chuyên viên quản trị phần mềm', 'Văn phòng LĐLĐ tỉnh', 'Văn phòng'],
  ];
  uppers.forEach((u, i) => {
    rows.push([personName(r), i < 8 ? 'Chủ tịch' : 'Chủ tịch Công đoàn ngành', i % 4 === 1 ? u.profile.name.toLocaleUpperCase('vi') : u.profile.name, 'Chuyên trách CĐ cấp trên']);
    if (i === 1 || i === 3) rows.push([personName(r), 'Phó Chủ tịch', u.profile.name, 'Chuyên trách CĐ cấp trên']);
  });
  rows.forEach((x, i) => put(ws, header + 1 + i, [[i + 1, S.center], [x[0], S.cell], [x[1], S.cell], [x[2], S.cell], [x[3], S.cell]]));
  ws.commit();
  return { name: 'Cán bộ', headerRows: [header], firstDataRow: header + 1, lastDataRow: header + rows.length, sectionRows: [], totalRow: null, rows: rows.length };
}

// ---------------------------------------------------------------------------------------------

const DEFAULT_LATE = 8;
export const DEFAULT_INITIATIVES = PROFILE.reduce((s, p) => s + p.count, 0) - COUNT_DEFICIT + 3 + DEFAULT_LATE;

export async function generateSample(options: SampleOptions = {}): Promise<SampleSummary> {
  const started = Date.now();
  const out = options.out ?? DEFAULT_OUT;
  const seed = options.seed ?? DEFAULT_SEED;
  const nUpper = Math.max(1, Math.floor(options.upper ?? PROFILE.length));
  const nInitiatives = Math.max(10, Math.floor(options.initiatives ?? DEFAULT_INITIATIVES));
  const nGrassroots = Math.max(nUpper + 2, Math.floor(options.grassroots ?? DEFAULT_GRASSROOTS));
  const r = new Rng(seed);
  const { uppers, late } = buildUppers(nUpper, nInitiatives, r);
  const grassroots = buildGrassroots(uppers, nGrassroots, late, r);
  const planted = [
    'Phong Thổ 45/30 = exactly 150% (2.1.1a not met, but quotas apply: 62 grassroots → 2 slots, 1.850 members → 3)',
    'Than Uyên 80/40 = 200%, the unique highest in bloc I → 2.1.1d',
    'Giáo dục 62/40 and Viên chức 31/20 = 155% each: a tie for the highest in bloc II → both meet 2.1.1d',
    'Tam Đường 58/35 = 165.7%, grassroots column 85 (≥ 80 → 3 slots) while 14 are listed; members "3.120"',
    'Mường Tè: count column 30, the list holds 28 counted → count mismatch issue; 30/40 = 75%',
    'TP Lai Châu: counted benefit ≥ 10 tỷ → 2.1.1c; Y tế 22/20 = 110%',
    'CĐCS Trường PTDTBT THCS Bản Bo 6/4 = exactly 150%; CĐCS UBND huyện Tam Đường 7/4 = 175%; CĐCS Công ty Chè Tam Đường has reward clause "x" and rewarded "Có" → 2.1.2c',
    `"${UNKNOWN_PARENT}" is an unknown parent (${PLANTED_NAMES.stray}); "${PLANTED_NAMES.duplicate}" is listed twice under Tam Đường`,
    'bad cells: a grassroots plan "chưa giao" (Sìn Hồ), members "khoảng 60" (Tân Uyên), one initiative with a blank unit, counts typed as text',
    ...plant(grassroots),
  ];

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: true });
  wb.creator = 'Bình xét — sample generator';
  wb.created = wb.modified = new Date(Date.UTC(2023, 8, 8));
  const upperLayout = writeUpperSheet(wb, uppers, r);
  const grassrootsLayout = writeGrassrootsSheet(wb, grassroots);
  const initiativeLayout = writeInitiativeSheet(wb, uppers, grassroots, r, options.onProgress);
  const officialsLayout = writeOfficialsSheet(wb, uppers, r);
  await wb.commit();

  const { rows: initiativeRows, ...initiativeSheet } = initiativeLayout;
  const { rows: officialRows, ...officialsSheet } = officialsLayout;
  return {
    out,
    bytes: statSync(out).size,
    seconds: (Date.now() - started) / 1000,
    seed,
    upper: uppers.length,
    grassroots: grassroots.length,
    initiatives: initiativeRows,
    officials: officialRows,
    sheets: [upperLayout, grassrootsLayout, initiativeSheet, officialsSheet],
    units: uppers.map((u) => ({
      name: u.profile.name,
      row: u.row,
      bloc: BLOCS[u.bloc],
      plan: u.plan,
      count: u.count,
      countedInList: grassroots.filter((g) => uppers[g.upper] === u).reduce((s, g) => s + g.count, 0),
      pct: `${u.count}/${u.plan}`,
      grassrootsColumn: u.grassrootsColumn,
      grassrootsListed: grassroots.filter((g) => uppers[g.upper] === u).length,
      members: u.members,
      benefitCounted: u.benefit,
    })),
    planted,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: string[]): SampleOptions {
  const o: SampleOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    const num = (): number => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number, got "${value}"`);
      return n;
    };
    if (flag === '--out') o.out = value;
    else if (flag === '--initiatives') o.initiatives = num();
    else if (flag === '--grassroots') o.grassroots = num();
    else if (flag === '--upper') o.upper = num();
    else if (flag === '--seed') o.seed = num();
    else throw new Error(`unknown option ${flag}`);
  }
  return o;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const s = await generateSample({ ...options, onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en-US')} initiatives…`) });
  process.stderr.write('\r');
  console.log(`${s.out}: ${(s.bytes / 1024).toFixed(0)} KB in ${s.seconds.toFixed(1)} s (seed ${s.seed})`);
  console.log(`  ${s.upper} upper-level unions, ${s.grassroots} grassroots unions, ${s.initiatives} initiatives, ${s.officials} officials`);
  for (const sh of s.sheets) {
    const extra = [sh.sectionRows.length ? `sections ${sh.sectionRows.map((x) => x.row).join(', ')}` : '', sh.totalRow ? `total row ${sh.totalRow}` : ''].filter(Boolean).join('; ');
    console.log(`  ${sh.name}: header row(s) ${sh.headerRows.join('–')}, data rows ${sh.firstDataRow}–${sh.lastDataRow}${extra ? `; ${extra}` : ''}`);
  }
  if (s.upper <= 20) for (const u of s.units) console.log(`    row ${u.row} ${u.name}: ${u.pct} (${((u.count * 100) / u.plan).toFixed(1)}%), listed ${u.countedInList}, benefit ${u.benefitCounted.toLocaleString('vi-VN')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
