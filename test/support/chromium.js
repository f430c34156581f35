// The Chromium every browser run uses (web-test-runner, the story runner, the benchmarks): CHROME_PATH, else
// Debian's, with the same flags. Nothing is downloaded.
import { existsSync } from 'node:fs';

export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser's path; exits at once with how to install one when there is none. */
export function chromium() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.error(
    `No Chromium at ${path}. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium binary.`,
  );
  process.exit(1);
}
