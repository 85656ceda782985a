/** The row the officer selected in Excel: what it is, and every verdict about it with its reason. */
import { Caption1, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useSessionState, useStrings } from '../../context';
import type { RowExplanation } from '../../engine/types';
import { VerdictIcon } from '../../parts/VerdictIcon';
import { useStepStyles } from '../../styles';

const useStyles = makeStyles({
  verdict: { display: 'flex', gap: '6px', alignItems: 'flex-start' },
  verdictText: { overflowWrap: 'anywhere' },
});

const stripId = (id: string, text: string) => (text.startsWith(`${id}: `) ? text.slice(id.length + 2) : text);

export function SelectedRow({ explanation }: { explanation: RowExplanation | null }) {
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

