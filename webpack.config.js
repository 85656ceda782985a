/**
 * Builds the task pane and the ribbon's function file into dist/.
 *   npm run build                                   → dist/ for https://localhost:3000
 *   ADDIN_URL=https://addin.example.org npm run build → manifest pointing at that address
 *   npm start                                       → dev server on https://localhost:3000
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_URL, normaliseAddinUrl, transformManifest } = require('./webpack/manifest-transform');

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/**
 * Content-Security-Policy of both pages. Fluent UI (Griffel) injects <style> elements, hence 'unsafe-inline' styles.
 * worker-src is explicit: without it workers fall back to script-src, which also allows the Office CDN;
 * the engine's worker (src/taskpane/engine/worker.ts) comes from the add-in's own origin only.
 */
function contentSecurityPolicy(dev) {
  const connect = dev ? "'self' ws://localhost:3000 wss://localhost:3000" : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function swcRule(test, target) {
  return {
    test,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target,
        },
      },
    },
  };
}

/** HTTPS options from office-addin-dev-certs' files, or null (then http, with a warning). */
function devHttpsOptions() {
  const files = { cert: 'localhost.crt', key: 'localhost.key', ca: 'ca.crt' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(CERT_DIR, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return null;
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
}

/**
 * `npm run preview` (webpack serve --env preview): the pane beside a read-only grid of an .xlsx
 * loaded into the in-memory Excel fake, on http://localhost:3001. No Office, no certificates, and a
 * CSP that lets nothing leave the page's own origin.
 */
function previewConfig(env, argv) {
  const dev = argv.mode !== 'production';
  const port = Number(env.port || process.env.PREVIEW_PORT || 3001);
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'preview',
    mode: dev ? 'development' : 'production',
    target: ['web', 'es2020'],
    entry: { preview: './src/preview/index.tsx' },
    output: { path: path.resolve(__dirname, env.outDir || 'dist/preview'), filename: '[name].js', chunkFilename: '[name].chunk.js', clean: true },
    devtool: dev ? 'cheap-module-source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: { rules: [swcRule(/\.tsx?$/, 'es2020')] },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html', chunks: ['preview'], csp }),
      new CopyWebpackPlugin({ patterns: [{ from: 'examples/sample-lai-chau.xlsx', to: 'sample-lai-chau.xlsx' }] }),
    ],
    performance: { hints: false },
    devServer: { port, host: 'localhost', server: 'http', hot: false, liveReload: false, static: false, client: { overlay: { errors: true, warnings: false } } },
  };
}

module.exports = (env = {}, argv = {}) => {
  if (env.preview) return previewConfig(env, argv);
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = process.env.ADDIN_URL ? normaliseAddinUrl(process.env.ADDIN_URL) : DEV_URL;
  const https = serving ? devHttpsOptions() : null;
  if (serving && !https) {
    console.warn(
      `\n[binh-xet] No development certificates in ${CERT_DIR}: serving over plain http://localhost:3000.\n` +
        '[binh-xet] Office loads add-ins only over https. Run `npx office-addin-dev-certs install` once, then `npm start` again.\n',
    );
  }
  const csp = contentSecurityPolicy(dev);

  return {
    mode: dev ? 'development' : 'production',
    // ES5 runtime: the first script must parse in the Internet Explorer web view of old Office
    // (src/taskpane/index.tsx shows a plain "too old" message there).
    target: ['web', 'es5'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    // Never eval-based: the pages' CSP has no 'unsafe-eval'.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        // Entry code that runs before the host check: ES5.
        swcRule(/src[\\/](taskpane[\\/]index\.tsx|commands[\\/]commands\.ts|workbook[\\/]excel[\\/]host\.ts)$/, 'es5'),
        { ...swcRule(/\.tsx?$/, 'es2020'), exclude: [/node_modules/, /src[\\/](taskpane[\\/]index\.tsx|commands[\\/]commands\.ts|workbook[\\/]excel[\\/]host\.ts)$/] },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], csp }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], csp }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => transformManifest(content.toString('utf8'), addinUrl) },
        ],
      }),
    ],
    performance: { hints: dev ? false : 'warning', maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    devServer: {
      port: 3000,
      host: 'localhost',
      server: https ? { type: 'https', options: https } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: true,
      static: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
