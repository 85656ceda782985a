/** One row of the review list: what was found, about whom, the decision taken, and Đến dòng / Loại / Giữ / Bỏ quyết định. */
import { Badge, Button, Caption1, Text, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useSession, useSessionState, useStrings } from '../../context';
import type { FlagView } from '../../engine/types';
import { ArrowUndoRegular, OpenRegular } from '../../icons';
import type { DecisionRequest } from '../../parts/DecisionDialog';
import { codeLabel, decisionName } from '../../strings';
import { useStepStyles } from '../../styles';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: '4px', marginLeft: '-6px' },
  badge: { alignSelf: 'flex-start', maxWidth: '100%' },
});

const DECISION_COLOR = { exclude: 'danger', keep: 'success', pin: 'brand' } as const;

export function FlagCard({ f, onDecide }: { f: FlagView; onDecide: (r: DecisionRequest) => void }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { lang, busy, canSelect } = useSessionState();
  return (
    <li className={st.card} data-flag={f.code}>
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
            <Button size="small" disabled={!!busy} onClick={() => onDecide({ kind: 'exclude', subject: f.subject, target: { type: 'flag', flag: f }, award: null })}>
              {t.exclude}
            </Button>
            <Button size="small" disabled={!!busy} onClick={() => onDecide({ kind: 'keep', subject: f.subject, target: { type: 'flag', flag: f }, award: null })}>
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
  );
}
