/**
 * exceljs stays out of what ships: the add-in and the command read and write .xlsx with their own
 * code (src/workbook/xlsx/). exceljs is a dev dependency, for tests, fixtures, the benchmark and
 * the preview (`npm run preview`, a developer tool).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('runtime dependencies', () => {
  it('no source outside src/preview/ imports exceljs (deep imports and type declarations included)', () => {
    const importing = sourceFiles(join(root, 'src'))
      .filter((f) => /(from\s+|import\s*\(\s*|require\s*\(\s*|declare\s+module\s+)['"]exceljs(\/|['"])/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).replace(/\\/g, '/'));
    expect(importing).toContain('src/preview/load.ts'); // the check does see an import
    expect(importing.filter((f) => !f.startsWith('src/preview/'))).toEqual([]);
  });

  it('only react, react-dom and Fluent UI are dependencies; exceljs is a dev dependency', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@fluentui/react-components', 'react', 'react-dom']);
    expect(pkg.devDependencies.exceljs).toBeDefined();
  });

  it('the command runs on the sample workbook without loading any package', () => {
    const script = `
      const { main } = require('./src/cli/main');
      console.log = () => {};
      main(['run', 'examples/sample-lai-chau.xlsx', '--report', require('node:path').join(require('node:os').tmpdir(), 'binhxet-deps-report.json')]).then((code) => {
        const packages = Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => k.split(/node_modules[\\\\/]/).pop().split(/[\\\\/]/)[0]);
        process.stdout.write(JSON.stringify({ code, packages: [...new Set(packages)].sort() }));
      });`;
    const { code, packages } = JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' })) as { code: number; packages: string[] };
    // tsx and what it brings only run the TypeScript here
    const runner = ['tsx', 'esbuild', '@esbuild', 'get-tsconfig', 'resolve-pkg-maps'];
    expect({ code, packages: packages.filter((p) => !runner.includes(p)) }).toEqual({ code: 0, packages: [] });
  });
});
