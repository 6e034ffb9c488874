// Precompression of a release: .br and .gz next to each text file, so the server sends bytes as
// they are instead of compressing every response. Brotli at quality 6 (quality 11 costs ~30 ms
// a page, too slow for 60,000 pages on two cores); gzip at 9.
import { createReadStream, createWriteStream, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { constants, createBrotliCompress, createGzip } from 'node:zlib'

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
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 1024
const PARALLEL = 8

function candidates(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    const stats = statSync(full)
    if (stats.isDirectory()) return candidates(full)
    return COMPRESSIBLE.has(path.extname(entry)) && stats.size >= MIN_BYTES ? [full] : []
  })
}

async function compressFile(file: string) {
  await pipeline(
    createReadStream(file),
    createBrotliCompress({
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_SIZE_HINT]: statSync(file).size,
      },
    }),
    createWriteStream(`${file}.br`),
  )
  await pipeline(createReadStream(file), createGzip({ level: 9 }), createWriteStream(`${file}.gz`))
}

/** Compresses every text file of `dir`; returns how many. */
export async function precompress(dir: string): Promise<number> {
  const files = candidates(dir)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!
      await compressFile(file)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return files.length
}
