/**
 * Step 3 — Rà soát: every flag (automatic and reviewers'), filtered by kind, unit and decision,
 * with "go to row" and Loại / Giữ decisions written to the review sheet. The list stays in the
 * engine (half a million rows at a million initiatives): the headings and filters come from its
 * counts, and the step asks for one page at a time.
 */
import { Button, Caption1, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useSession, useSessionState, useStrings } from '../context';
import { SaveRegular } from '../icons';
import { DecisionDialog, type DecisionRequest } from '../parts/DecisionDialog';
import { Pager } from '../parts/Pager';
import { StepSection } from '../parts/StepSection';
import { useStepStyles } from '../styles';
import { FlagCard } from './review/FlagCard';
import { type FilterState, type Option as Choice, type ReviewFilter, decisionOptions, initialFilter, orderOptions, queryOf, typeOptions, unitOptions } from './review/filters';
import { useFlagPage } from './review/use-flag-page';

export type { ReviewFilter } from './review/filters';

/** Rows per page: a page fits a few screens of the narrow pane. */
export const PAGE = 25;

const EMPTY = { total: 0, open: 0, byCategory: { data: 0, evidence: 0, reviewer: 0 }, byCode: [], byUpper: [], byDecision: { none: 0, exclude: 0, keep: 0, pin: 0 } };

function Choose({ label, options, value, onChange }: { label: string; options: Choice[]; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} size="small">
      <Dropdown size="small" value={options.find((o) => o.value === value)?.text ?? ''} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(d.optionValue ?? options[0]!.value)}>
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function ReviewStep({ initialFilter: given }: { initialFilter: ReviewFilter | null }) {
  const st = useStepStyles();
  const t = useStrings();
  const session = useSession();
  const { views, analysis, lang, busy } = useSessionState();
  const [filter, setFilter] = useState<FilterState>(() => initialFilter(given));
  const [offset, setOffset] = useState(0);
  const [request, setRequest] = useState<DecisionRequest | null>(null);
  const summary = views?.review ?? EMPTY;
  const { page, query, failed } = useFlagPage(analysis, queryOf(filter, offset, PAGE));
  const types = useMemo(() => typeOptions(summary, t, lang), [summary, t, lang]);
  const units = useMemo(() => unitOptions(summary, t), [summary, t]);
  const list = useRef<HTMLDivElement>(null);
  const change = (patch: Partial<FilterState>) => {
    setFilter({ ...filter, ...patch });
    setOffset(0);
  };
  const turn = (next: number) => {
    setOffset(next);
    list.current?.scrollIntoView({ block: 'start' });
  };

  return (
    <div className={st.step}>
      <StepSection id="review-title" title={t.reviewTitle} intro={t.reviewIntro}>
        <Text>{t.reviewCounts(summary.total, summary.open)}</Text>
        <div className={st.section}>
          <Choose label={t.filterType} options={types} value={filter.type} onChange={(type) => change({ type })} />
          <Choose label={t.filterUnit} options={units} value={filter.unit} onChange={(unit) => change({ unit })} />
          <Choose label={t.filterDecision} options={decisionOptions(t, lang)} value={filter.decision} onChange={(decision) => change({ decision })} />
          <Choose label={t.sortLabel} options={orderOptions(t)} value={filter.order} onChange={(order) => change({ order: order as FilterState['order'] })} />
        </div>
        <div>
          <Button icon={<SaveRegular />} disabled={!!busy} onClick={() => void session.writeReview()}>
            {t.writeReview}
          </Button>
        </div>
      </StepSection>

      <div className={st.section} ref={list} aria-busy={query !== JSON.stringify(queryOf(filter, offset, PAGE))}>
        {failed && <Text>{t.pageUnavailable}</Text>}
        {!page ? (
          !failed && <Text className={st.muted}>{t.pageLoading}</Text>
        ) : page.total === 0 ? (
          <Text>{t.noFlags}</Text>
        ) : (
          <>
            <Caption1 className={st.muted}>{t.shown(page.offset + 1, page.offset + page.rows.length, page.total)}</Caption1>
            <ul className={st.list}>
              {page.rows.map((f) => (
                <FlagCard key={f.id} f={f} onDecide={setRequest} />
              ))}
            </ul>
            <Pager offset={page.offset} total={page.total} limit={PAGE} onPage={turn} />
          </>
        )}
      </div>
      <DecisionDialog request={request} onClose={() => setRequest(null)} />
    </div>
  );
}
