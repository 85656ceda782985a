/** The colours of the criteria highlighted now, and «Xóa tô màu». */
import { Button, Text, makeStyles } from '@fluentui/react-components';
import { useSession, useSessionState, useStrings } from '../../context';
import { EraserRegular } from '../../icons';
import { Swatch } from '../../parts/VerdictIcon';
import { useStepStyles } from '../../styles';

const useStyles = makeStyles({
  legendItem: { display: 'flex', gap: '6px', alignItems: 'center' },
});

export function Legend() {
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

