/**
 * One list of a nomination (selected, reserve or excluded): the first few candidates come with the
 * views; "Xem thêm" asks the engine for the next ones (a reserve can run to thousands).
 */
import { Link } from '@fluentui/react-components';
import { useState } from 'react';
import { useSessionState, useStrings } from '../../context';
import type { Analysis, CandidateList, CandidateView, NominationView } from '../../engine/types';
import { useStepStyles } from '../../styles';
import { Candidate } from './Candidate';

/** Candidates asked for at a time. */
const MORE = 25;

function useCandidates(n: NominationView, list: CandidateList) {
  const { analysis } = useSessionState();
  // Candidates asked for beyond the views' first few, for the analysis they came from (a newer one starts again).
  const [extra, setExtra] = useState<{ of: Analysis | null; items: CandidateView[] }>({ of: null, items: [] });
  const more = extra.of === analysis ? extra.items : [];
  const items = more.length ? [...n[list], ...more] : n[list];
  const showMore = () => {
    if (!analysis) return;
    analysis.candidates(n.id, list, items.length, MORE).then(
      (next) => setExtra({ of: analysis, items: [...more, ...next] }),
      () => undefined, // an analysis let go of meanwhile: the next one is shown soon
    );
  };
  return { items, total: n.counts[list], showMore, showLess: more.length ? () => setExtra({ of: null, items: [] }) : null };
}

export function CandidateItems({ n, list, label }: { n: NominationView; list: CandidateList; label?: string }) {
  const st = useStepStyles();
  const t = useStrings();
  const { items, total, showMore, showLess } = useCandidates(n, list);
  const Tag = list === 'excluded' ? 'ul' : 'ol';
  return (
    <>
      <Tag className={st.list} aria-label={label}>
        {items.map((c, i) => (
          <Candidate key={c.key} c={c} rank={list === 'excluded' ? '–' : `${i + 1}.`} award={n.award} group={n.group} state={list} />
        ))}
      </Tag>
      {(total > items.length || showLess) && (
        <div className={st.row}>
          {total > items.length && (
            <Link as="button" onClick={showMore}>
              {t.showMore(Math.min(MORE, total - items.length))}
            </Link>
          )}
          {showLess && (
            <Link as="button" onClick={showLess}>
              {t.showLess}
            </Link>
          )}
        </div>
      )}
    </>
  );
}
