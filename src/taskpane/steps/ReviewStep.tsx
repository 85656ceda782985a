/**
 * Step 3 — Rà soát: every flag (automatic and reviewers'), filtered by kind, unit and decision,
 * with "go to row" and Loại / Giữ decisions written to the review sheet.
 */
import { Badge, Button, Caption1, Dropdown, Field, Option, Text, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { collator } from '../../domain/engine/quotas';
import { useSession, useSessionState, useStrings } from '../context';
import type { FlagView } from '../engine/types';
import { ArrowUndoRegular, OpenRegular, SaveRegular } from '../icons';
import { DecisionDialog, type DecisionRequest } from '../parts/DecisionDialog';
import { codeLabel, decisionName } from '../strings';
import { useStepStyles } from '../styles';
import { StepSection } from '../parts/StepSection';

export interface ReviewFilter {
  category?: FlagView['category'];
}

const PAGE = 25;

const useStyles = makeStyles({
  filters: { display: 'grid', gridTemplateColumns: '1fr', gap: '8px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '4px', marginLeft: '-6px' },
  badge: { alignSelf: 'flex-start', maxWidth: '100%' },
});

const DECISION_COLOR = { exclude: 'danger', keep: 'success', pin: 'brand' } as const;

export function ReviewStep({ initialFilter }: { initialFilter: ReviewFilter | null }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { views, lang, busy, canSelect } = useSessionState();
  const [type, setType] = useState<string>(initialFilter?.category ? `cat:${initialFilter.category}` : 'all');
  const [unit, setUnit] = useState('all');
  const [decision, setDecision] = useState('all');
  const [shown, setShown] = useState(PAGE);
  const [request, setRequest] = useState<DecisionRequest | null>(null);
  const flags = views?.flags ?? [];

  const typeOptions = useMemo(() => {
    const count = (f: (x: FlagView) => boolean) => flags.filter(f).length;
    const out = [{ value: 'all', text: `${t.all} (${flags.length})` }];
    for (const [cat, label] of [['data', t.categoryData], ['evidence', t.categoryEvidence], ['reviewer', t.categoryReviewer]] as const) {
      const k = count((x) => x.category === cat);
      if (k) out.push({ value: `cat:${cat}`, text: `${label} (${k})` });
    }
    const codes = new Map<string, number>();
    for (const f of flags) if (f.code !== 'reviewer') codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
    for (const [code, k] of [...codes].sort((a, b) => b[1] - a[1])) out.push({ value: `code:${code}`, text: `— ${codeLabel(code, lang)} (${k})` });
    return out;
  }, [flags, lang, t]);

  const unitOptions = useMemo(() => {
    const names = new Map<string, number>();
    for (const f of flags) if (f.upper) names.set(f.upper, (names.get(f.upper) ?? 0) + 1);
    return [{ value: 'all', text: t.allUnits }, ...[...names].sort((a, b) => collator.compare(a[0], b[0])).map(([name, k]) => ({ value: name, text: `${name} (${k})` }))];
  }, [flags, t]);

  const decisionOptions = [
    { value: 'all', text: t.all },
    { value: 'none', text: t.undecided },
    { value: 'exclude', text: decisionName('exclude', lang) },
    { value: 'keep', text: decisionName('keep', lang) },
    { value: 'pin', text: decisionName('pin', lang) },
  ];

  const filtered = flags.filter(
    (f) =>
      (type === 'all' || (type.startsWith('cat:') ? f.category === type.slice(4) : f.code === type.slice(5))) &&
      (unit === 'all' || f.upper === unit) &&
      (decision === 'all' || (decision === 'none' ? f.decision === null : f.decision === decision)),
  );
  const open = flags.filter((f) => f.decision === null).length;
  const text = (opts: { value: string; text: string }[], v: string) => opts.find((o) => o.value === v)?.text ?? '';
  const reset = () => setShown(PAGE);

  return (
    <div className={st.step}>
      <StepSection id="review-title" title={t.reviewTitle} intro={t.reviewIntro}>
        <Text>{t.reviewCounts(flags.length, open)}</Text>
        <div className={s.filters}>
          <Field label={t.filterType} size="small">
            <Dropdown size="small" value={text(typeOptions, type)} selectedOptions={[type]} onOptionSelect={(_, d) => (setType(d.optionValue ?? 'all'), reset())}>
              {typeOptions.map((o) => (
                <Option key={o.value} value={o.value}>
                  {o.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t.filterUnit} size="small">
            <Dropdown size="small" value={text(unitOptions, unit)} selectedOptions={[unit]} onOptionSelect={(_, d) => (setUnit(d.optionValue ?? 'all'), reset())}>
              {unitOptions.map((o) => (
                <Option key={o.value} value={o.value}>
                  {o.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t.filterDecision} size="small">
            <Dropdown size="small" value={text(decisionOptions, decision)} selectedOptions={[decision]} onOptionSelect={(_, d) => (setDecision(d.optionValue ?? 'all'), reset())}>
              {decisionOptions.map((o) => (
                <Option key={o.value} value={o.value}>
                  {o.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <div>
          <Button icon={<SaveRegular />} disabled={!!busy} onClick={() => void session.writeReview()}>
            {t.writeReview}
          </Button>
        </div>
      </StepSection>

      <div className={st.section}>
        {filtered.length === 0 ? (
          <Text>{t.noFlags}</Text>
        ) : (
          <>
            <Caption1 className={st.muted}>{t.shown(Math.min(shown, filtered.length), filtered.length)}</Caption1>
            <ul className={st.list}>
              {filtered.slice(0, shown).map((f) => (
                <li key={f.id} className={st.card} data-flag={f.code}>
                  <Badge appearance="tint" color={f.category === 'data' ? 'warning' : f.category === 'evidence' ? 'informative' : 'brand'} className={s.badge}>
                    {codeLabel(f.code, lang)}
                  </Badge>
                  <Text weight="semibold" className={st.wrap}>
                    {f.subject || '—'}
                  </Text>
                  {(f.unit || f.upper) && <Caption1 className={mergeClasses(st.muted, st.wrap)}>{[...new Set([f.unit, f.upper].filter(Boolean))].join(' · ')}</Caption1>}
                  <Text size={200} className={st.wrap}>
                    {f.message[lang]}
                  </Text>
                  {f.decision && (
                    <div className={st.row}>
                      <Badge appearance="filled" color={DECISION_COLOR[f.decision]}>
                        {decisionName(f.decision, lang)}
                        {f.award ? ` ${f.award}` : ''}
                      </Badge>
                      <Caption1 className={st.wrap}>
                        {t.decisionBy(f.who, f.when)}
                        {f.note ? ` — ${f.note}` : ''}
                      </Caption1>
                    </div>
                  )}
                  <div className={s.actions}>
                    {f.where && canSelect && (
                      <Button size="small" appearance="subtle" icon={<OpenRegular />} disabled={!!busy} aria-label={t.goToRowLabel(f.where.sheet, f.where.row)} onClick={() => void session.goTo(f.where!)}>
                        {t.goToRow(f.where.sheet, f.where.row)}
                      </Button>
                    )}
                    {f.decision === null ? (
                      <>
                        <Button size="small" disabled={!!busy} onClick={() => setRequest({ kind: 'exclude', subject: f.subject, target: { type: 'flag', flag: f }, award: null })}>
                          {t.exclude}
                        </Button>
                        <Button size="small" disabled={!!busy} onClick={() => setRequest({ kind: 'keep', subject: f.subject, target: { type: 'flag', flag: f }, award: null })}>
                          {t.keep}
                        </Button>
                      </>
                    ) : (
                      <Button size="small" appearance="subtle" icon={<ArrowUndoRegular />} disabled={!!busy} onClick={() => void session.undoDecision(f)}>
                        {t.undo}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            {filtered.length > shown && (
              <Button appearance="secondary" onClick={() => setShown(shown + PAGE)}>
                {t.showMore(Math.min(PAGE, filtered.length - shown))}
              </Button>
            )}
          </>
        )}
      </div>
      <DecisionDialog request={request} onClose={() => setRequest(null)} />
    </div>
  );
}
