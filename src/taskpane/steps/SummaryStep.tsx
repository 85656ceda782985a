/** Step 5 — Tổng hợp: the key figures, nominations per award against quota, and "Ghi bảng tổng hợp". */
import { Button, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { formatPct } from '../../domain/engine/verdict';
import { useSession, useSessionState, useStrings } from '../context';
import { DocumentTableRegular } from '../icons';
import { useStepStyles } from '../styles';
import { StepSection } from '../parts/StepSection';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: '8px', margin: 0 },
  wide: { gridColumn: '1 / -1' },
  figure: { display: 'flex', flexDirection: 'column', gap: '2px', padding: '8px 10px', backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  value: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', width: '72px' },
  numHead: { width: '72px', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  awardCell: { display: 'flex', flexDirection: 'column', padding: '4px 0', minWidth: 0 },
  awardTitle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function SummaryStep() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { views, lang, busy, written } = useSessionState();
  if (!views) return null;
  const f = views.figures;
  const fmt = (x: number) => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  const items: { label: string; value: string; detail?: string; wide?: boolean }[] = [
    { label: t.figures.units, value: fmt(f.units), detail: t.figures.unitsDetail(f.upper, f.grassroots) },
    { label: t.figures.initiatives, value: fmt(f.counted), detail: t.figures.initiativesDetail(f.initiatives) },
    {
      label: t.figures.pct,
      value: f.plan && f.count !== null ? formatPct(f.count, f.plan, lang) : t.figures.unknown,
      detail: f.plan && f.count !== null ? t.figures.pctDetail(f.count, f.plan) : undefined,
    },
    { label: t.figures.withBenefit, value: fmt(f.withBenefit) },
    { label: t.figures.totalBenefit, value: t.figures.money(f.totalBenefit), wide: true },
    { label: t.figures.evidenced, value: fmt(f.evidenced) },
    { label: t.figures.authors, value: fmt(f.authors) },
    { label: t.figures.officials, value: fmt(f.officials) },
    { label: t.figures.issues, value: fmt(f.issues) },
    { label: t.figures.flags, value: fmt(f.flags) },
    { label: t.figures.nominated, value: fmt(views.awards.reduce((n, a) => n + a.selected, 0)), detail: t.figures.nominatedDetail(views.awards.length) },
  ];
  return (
    <div className={st.step}>
      <StepSection id="summary-title" title={t.summaryTitle}>
        <dl className={s.grid}>
          {items.map((x) => (
            <div key={x.label} className={mergeClasses(s.figure, x.wide && s.wide)}>
              <dt className={s.label}>{x.label}</dt>
              <dd className={s.value}>{x.value}</dd>
              {x.detail && <dd className={mergeClasses(s.label, s.detail)}>{x.detail}</dd>}
            </div>
          ))}
        </dl>
      </StepSection>
      <StepSection id="awards-title" title={t.awardsTitle}>
        <Table size="small" className={s.table} aria-labelledby="awards-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.awardColumn}</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>{t.selectedColumn}</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>{t.reserveColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {views.awards.map((a) => (
              <TableRow key={a.award}>
                <TableCell>
                  <div className={s.awardCell} title={a.title[lang]}>
                    <Text weight="semibold" size={200}>
                      {a.award}
                    </Text>
                    <span className={s.awardTitle}>{a.title[lang]}</span>
                  </div>
                </TableCell>
                <TableCell className={s.num}>{a.quota === null ? fmt(a.selected) : `${fmt(a.selected)}/${fmt(a.quota)}`}</TableCell>
                <TableCell className={s.num}>{fmt(a.reserve)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </StepSection>
      <section className={st.section} aria-label={t.writeSummary}>
        <Button appearance="primary" icon={<DocumentTableRegular />} disabled={!!busy} onClick={() => void session.writeSummary()}>
          {t.writeSummary}
        </Button>
        <Caption1 className={st.muted}>{t.writeSummaryHint}</Caption1>
        {written.summary && (
          <Text size={200}>{t.writtenList([written.summary])}</Text>
        )}
      </section>
    </div>
  );
}
