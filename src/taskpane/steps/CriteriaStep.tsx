/**
 * Step 2 — Tiêu chí: the rule set and its parameters (each beside the guidance's own words), every
 * criterion with how many subjects meet it, do not, or are unknown (and why), a highlight toggle
 * per criterion with its colour, and the verdicts of the row selected in Excel.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SpinButton,
  Switch,
  ToggleButton,
  Tooltip,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Result } from '../../domain/engine/verdict';
import { PRESETS } from '../../domain/rules/presets';
import type { ParamDef, ParamValue } from '../../domain/rules/types';
import { useSession, useSessionState, useStrings } from '../context';
import type { CriterionView, RowExplanation } from '../engine/types';
import { DocumentArrowUpRegular, EraserRegular } from '../icons';
import { Swatch, VerdictIcon } from '../parts/VerdictIcon';
import { useStepStyles } from '../styles';

const useStyles = makeStyles({
  criterion: { borderLeftWidth: '4px', borderLeftStyle: 'solid' },
  sub: { marginLeft: '12px' },
  titleRow: { display: 'flex', gap: '8px', alignItems: 'flex-start', justifyContent: 'space-between' },
  titleText: { minWidth: 0, paddingTop: '2px' },
  toggle: { flexShrink: 0, minWidth: 0 },
  id: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '2px', marginLeft: '-6px' },
  countButton: { minWidth: 0, paddingLeft: '6px', paddingRight: '6px', fontWeight: tokens.fontWeightRegular },
  reasons: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  legendItem: { display: 'flex', gap: '6px', alignItems: 'center' },
  verdict: { display: 'flex', gap: '6px', alignItems: 'flex-start' },
  verdictText: { overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
  seed: { fontStyle: 'italic' },
});

/** A chosen file's text (FileReader where Blob.text is missing, as in older web views). */
function readText(f: File): Promise<string> {
  if (typeof f.text === 'function') return f.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}

const stripId = (id: string, text: string) => (text.startsWith(`${id}: `) ? text.slice(id.length + 2) : text);

function RulesSection() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { rules, settings, rulesErrors, lang, busy } = useSessionState();
  const file = useRef<HTMLInputElement>(null);
  const custom = 'custom' in settings.rules;
  const current = custom ? 'custom' : rules.id;
  const label = (id: string) => (id === 'custom' ? t.customRules(rules.title[lang]) : PRESETS[id]!.title[lang]);
  return (
    <section className={st.section} aria-labelledby="rules-title">
      <h2 id="rules-title" className={st.heading}>
        {t.rulesTitle}
      </h2>
      <Field label={t.rulesLabel}>
        <Dropdown
          value={label(current)}
          selectedOptions={[current]}
          disabled={!!busy}
          onOptionSelect={(_, d) => d.optionValue && d.optionValue !== current && d.optionValue !== 'custom' && void session.choosePreset(d.optionValue)}
        >
          {Object.keys(PRESETS).map((id) => (
            <Option key={id} value={id}>
              {label(id)}
            </Option>
          ))}
          {custom && <Option value="custom">{label('custom')}</Option>}
        </Dropdown>
      </Field>
      <div>
        <Button size="small" icon={<DocumentArrowUpRegular />} disabled={!!busy} onClick={() => file.current?.click()}>
          {t.loadRules}
        </Button>
        <input
          ref={file}
          className={s.hidden}
          type="file"
          accept=".json,application/json"
          aria-label={t.loadRules}
          aria-hidden
          tabIndex={-1}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await session.loadCustomRules(await readText(f));
          }}
        />
      </div>
      {rulesErrors && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.rulesRefused}</MessageBarTitle>
            <ul>
              {rulesErrors.slice(0, 8).map((e, i) => (
                <li key={i}>{e[lang]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function ParamControl({ name, def, value }: { name: string; def: ParamDef; value: ParamValue }) {
  const t = useStrings();
  const session = useSession();
  const { busy } = useSessionState();
  const set = (v: ParamValue) => v !== value && void session.setParam(name, v);
  switch (def.type) {
    case 'number':
      return (
        <SpinButton
          value={typeof value === 'number' ? value : Number(value)}
          min={0}
          disabled={!!busy}
          onChange={(_, d) => {
            const v = d.value ?? (d.displayValue !== undefined ? Number(d.displayValue) : NaN);
            if (Number.isFinite(v) && v >= 0) set(Math.round(v as number));
          }}
        />
      );
    case 'date':
      return <Input type="date" value={String(value)} disabled={!!busy} onChange={(_, d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && set(d.value)} />;
    case 'boolean':
      return <Switch checked={value === true} disabled={!!busy} label={value === true ? t.yes : t.no} onChange={(_, d) => set(d.checked)} />;
    case 'choice':
      return (
        <Dropdown value={t.cmpChoice(String(value))} selectedOptions={[String(value)]} disabled={!!busy} onOptionSelect={(_, d) => d.optionValue && set(d.optionValue)}>
          {(def.choices ?? []).map((c) => (
            <Option key={c} value={c} text={t.cmpChoice(c)}>
              {`${c}  ${t.cmpChoice(c)}`}
            </Option>
          ))}
        </Dropdown>
      );
  }
}

function defaultText(def: ParamDef, t: ReturnType<typeof useStrings>): string {
  if (def.type === 'boolean') return def.value ? t.yes : t.no;
  if (def.type === 'choice') return t.cmpChoice(String(def.value));
  if (def.type === 'date') return String(def.value).split('-').reverse().join('/');
  return String(def.value);
}

function ParamsSection() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { rules, settings, lang, busy } = useSessionState();
  const changed = Object.keys(settings.params).filter((k) => k in rules.params).length;
  return (
    <Accordion collapsible>
      <AccordionItem value="params">
        <AccordionHeader as="h2" size="small">
          <Text weight="semibold">
            {t.paramsTitle}
            {changed ? ` (${changed})` : ''}
          </Text>
        </AccordionHeader>
        <AccordionPanel>
          <div className={st.section}>
            <Text size={200} className={st.muted}>
              {t.paramsIntro}
            </Text>
            {Object.entries(rules.params).map(([name, def]) => {
              const value = settings.params[name] !== undefined && typeof settings.params[name] === typeof def.value ? settings.params[name]! : def.value;
              return (
                <Field
                  key={name}
                  label={def.label[lang]}
                  hint={
                    <>
                      {t.seed} <span className={s.seed}>«{def.seed[lang]}»</span>. {t.paramDefault(defaultText(def, t))}.
                    </>
                  }
                >
                  <ParamControl name={name} def={def} value={value} />
                </Field>
              );
            })}
            {changed > 0 && (
              <div>
                <Button size="small" disabled={!!busy} onClick={() => void session.resetParams()}>
                  {t.resetParams}
                </Button>
              </div>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function Legend() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { highlighted, views, lang, busy } = useSessionState();
  if (!views || highlighted.length === 0) return null;
  const byId = new Map(views.criteria.map((c) => [c.id, c]));
  return (
    <section className={st.card} aria-labelledby="legend-title">
      <div className={st.spread}>
        <h2 id="legend-title" className={st.subheading}>
          {t.legendTitle}
        </h2>
        <Button size="small" icon={<EraserRegular />} disabled={!!busy} onClick={() => void session.clearHighlights()}>
          {t.clearHighlights}
        </Button>
      </div>
      <ul className={st.list}>
        {highlighted.map((id) => {
          const c = byId.get(id);
          return (
            c && (
              <li key={id} className={s.legendItem}>
                <Swatch color={c.color} />
                <Text size={200}>
                  <b>{id}</b> {c.title[lang]} ({c.counts.met})
                </Text>
              </li>
            )
          );
        })}
      </ul>
    </section>
  );
}

function SelectedRow({ explanation }: { explanation: RowExplanation | null }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const { selection, lang, canSelect } = useSessionState();
  const box = useRef<HTMLElement>(null);
  // The officer selected a row in Excel to see why: bring the answer into view.
  useEffect(() => {
    if (selection) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selection]);
  if (!canSelect) return null;
  return (
    <section ref={box} className={st.card} aria-labelledby="selection-title" aria-live="polite">
      <h2 id="selection-title" className={st.subheading}>
        {t.selectionTitle}
      </h2>
      {!selection ? (
        <Text size={200} className={st.muted}>
          {t.selectionHint}
        </Text>
      ) : !explanation ? (
        <Text size={200}>{t.selectionNone(selection.sheet, selection.row)}</Text>
      ) : (
        <>
          <Caption1 className={st.muted}>{t.selectionAt(explanation.sheet, explanation.row)}</Caption1>
          {explanation.subjects.map((subj, i) => (
            <div key={i} className={st.section}>
              <Text weight="semibold" className={st.wrap}>
                {t.subjectKind(subj.kind)}: {subj.name}
                {subj.unit ? <span className={st.muted}> — {subj.unit}</span> : null}
              </Text>
              {subj.notes.map((n, j) => (
                <Text key={j} size={200}>
                  {n[lang]}
                </Text>
              ))}
              {subj.verdicts.length > 0 && (
                <ul className={st.list}>
                  {subj.verdicts.map((v) => (
                    <li key={v.id} className={s.verdict}>
                      <VerdictIcon result={v.result} label={t.result(v.result)} />
                      <Text size={200} className={s.verdictText}>
                        <b>{v.id}</b> {stripId(v.id, v.reason[lang])}
                      </Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function CriterionCard({ c, sub }: { c: CriterionView; sub: boolean }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { highlighted, lang, busy, canSelect } = useSessionState();
  const on = highlighted.includes(c.id);
  const count = (result: Result, label: string, k: number) => (
    <Button
      size="small"
      appearance="subtle"
      className={s.countButton}
      icon={<VerdictIcon result={result} />}
      disabled={k === 0 || !canSelect || !!busy}
      aria-label={t.countButtonLabel(label, k, c.id)}
      onClick={() => void session.selectSubjects(c.id, result)}
    >
      {t.countButton(label, k)}
    </Button>
  );
  return (
    <li className={mergeClasses(st.card, s.criterion, sub ? s.sub : '')} style={{ borderLeftColor: c.color }} data-criterion={c.id}>
      <div className={s.titleRow}>
        <div className={s.titleText}>
          <span className={s.id}>{c.id}</span>{' '}
          <Text size={200} className={st.wrap}>
            {c.title[lang]}
          </Text>
        </div>
        <Tooltip content={t.highlightSwitchLabel(c.id)} relationship="description">
          <ToggleButton
            size="small"
            checked={on}
            appearance={on ? 'primary' : 'secondary'}
            disabled={!!busy}
            icon={<Swatch color={c.color} />}
            aria-label={t.highlightSwitchLabel(c.id)}
            className={s.toggle}
            onClick={() => void session.toggleHighlight(c.id, !on)}
          >
            {t.highlightSwitch}
          </ToggleButton>
        </Tooltip>
      </div>
      <div className={s.counts}>
        {count('met', t.met, c.counts.met)}
        {count('not_met', t.notMet, c.counts.not_met)}
        {count('unknown', t.unknown, c.counts.unknown)}
      </div>
      {c.counts.unknown > 0 && c.unknownReasons.length > 0 && (
        <Text size={200} className={s.reasons}>
          {t.unknownBecause} {c.unknownReasons.map((r) => r.reason[lang]).join('; ')}
        </Text>
      )}
    </li>
  );
}

export function CriteriaStep() {
  const st = useStepStyles();
  const t = useStrings();
  const { views, explanation } = useSessionState();
  if (!views) return null;
  const ids = new Set(views.criteria.map((c) => c.id));
  const tops = views.criteria.filter((c) => !c.partOf || !ids.has(c.partOf));
  return (
    <div className={st.step}>
      <RulesSection />
      <ParamsSection />
      <SelectedRow explanation={explanation} />
      <Legend />
      <section className={st.section} aria-labelledby="criteria-title">
        <h2 id="criteria-title" className={st.heading}>
          {t.criteriaTitle}
        </h2>
        <Text size={200} className={st.muted}>
          {t.criteriaIntro}
        </Text>
        {tops.length === 0 ? (
          <Text>{t.noCriteria}</Text>
        ) : (
          <ul className={st.list}>
            {tops.flatMap((c) => [
              <CriterionCard key={c.id} c={c} sub={false} />,
              ...views.criteria.filter((x) => x.partOf === c.id).map((x) => <CriterionCard key={x.id} c={x} sub />),
            ])}
          </ul>
        )}
      </section>
    </div>
  );
}
