/**
 * Step 4 — Đề cử: per award and group, the quota used ("2/3"), the selected in order and the
 * numbered reserve; pin / unpin, exclude / undo; and "Ghi bảng đề cử". Each list shows its first
 * few candidates; more are asked of the engine.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, Link, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { useSession, useSessionState, useStrings } from '../context';
import type { NominationView } from '../engine/types';
import { SaveRegular } from '../icons';
import { StepSection } from '../parts/StepSection';
import { useStepStyles } from '../styles';
import { CandidateItems } from './nominate/CandidateItems';
import { useStyles } from './nominate/styles';

function Group({ n }: { n: NominationView }) {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const { lang } = useSessionState();
  const { counts } = n;
  const full = n.quota !== null && counts.selected >= n.quota;
  return (
    <div className={s.group}>
      <div className={s.groupHead}>
        <h4 className={st.subheading}>{n.group === '*' ? t.wholeWorkbook : n.group}</h4>
        <Badge appearance={full ? 'filled' : 'tint'} color={n.uncapped ? 'informative' : n.quota === null ? 'warning' : full ? 'success' : 'informative'}>
          {n.quota === null && !n.uncapped ? t.quotaUnknown(counts.selected) : t.quotaUsed(counts.selected, n.quota)}
        </Badge>
      </div>
      <Caption1 className={mergeClasses(st.muted, st.wrap)}>{n.quotaReason[lang]}</Caption1>
      {n.displaced.map((d, i) => (
        <Caption1 key={i}>{t.displaced(d.pinned, d.displaced)}</Caption1>
      ))}
      {counts.selected === 0 && counts.reserve === 0 ? (
        <Text size={200} className={st.muted}>
          {t.noCandidates}
        </Text>
      ) : (
        <CandidateItems n={n} list="selected" label={n.group === '*' ? t.wholeWorkbook : n.group} />
      )}
      {counts.reserve > 0 && (
        <>
          <h5 className={s.subtitle}>{t.reserveTitle}</h5>
          <CandidateItems n={n} list="reserve" label={`${t.reserveTitle} — ${n.group === '*' ? t.wholeWorkbook : n.group}`} />
        </>
      )}
      {counts.excluded > 0 && (
        <>
          <h5 className={s.subtitle}>{t.excludedTitle}</h5>
          <CandidateItems n={n} list="excluded" />
        </>
      )}
    </div>
  );
}

function Award({ award, groups }: { award: string; groups: NominationView[] }) {
  const st = useStepStyles();
  const t = useStrings();
  const [showEmpty, setShowEmpty] = useState(false);
  const live = groups.filter((g) => g.counts.selected + g.counts.reserve + g.counts.excluded > 0 || (g.quota ?? 0) > 0);
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
