/**
 * Step 4 — Đề cử: per award and group, the quota used ("2/3"), the selected in order and the
 * numbered reserve; pin / unpin, exclude / undo; and "Ghi bảng đề cử".
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Link,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useSession, useSessionState, useStrings } from '../context';
import type { CandidateView, NominationView } from '../engine/types';
import { ArrowUndoRegular, OpenRegular, PinFilled, PinOffRegular, PinRegular, SaveRegular } from '../icons';
import { DecisionDialog, type DecisionRequest } from '../parts/DecisionDialog';
import { useStepStyles } from '../styles';
import { StepSection } from '../parts/StepSection';

const useStyles = makeStyles({
  awardHeader: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap', minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: '6px', paddingBottom: '12px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, marginBottom: '8px' },
  groupHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '8px' },
  candidate: { display: 'flex', gap: '8px', alignItems: 'flex-start' },
  rank: { minWidth: '22px', textAlign: 'right', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', paddingTop: '1px' },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '2px', marginLeft: '-6px' },
  reserve: { color: tokens.colorNeutralForeground2 },
  excluded: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  subtitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: '4px 0 0' },
  pinned: { color: tokens.colorBrandForeground1 },
});

const RESERVE_SHOWN = 5;

function Candidate({ c, rank, award, group, state }: { c: CandidateView; rank: string; award: string; group: string; state: 'selected' | 'reserve' | 'excluded' }) {
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

function Group({ n }: { n: NominationView }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const { lang } = useSessionState();
  const [allReserve, setAllReserve] = useState(false);
  const reserve = allReserve ? n.reserve : n.reserve.slice(0, RESERVE_SHOWN);
  const full = n.quota !== null && n.selected.length >= n.quota;
  return (
    <div className={s.group}>
      <div className={s.groupHead}>
        <h4 className={st.subheading}>{n.group === '*' ? t.wholeWorkbook : n.group}</h4>
        <Badge appearance={full ? 'filled' : 'tint'} color={n.uncapped ? 'informative' : n.quota === null ? 'warning' : full ? 'success' : 'informative'}>
          {n.quota === null && !n.uncapped ? t.quotaUnknown(n.selected.length) : t.quotaUsed(n.selected.length, n.quota)}
        </Badge>
      </div>
      <Caption1 className={mergeClasses(st.muted, st.wrap)}>{n.quotaReason[lang]}</Caption1>
      {n.displaced.map((d, i) => (
        <Caption1 key={i}>{t.displaced(d.pinned, d.displaced)}</Caption1>
      ))}
      {n.selected.length === 0 && n.reserve.length === 0 ? (
        <Text size={200} className={st.muted}>
          {t.noCandidates}
        </Text>
      ) : (
        <ol className={st.list} aria-label={n.group === '*' ? t.wholeWorkbook : n.group}>
          {n.selected.map((c, i) => (
            <Candidate key={c.key} c={c} rank={`${i + 1}.`} award={n.award} group={n.group} state="selected" />
          ))}
        </ol>
      )}
      {n.reserve.length > 0 && (
        <>
          <h5 className={s.subtitle}>{t.reserveTitle}</h5>
          <ol className={st.list} aria-label={`${t.reserveTitle} — ${n.group === '*' ? t.wholeWorkbook : n.group}`}>
            {reserve.map((c, i) => (
              <Candidate key={c.key} c={c} rank={`${i + 1}.`} award={n.award} group={n.group} state="reserve" />
            ))}
          </ol>
          {n.reserve.length > RESERVE_SHOWN && (
            <Link as="button" onClick={() => setAllReserve(!allReserve)} aria-expanded={allReserve}>
              {allReserve ? t.showLess : t.showMore(n.reserve.length - RESERVE_SHOWN)}
            </Link>
          )}
        </>
      )}
      {n.excluded.length > 0 && (
        <>
          <h5 className={s.subtitle}>{t.excludedTitle}</h5>
          <ul className={st.list}>
            {n.excluded.map((c) => (
              <Candidate key={c.key} c={c} rank="–" award={n.award} group={n.group} state="excluded" />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Award({ award, groups }: { award: string; groups: NominationView[] }) {
  const st = useStepStyles();
  const t = useStrings();
  const [showEmpty, setShowEmpty] = useState(false);
  const live = groups.filter((g) => g.selected.length + g.reserve.length + g.excluded.length > 0 || (g.quota ?? 0) > 0);
  const empty = groups.filter((g) => !live.includes(g));
  return (
    <div>
      {live.map((g) => (
        <Group key={`${award}|${g.group}`} n={g} />
      ))}
      {empty.length > 0 && (
        <>
          <Link as="button" onClick={() => setShowEmpty(!showEmpty)} aria-expanded={showEmpty}>
            {t.groupsWithoutSlots(empty.length)}
          </Link>
          {showEmpty && (
            <Text as="p" size={200} className={st.muted}>
              {empty.map((g) => g.group).join(', ')}
            </Text>
          )}
        </>
      )}
    </div>
  );
}

export function NominateStep() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { views, lang, busy, written } = useSessionState();
  if (!views) return null;
  return (
    <div className={st.step}>
      <StepSection id="nominate-title" title={t.nominateTitle} intro={t.nominateIntro}>
        <Button appearance="primary" icon={<SaveRegular />} disabled={!!busy} onClick={() => void session.writeNominations()}>
          {t.writeNominations}
        </Button>
        <Caption1 className={st.muted}>{t.writeNominationsHint}</Caption1>
        {written.nominations.length > 0 && (
          <Caption1>{t.writtenList(written.nominations)}</Caption1>
        )}
      </StepSection>
      <Accordion multiple collapsible defaultOpenItems={views.awards[0] ? [views.awards[0].award] : []}>
        {views.awards.map((a) => (
          <AccordionItem key={a.award} value={a.award}>
            <AccordionHeader as="h3" size="small">
              <span className={s.awardHeader}>
                <Text weight="semibold">{a.award}</Text>
                <Badge appearance="tint" color={a.quota === null ? 'informative' : 'brand'} size="small">
                  {t.quotaUsed(a.selected, a.quota)}
                </Badge>
                <Caption1 className={mergeClasses(st.muted, st.wrap)}>{a.title[lang]}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <Award award={a.award} groups={views.nominations.filter((n) => n.award === a.award)} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
