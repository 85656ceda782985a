/** Long work (progress + Cancel), errors (what happened, what to do) and short notices. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useBusy, useSession, useSessionState, useStrings } from '../context';
import { DismissRegular } from '../icons';
import type { Notice } from '../session';
import type { Strings } from '../strings';
import { inLanguage } from './error-text';

const useStyles = makeStyles({
  area: { flexShrink: 0, display: 'flex', flexDirection: 'column', gap: '8px', padding: '0 12px' },
  busy: { display: 'flex', flexDirection: 'column', gap: '4px', paddingTop: '8px' },
  busyRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', minHeight: '24px' },
  busyText: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

function noticeText(n: Notice, t: Strings): string {
  switch (n.type) {
    case 'cancelled': return t.cancelled;
    case 'selected': return t.selected(n.sheet, n.selected, n.total, n.otherSheets);
    case 'nothingToSelect': return t.nothingToSelect;
    case 'selectionUnsupported': return t.selectionUnsupported;
    case 'written': return t.written(n.what, n.sheets);
    case 'highlighted': return t.highlighted(n.criterion, n.rows);
    case 'nothingToHighlight': return t.nothingToHighlight(n.criterion);
    case 'highlightsCleared': return t.highlightsCleared;
    case 'decisionSaved': return t.decisionSaved(n.kind, n.sheet);
    case 'reviewChanged': return t.reviewChanged;
    case 'settingsNotSaved': return t.settingsNotSaved(n.message);
    case 'settingsNotRead': return t.settingsNotRead(n.message);
  }
}

const INTENT: Record<Notice['type'], 'success' | 'info' | 'warning'> = {
  cancelled: 'info', selected: 'info', nothingToSelect: 'warning', selectionUnsupported: 'warning', written: 'success', highlighted: 'success',
  nothingToHighlight: 'warning', highlightsCleared: 'success', decisionSaved: 'success', reviewChanged: 'warning', settingsNotSaved: 'warning', settingsNotRead: 'warning',
};

export function StatusArea() {
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { error, notice, lang } = useSessionState();
  const busy = useBusy();
  const retryable = error && (error.action === 'load' || error.action === 'reread');
  return (
    <section className={s.area} aria-label={t.statusLabel}>
      {busy && (
        <div className={s.busy} role="status" aria-live="polite">
          <ProgressBar
            thickness="medium"
            value={busy.done !== null && busy.total ? Math.min(1, busy.done / busy.total) : undefined}
            aria-label={t.busy(busy.step, busy.detail, busy.done, busy.total)}
          />
          <div className={s.busyRow}>
            <Text size={200} className={s.busyText}>
              {t.busy(busy.step, busy.detail, busy.done, busy.total)}
            </Text>
            {busy.cancellable && (
              <Button size="small" onClick={() => session.cancel()}>
                {t.cancel}
              </Button>
            )}
          </div>
        </div>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody className={s.message}>
            <MessageBarTitle>{t.errorTitle(error.action)}</MessageBarTitle>
            {error.code === 'unexpected' ? `${t.unexpected} ${error.message}` : `${inLanguage(error.message, lang)} ${t.errorAdvice(error.code)}`.trim()}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={() => session.dismissError()} />}>
            {retryable && <Button onClick={() => void session.refresh()}>{t.retry}</Button>}
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && !busy && (
        <MessageBar intent={INTENT[notice.type]} layout="multiline">
          <MessageBarBody className={s.message}>{noticeText(notice, t)}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={() => session.dismissNotice()} />} />
        </MessageBar>
      )}
    </section>
  );
}
