// Precompression of a release: .br and .gz next to each text file, so the server sends bytes as
// they are instead of compressing every response. Brotli at quality 5 and gzip at 6: on the
// portal's pages quality 6 and level 9 made files no smaller (16.8 % and 19.2 % of the original
// against 16.8 % and 19.3 %) and cost 40 % more time. A file whose bytes are the same as in the
// live release reuses that release's compressed copies (hard links): after a small change most
// of a release is unchanged.
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
/**
 * Smaller files gain at most a kilobyte or two, not worth a copy each: the 50,000 add-to-calendar
 * files of a 10,000-event region (1.5 KiB each) were half of the compression work.
 */
const MIN_BYTES = 2048
/** zlib works in libuv's thread pool (4 threads): a few files in flight keep it busy. */
const PARALLEL = 8

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

const worthCompressing = (file: string) =>
  COMPRESSIBLE.has(path.extname(file)) && statSync(file).size >= MIN_BYTES

function candidates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
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

async function compressFile(file: string, bytes: Buffer) {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: 6 }),
  ])
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
 * Compresses every text file of `dir`; with `previousDir` (the live release), files that did not
 * change take its compressed copies instead.
 */
export async function precompress(
  dir: string,
  previousDir?: string | null,
): Promise<Precompressed> {
  return precompressFiles(candidates(dir), dir, previousDir)
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
