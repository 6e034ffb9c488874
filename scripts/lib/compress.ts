// Compression of the site's text files. Brotli at quality 5 and gzip at 6: on the portal's pages
// quality 6 and level 9 made files no smaller (16.8 % and 19.2 % of the original against 16.8 %
// and 19.3 %) and cost 40 % more time.
//
// The build precompresses every text file but the HTML pages: .br and .gz next to each, so the
// server sends the feeds (up to megabytes), scripts, styles and the search index's entry as they
// are. The pages are compressed by the server when first asked for, and kept in memory
// (scripts/lib/staticSite.ts): a page takes well under a millisecond, while compressing all
// 58,000 pages of a 10,000-event region took a minute of every full build, and their 116,000
// copies were most of the files an incremental build links. A file whose bytes are the same as in
// the live release reuses that release's compressed copies (hard links).
import { copyFileSync, existsSync, linkSync, readdirSync, rmSync, statSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.ics',
])
/** The text files the build compresses (see above): all but the pages. */
export const PRECOMPRESSED = new Set([...COMPRESSIBLE].filter((extension) => extension !== '.html'))

/**
 * Smaller files gain at most a kilobyte or two, not worth a copy each: the 50,000 add-to-calendar
 * files of a 10,000-event region (1.5 KiB each) were half of the compression work. The server
 * sends them as they are too.
 */
export const MIN_BYTES = 2048
/** zlib works in libuv's thread pool (4 threads): a few files in flight keep it busy. */
const PARALLEL = 8

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

const worthCompressing = (file: string) =>
  PRECOMPRESSED.has(path.extname(file)) && statSync(file).size >= MIN_BYTES

function candidates(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    // Dot files are never served (only /.well-known/ is): the build's own records and folders.
    if (skip.has(entry.name) || (entry.name.startsWith('.') && entry.name !== '.well-known')) {
      return []
    }
    if (entry.isDirectory()) return candidates(full)
    return worthCompressing(full) ? [full] : []
  })
}

/**
 * Hard link (same disk, no copy) or copy when the file system refuses links. An existing file is
 * unlinked first, never written into: it may be a link to a file of the live release.
 */
function linkOrCopy(from: string, to: string) {
  rmSync(to, { force: true })
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/** True when `previous` has the same bytes and both compressed copies; they are then reused. */
async function reused(file: string, bytes: Buffer, previous: string): Promise<boolean> {
  if (!existsSync(`${previous}.br`) || !existsSync(`${previous}.gz`)) return false
  if (statSync(previous).size !== bytes.length) return false
  if (!bytes.equals(await readFile(previous))) return false
  linkOrCopy(`${previous}.br`, `${file}.br`)
  linkOrCopy(`${previous}.gz`, `${file}.gz`)
  return true
}

/** The content codings the site serves precompressed or compresses on request. */
export type Coding = 'br' | 'gzip'

/** The bytes in one content coding, in libuv's thread pool. */
export function compressBytes(bytes: Buffer, coding: Coding): Promise<Buffer> {
  return coding === 'br'
    ? brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      })
    : gzipAsync(bytes, { level: 6 })
}

async function compressFile(file: string, bytes: Buffer) {
  const [br, gz] = await Promise.all([compressBytes(bytes, 'br'), compressBytes(bytes, 'gzip')])
  await Promise.all([replaceFile(`${file}.br`, br), replaceFile(`${file}.gz`, gz)])
}

/** Writes a new file and renames it over the old one (which may be linked from another release). */
async function replaceFile(file: string, bytes: Buffer) {
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, bytes)
  await rename(temporary, file)
}

export interface Precompressed {
  files: number
  /** Files whose compressed copies came from the previous release. */
  reused: number
}

/**
 * Compresses the text files of `dir` (all but pages) but those under the top-level names in
 * `skip`; with `previousDir` (the live release), files that did not change take its compressed
 * copies instead.
 */
export async function precompress(
  dir: string,
  previousDir?: string | null,
  skip: readonly string[] = [],
): Promise<Precompressed> {
  return precompressFiles(candidates(dir, new Set(skip)), dir, previousDir)
}

/** Compresses these files of the release `dir` (those worth it), as precompress does. */
export async function precompressFiles(
  list: readonly string[],
  dir: string,
  previousDir?: string | null,
): Promise<Precompressed> {
  const files = list.filter(worthCompressing)
  let next = 0
  let reusedCount = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!
      const bytes = await readFile(file)
      const previous = previousDir ? path.join(previousDir, path.relative(dir, file)) : null
      if (previous && (await reused(file, bytes, previous))) reusedCount += 1
      else await compressFile(file, bytes)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return { files: files.length, reused: reusedCount }
}
