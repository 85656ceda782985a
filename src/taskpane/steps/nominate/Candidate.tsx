/** One candidate of a nomination: rank, name, unit and figures, Đến dòng, Ghim / Bỏ ghim, Loại… / Bỏ loại. */
import { Button, Caption1, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { useSession, useSessionState, useStrings } from '../../context';
import type { CandidateView } from '../../engine/types';
import { ArrowUndoRegular, OpenRegular, PinFilled, PinOffRegular, PinRegular } from '../../icons';
import { DecisionDialog, type DecisionRequest } from '../../parts/DecisionDialog';
import { useStepStyles } from '../../styles';
import { useStyles } from './styles';

export function Candidate({ c, rank, award, group, state }: { c: CandidateView; rank: string; award: string; group: string; state: 'selected' | 'reserve' | 'excluded' }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { lang, busy, canSelect } = useSessionState();
  const [request, setRequest] = useState<DecisionRequest | null>(null);
  return (
    <li className={s.candidate} data-candidate={c.key}>
      <span className={s.rank}>{rank}</span>
      <div className={s.body}>
        <Text weight={state === 'selected' ? 'semibold' : 'regular'} className={mergeClasses(st.wrap, state === 'excluded' ? s.excluded : state === 'reserve' ? s.reserve : '')}>
          {c.pinned && (
            <>
              <PinFilled className={s.pinned} aria-label={t.pinned} role="img" />{' '}
            </>
          )}
          {c.name}
        </Text>
        <Caption1 className={mergeClasses(st.muted, st.wrap)}>{[c.unit === group ? null : c.unit, c.figures[lang]].filter(Boolean).join(' · ')}</Caption1>
        <div className={s.actions}>
          {c.where && canSelect && (
            <Button size="small" appearance="subtle" icon={<OpenRegular />} disabled={!!busy} aria-label={t.goToRowLabel(c.where.sheet, c.where.row)} onClick={() => void session.goTo(c.where!)}>
              {t.goToRow(c.where.sheet, c.where.row)}
            </Button>
          )}
          {state === 'excluded' ? (
            <Button size="small" appearance="subtle" icon={<ArrowUndoRegular />} disabled={!!busy} onClick={() => void session.unexclude(c, award)}>
              {t.unexclude}
            </Button>
          ) : (
            <>
              {c.pinned ? (
                <Button size="small" appearance="subtle" icon={<PinOffRegular />} disabled={!!busy} aria-label={t.unpinLabel(c.name, award)} onClick={() => void session.unpin(c, award)}>
                  {t.unpin}
                </Button>
              ) : (
                <Button size="small" appearance="subtle" icon={<PinRegular />} disabled={!!busy} aria-label={t.pinLabel(c.name, award)} onClick={() => setRequest({ kind: 'pin', subject: c.name, target: { type: 'candidate', candidate: c, award }, award })}>
                  {t.pin}
                </Button>
              )}
              <Button size="small" appearance="subtle" disabled={!!busy} aria-label={t.excludeLabel(c.name, award)} onClick={() => setRequest({ kind: 'exclude', subject: c.name, target: { type: 'candidate', candidate: c, award }, award })}>
                {t.excludeCandidate}
              </Button>
            </>
          )}
        </div>
      </div>
      <DecisionDialog request={request} onClose={() => setRequest(null)} />
    </li>
  );
}
