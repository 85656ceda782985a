/** Previous / next page buttons for a list the engine hands out a page at a time. */
import { Button, makeStyles } from '@fluentui/react-components';
import { useStrings } from '../context';
import { ChevronLeftRegular, ChevronRightRegular } from '../icons';

const useStyles = makeStyles({
  pager: { display: 'flex', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
});

export function Pager({ offset, total, limit, onPage }: { offset: number; total: number; limit: number; onPage: (offset: number) => void }) {
  const s = useStyles();
  const t = useStrings();
  if (total <= limit) return null;
  return (
    <nav className={s.pager} aria-label={t.pagesLabel}>
      <Button size="small" icon={<ChevronLeftRegular />} disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t.previousPage}
      </Button>
      <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        {t.nextPage}
      </Button>
    </nav>
  );
}
