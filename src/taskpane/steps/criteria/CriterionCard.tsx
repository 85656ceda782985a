/** One criterion: its counts (each selects those rows in Excel), why some are unknown, and its highlight toggle. */
import { Button, ToggleButton, Tooltip, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Result } from '../../../domain/engine/verdict';
import { useSession, useSessionState, useStrings } from '../../context';
import type { CriterionView } from '../../engine/types';
import { Swatch, VerdictIcon } from '../../parts/VerdictIcon';
import { useStepStyles } from '../../styles';

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
});

export function CriterionCard({ c, sub }: { c: CriterionView; sub: boolean }) {
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

