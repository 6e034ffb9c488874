// Compression of the site's text files. Brotli at quality 5 and gzip at 6: on the portal's pages
// quality 6 and level 9 made files no smaller and cost 40 % more time. The server compresses a
// page or file when first asked for and keeps the copy (scripts/lib/livePages.ts,
// scripts/lib/siteServer.ts); the static export writes .br and .gz copies of its text files but
// the pages for file hosts and CDNs that send them.
import { readdirSync, statSync } from 'node:fs'
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

/** Writes .br and .gz copies of the text files of `dir` worth it (not the pages); returns how many. */
export async function precompress(dir: string): Promise<number> {
  const files = candidates(dir)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!
      await compressFile(file, await readFile(file))
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return files.length
}
