/**
 * The development manifest points at https://localhost:3000; a production build replaces every
 * occurrence with the address the add-in is served from (env ADDIN_URL). Used by webpack.config.js
 * and by test/manifest.test.ts.
 */
const DEV_URL = 'https://localhost:3000';

/** Normalises and checks an add-in address: https only, no trailing slash, nothing XML would need escaped. */
function normaliseAddinUrl(url) {
  const u = String(url).trim().replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"'<>&]+$/.test(u)) {
    throw new Error(`ADDIN_URL must be an https:// address without spaces, quotes, < > or & (got "${url}")`);
  }
  return u;
}

/** `xml` with every https://localhost:3000 replaced by `addinUrl` (unchanged when addinUrl is empty or the dev address). */
function transformManifest(xml, addinUrl) {
  if (!addinUrl || addinUrl === DEV_URL) return xml;
  const target = normaliseAddinUrl(addinUrl);
  return xml.split(DEV_URL).join(target);
}

module.exports = { DEV_URL, normaliseAddinUrl, transformManifest };
