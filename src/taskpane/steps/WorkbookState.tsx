/** What the pane shows before a workbook is read: opening, reading, or why it could not. */
import { Button, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { useSession, useSessionState, useStrings } from '../context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '12px', paddingTop: '8px' },
});

export function WorkbookState() {
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { status, busy } = useSessionState();
  if (status === 'loading' || (status === 'idle' && busy)) return <Spinner size="small" label={t.starting} labelPosition="after" />;
  if (status === 'failed')
    return (
      <div className={s.box}>
        <Text>{t.loadFailed}</Text>
        <Button appearance="primary" disabled={!!busy} onClick={() => void session.load()}>
          {t.retry}
        </Button>
      </div>
    );
  return (
    <div className={s.box}>
      <Text>{t.notLoaded}</Text>
      <Button appearance="primary" disabled={!!busy} onClick={() => void session.load()}>
        {t.readWorkbook}
      </Button>
    </div>
  );
}
