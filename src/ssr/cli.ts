#!/usr/bin/env node
/// <reference types="node" />
// Server-side rendering from the command line, for static sites and publishing hooks:
//
//   npm run ssr -- input.html > output.html          (or: npx lede-ssr input.html > output.html)
//   npm run ssr -- --lang fr fragment.html > out.html
//   cat input.html | npx lede-ssr - > output.html
//   npx lede-ssr --style-hashes output.html          the CSP 'sha256-…' sources of its shadow roots' styles
//
// Needs @lit-labs/ssr (and, in this repository, a build: npm run build). Errors go to stderr with exit code 1;
// nothing is written then.
import { fstatSync, ftruncateSync, readFileSync, writeSync } from 'node:fs';

const USAGE = 'usage: lede-ssr [--lang <tag>] [--style-hashes] [input.html | -] > output.html';

interface Options {
  lang?: string;
  hashes: boolean;
  input?: string;
}

function options(args: string[]): Options {
  const found: Options = { hashes: false };
  let langGiven = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--lang') {
      langGiven = true;
      index += 1;
      found.lang = args[index];
    } else if (arg.startsWith('--lang=')) {
      langGiven = true;
      found.lang = arg.slice('--lang='.length);
    } else if (arg === '--style-hashes') found.hashes = true;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--') || found.input !== undefined)
      throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    else found.input = arg;
  }
  if (langGiven && !found.lang) throw new Error(`--lang needs a language tag\n${USAGE}`);
  return found;
}

/**
 * `npm run` writes its banner ("> lede@0.1.0 ssr …") to standard output before this program starts, so with
 * `npm run ssr -- in.html > out.html` the file would begin with it. When standard output is a file holding exactly
 * that banner and nothing else, it is emptied first. Anything else (a pipe, a file appended to) is left alone.
 */
function write(text: string): void {
  const env = process.env;
  const out = Buffer.from(text);
  try {
    if (env.npm_lifecycle_event === 'ssr' && env.npm_lifecycle_script && fstatSync(1).isFile()) {
      const args = process.argv.slice(2);
      const banner = `\n> ${env.npm_package_name}@${env.npm_package_version} ssr\n> ${env.npm_lifecycle_script.trim()}${args.length ? ` ${args.join(' ')}` : ''}\n\n`;
      if (fstatSync(1).size === Buffer.byteLength(banner)) {
        ftruncateSync(1, 0);
        writeSync(1, out, 0, out.length, 0);
        return;
      }
    }
  } catch {
    // Not a regular file after all: write as usual.
  }
  for (let done = 0; done < out.length;) done += writeSync(1, out, done);
}

try {
  const { lang, hashes, input } = options(process.argv.slice(2));
  const markup = readFileSync(input === undefined || input === '-' ? 0 : input, 'utf8');
  // Loaded after the arguments are read: a usage error needs no @lit-labs/ssr.
  const { renderToString, styleHashes } = await import('./index.js');
  write(hashes ? styleHashes(markup).join('\n') + '\n' : renderToString(markup, { lang }));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`lede ssr: ${message.replace(/^lede-elements\/ssr: /, '')}\n`);
  process.exitCode = 1;
}
