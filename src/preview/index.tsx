/** Entry of the browser preview (`npm run preview`, http://localhost:3001). */
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';
import { fetchSample, openWorkbook, type PreviewWorkbook } from './load';

declare global {
  interface Window {
    __binhxet?: { ready: boolean; error: string | null; current: PreviewWorkbook | null; fake: PreviewWorkbook['fake'] | null; session: PreviewWorkbook['session'] | null };
  }
}

// Segoe UI is Office's font; where it is missing (Linux) use a font of the same width, not a wide one.
const theme: Theme = { ...webLightTheme, fontFamilyBase: webLightTheme.fontFamilyBase.replace(/sans-serif\s*$/, "Arial, 'Liberation Sans', sans-serif") };

const expose = (wb: PreviewWorkbook | null, error: string | null = null) => {
  window.__binhxet = { ready: wb !== null, error, current: wb, fake: wb?.fake ?? null, session: wb?.session ?? null };
};

async function open(name: string, bytes: ArrayBuffer): Promise<PreviewWorkbook> {
  expose(null);
  const wb = await openWorkbook(name, bytes);
  expose(wb);
  return wb;
}

async function main() {
  const root = createRoot(document.getElementById('root')!);
  const render = (wb: PreviewWorkbook | null) =>
    root.render(
      <FluentProvider theme={theme} style={{ height: '100%' }}>
        <PreviewApp initial={wb} open={open} />
      </FluentProvider>,
    );
  expose(null);
  render(null);
  const sample = new URLSearchParams(location.search).get('file') ?? 'sample-lai-chau.xlsx';
  try {
    render(await open(sample, await fetchSample(sample)));
  } catch (e) {
    expose(null, String(e));
    document.getElementById('root')!.textContent = `Không mở được ${sample}: ${String(e)}`;
  }
}

void main();
