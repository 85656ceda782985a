/**
 * Step 2 — Tiêu chí: the rule set and its parameters (each beside the guidance's own words), every
 * criterion with how many subjects meet it, do not, or are unknown (and why), a highlight toggle
 * per criterion with its colour, and the verdicts of the row selected in Excel.
 */
import { Text } from '@fluentui/react-components';
import { useSessionState, useStrings } from '../context';
import { useStepStyles } from '../styles';
import { CriterionCard } from './criteria/CriterionCard';
import { Legend } from './criteria/Legend';
import { ParamsSection, RulesSection } from './criteria/RuleSetSection';
import { SelectedRow } from './criteria/SelectedRow';
import { StepSection } from '../parts/StepSection';

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
      <StepSection id="criteria-title" title={t.criteriaTitle} intro={t.criteriaIntro}>
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
      </StepSection>
    </div>
  );
}
