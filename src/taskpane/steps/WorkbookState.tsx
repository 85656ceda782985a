/** What the pane shows before a workbook is read: opening, reading, why it could not, or that it must be read again. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSession, useSessionState, useStrings } from '../context';
import { useStepStyles } from '../styles';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '12px', paddingTop: '8px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function WorkbookState() {
  const s = useStyles();
  const st = useStepStyles();
  const t = useStrings();
  const session = useSession();
  const { status, busy } = useSessionState();
  // The status area above shows the progress bar; here only what is happening.
  if (status === 'loading' || (status === 'idle' && busy)) return <Text className={s.muted}>{t.starting}</Text>;
  if (status === 'stale')
    return (
      <div className={s.box}>
        <h2 className={st.heading}>{t.staleTitle}</h2>
        <Text>{t.stale}</Text>
        <Button appearance="primary" disabled={!!busy} onClick={() => void session.refresh()}>
          {t.readAgain}
        </Button>
      </div>
    );
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
