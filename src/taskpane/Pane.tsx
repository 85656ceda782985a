/** The pane's frame: title bar, step tabs, status (progress, errors, notices) and the current step. */
import { Button, Caption1, Tab, TabList, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useSession, useSessionState, useStrings } from './context';
import { ArrowSyncRegular, EraserRegular } from './icons';
import { StatusArea } from './parts/StatusArea';
import { writePreference } from './preferences';
import { CriteriaStep } from './steps/CriteriaStep';
import { DataStep } from './steps/DataStep';
import { NominateStep } from './steps/NominateStep';
import { ReviewStep, type ReviewFilter } from './steps/ReviewStep';
import { SummaryStep } from './steps/SummaryStep';
import { WorkbookState } from './steps/WorkbookState';

export type StepId = 'data' | 'criteria' | 'review' | 'nominate' | 'summary';
const STEPS: StepId[] = ['data', 'criteria', 'review', 'nominate', 'summary'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, minWidth: '300px', backgroundColor: tokens.colorNeutralBackground2 },
  header: { flexShrink: 0, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', padding: '10px 8px 4px 12px', backgroundColor: tokens.colorNeutralBackground1 },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  tagline: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  tools: { display: 'flex', alignItems: 'center', gap: '2px', flexShrink: 0 },
  lang: { minWidth: '36px', fontWeight: tokens.fontWeightSemibold },
  tabs: { flexShrink: 0, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '0', overflowX: 'auto' },
  tab: { paddingLeft: '4px', paddingRight: '4px', fontSize: tokens.fontSizeBase200 },
  main: { flexGrow: 1, overflowY: 'auto', padding: '12px', minHeight: 0 },
});

export function Pane() {
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const state = useSessionState();
  const [step, setStep] = useState<StepId>('data');
  const [reviewFilter, setReviewFilter] = useState<ReviewFilter | null>(null);
  const main = useRef<HTMLElement>(null);
  // A new step starts at its top, without the previous step's message.
  useEffect(() => {
    if (main.current) main.current.scrollTop = 0;
  }, [step]);
  const go = (next: StepId) => {
    if (next !== step && session.getState().notice) session.dismissNotice();
    setStep(next);
  };
  const ready = state.workbook !== null && state.views !== null;
  const busy = state.busy !== null;
  const toggleLang = () => {
    const next = state.lang === 'vi' ? 'en' : 'vi';
    writePreference('lang', next);
    session.setLang(next);
  };
  const openReview = (filter: ReviewFilter) => {
    setReviewFilter(filter);
    go('review');
  };
  return (
    <div className={s.root} lang={state.lang}>
      <header className={s.header}>
        <div className={s.titles}>
          <h1 className={s.title}>{t.appName}</h1>
          <Caption1 className={s.tagline} title={state.views ? state.views.rulesTitle[state.lang] : t.tagline}>
            {state.views ? state.views.rulesTitle[state.lang] : t.tagline}
          </Caption1>
        </div>
        <div className={s.tools}>
          <Tooltip content={t.refresh} relationship="label">
            <Button appearance="subtle" icon={<ArrowSyncRegular />} disabled={busy} onClick={() => void session.refresh()} />
          </Tooltip>
          <Tooltip content={t.clearHighlightsHint} relationship="description">
            <Button appearance="subtle" icon={<EraserRegular />} aria-label={t.clearHighlights} disabled={busy || !ready} onClick={() => void session.clearHighlights()} />
          </Tooltip>
          <Tooltip content={t.langSwitchLabel} relationship="description">
            <Button appearance="subtle" className={s.lang} aria-label={t.langSwitchLabel} onClick={toggleLang}>
              <Text weight="semibold">{t.langSwitch}</Text>
            </Button>
          </Tooltip>
        </div>
      </header>
      <nav className={s.tabs} aria-label={t.tabsLabel}>
        <TabList size="small" selectedValue={step} onTabSelect={(_, d) => go(d.value as StepId)}>
          {STEPS.map((id) => (
            <Tab key={id} id={`tab-${id}`} value={id} className={s.tab} aria-controls="step-panel">
              {t.tabs[id]}
            </Tab>
          ))}
        </TabList>
      </nav>
      <StatusArea />
      <main className={s.main} ref={main}>
        <div id="step-panel" role="tabpanel" aria-labelledby={`tab-${step}`}>
        {!ready ? (
          <WorkbookState />
        ) : step === 'data' ? (
          <DataStep onOpenReview={openReview} />
        ) : step === 'criteria' ? (
          <CriteriaStep />
        ) : step === 'review' ? (
          <ReviewStep initialFilter={reviewFilter} />
        ) : step === 'nominate' ? (
          <NominateStep />
        ) : (
          <SummaryStep />
        )}
        </div>
      </main>
    </div>
  );
}
