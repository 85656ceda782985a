/**
 * `npm run preview`: the task pane as it looks in Excel, beside a read-only grid of the workbook
 * it works on (the in-memory Excel fake, loaded from an .xlsx in the browser). Nothing is uploaded:
 * the file never leaves the page.
 */
import { Button, Caption1, Spinner, Text, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { App } from '../taskpane/App';
import { SheetGrid } from './SheetGrid';
import type { PreviewWorkbook } from './load';

const useStyles = makeStyles({
  root: { display: 'flex', height: '100vh', backgroundColor: '#e8e8e8' },
  excel: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  ribbon: { display: 'flex', alignItems: 'center', gap: '12px', padding: '6px 12px', backgroundColor: '#107c41', color: '#ffffff' },
  ribbonTitle: { color: '#ffffff', fontWeight: tokens.fontWeightSemibold },
  ribbonNote: { color: '#e6f4ea' },
  tabs: { display: 'flex', gap: '2px', padding: '0 8px', backgroundColor: '#f3f3f3', borderTop: '1px solid #d4d4d4', overflowX: 'auto', flexShrink: 0 },
  sheetTab: { border: 'none', background: 'transparent', padding: '6px 12px', cursor: 'pointer', fontSize: '13px', whiteSpace: 'nowrap', color: '#333', borderBottom: '2px solid transparent' },
  sheetTabActive: { backgroundColor: '#ffffff', color: '#107c41', fontWeight: 600, borderBottom: '2px solid #107c41' },
  pane: { width: '340px', flexShrink: 0, borderLeft: '1px solid #c8c8c8', backgroundColor: '#ffffff', display: 'flex', flexDirection: 'column', minHeight: 0 },
  paneTitle: { padding: '6px 12px', borderBottom: '1px solid #e1e1e1', fontSize: '12px', color: '#616161', flexShrink: 0 },
  paneBody: { flexGrow: 1, minHeight: 0, overflow: 'hidden' },
  file: { display: 'none' },
  loading: { margin: 'auto' },
});

export function PreviewApp({ initial, open }: { initial: PreviewWorkbook | null; open: (name: string, bytes: ArrayBuffer) => Promise<PreviewWorkbook> }) {
  const s = useStyles();
  const [wb, setWb] = useState<PreviewWorkbook | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const version = useSyncExternalStore(
    (cb) => (wb ? wb.onChange(cb) : () => undefined),
    () => (wb ? `${wb.fake.stats.runs}:${wb.fake.selection()?.address ?? ''}:${wb.fake.activeSheet() ?? ''}` : ''),
  );
  const active = wb?.fake.activeSheet() ?? null;
  useEffect(() => setWb(initial), [initial]);
  if (!wb) return <Spinner className={s.loading} label="Đang mở bảng tính mẫu…" />;
  const sheets = wb.fake.workbook.sheetNames().filter((n) => wb.fake.workbook.sheet(n).visibility === 'Visible');
  const shown = active && sheets.includes(active) ? active : sheets[0]!;
  return (
    <div className={s.root}>
      <div className={s.excel}>
        <div className={s.ribbon}>
          <Text className={s.ribbonTitle}>{wb.name}</Text>
          <Caption1 className={s.ribbonNote}>Bản xem trước — dữ liệu chỉ ở trong trang này</Caption1>
          <Button size="small" onClick={() => file.current?.click()}>
            Mở tệp .xlsx khác…
          </Button>
          <input
            ref={file}
            type="file"
            accept=".xlsx"
            className={s.file}
            aria-label="Chọn tệp .xlsx"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              try {
                setError(null);
                wb.session.dispose();
                setWb(await open(f.name, await f.arrayBuffer()));
              } catch (err) {
                setError(String(err));
              }
            }}
          />
          {error && <Caption1 className={s.ribbonNote}>{error}</Caption1>}
        </div>
        <SheetGrid key={`${wb.id}|${shown}`} fake={wb.fake} sheet={shown} version={Number(version.split(':')[0]) || 0} />
        <div className={s.tabs} role="tablist" aria-label="Trang tính">
          {sheets.map((name) => (
            <button
              key={name}
              role="tab"
              aria-selected={name === shown}
              className={mergeClasses(s.sheetTab, name === shown ? s.sheetTabActive : '')}
              onClick={() => void wb.fake.userSelect(name, 'A1')}
            >
              {name}
            </button>
          ))}
        </div>
      </div>
      <div className={s.pane} data-testid="pane">
        <div className={s.paneTitle}>Bình xét</div>
        <div className={s.paneBody}>
          <App key={wb.id} session={wb.session} />
        </div>
      </div>
    </div>
  );
}
