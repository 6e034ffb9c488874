// Writes parsed population observations into the `population-figures` collection: an upsert on
// each figure's natural key (source, commune, date, group), all in one transaction, so importing
// the same file twice changes nothing and a failure leaves the data as it was.
import path from 'node:path'
import { createLocalReq, type Payload } from 'payload'
import { isRegisterFile, parseRegisterCsv } from '../domain/register'
import {
  observationKey,
  parseStatecFile,
  type ParseResult,
  type PopulationObservation,
  type PortalCommune,
  StatecFormatError,
} from '../domain/statec'

export interface ImportCounts {
  created: number
  updated: number
  unchanged: number
}

/** The communes as the parsers need them (STATEC code, validity, successor). */
export async function portalCommunes(payload: Payload): Promise<PortalCommune[]> {
  const { docs } = await payload.find({
    collection: 'communes',
    depth: 1,
    limit: 0,
    pagination: false,
    select: { slug: true, code: true, validFrom: true, validTo: true, successor: true },
  })
  return docs.map((doc) => ({
    slug: String(doc.slug),
    statecCode: doc.code ?? null,
    validFrom: doc.validFrom ?? null,
    validTo: doc.validTo ?? null,
    successor:
      doc.successor && typeof doc.successor === 'object' ? String(doc.successor.slug) : null,
  }))
}

export async function importObservations(
  payload: Payload,
  observations: readonly PopulationObservation[],
  options: { dryRun?: boolean } = {},
): Promise<ImportCounts> {
  const { docs: communes } = await payload.find({
    collection: 'communes',
    depth: 0,
    limit: 0,
    pagination: false,
    select: { slug: true },
  })
  const communeIds = new Map(communes.map((doc) => [String(doc.slug), doc.id]))
  const { docs: existing } = await payload.find({
    collection: 'population-figures',
    depth: 0,
    limit: 0,
    pagination: false,
    select: { key: true, count: true, sourceLabel: true, sourceFile: true },
  })
  const byKey = new Map(existing.map((doc) => [doc.key, doc]))
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 }
  const req = await createLocalReq({}, payload)
  const transaction = options.dryRun ? null : await payload.db.beginTransaction()
  if (transaction) req.transactionID = transaction
  try {
    for (const observation of observations) {
      const key = observationKey(observation)
      const data = {
        key,
        area: observation.area,
        commune: observation.commune ? (communeIds.get(observation.commune) ?? null) : null,
        communeCode: observation.communeCode,
        period: observation.period,
        referenceDate: observation.referenceDate,
        group: observation.group,
        count: observation.count,
        sourceDataset: observation.source.dataset,
        sourceLabel: observation.source.label,
        sourceFile: observation.source.file ?? null,
      }
      const current = byKey.get(key)
      if (!current) {
        counts.created += 1
        if (!options.dryRun)
          await payload.create({ collection: 'population-figures', data: data as never, req })
      } else if (
        current.count !== data.count ||
        current.sourceLabel !== data.sourceLabel ||
        (current.sourceFile ?? null) !== data.sourceFile
      ) {
        counts.updated += 1
        if (!options.dryRun)
          await payload.update({
            collection: 'population-figures',
            id: current.id,
            data: data as never,
            req,
          })
      } else counts.unchanged += 1
    }
    if (transaction) await payload.db.commitTransaction(transaction)
  } catch (error) {
    if (transaction) await payload.db.rollbackTransaction(transaction)
    throw error
  }
  return counts
}

/**
 * Any of the files the importer reads: STATEC's SDMX-CSV, the simple CSV, the census file, or
 * the national register's nationalities file (its year from `year` or the file name).
 */
export function parsePopulationFile(
  input: Uint8Array,
  options: { communes: readonly PortalCommune[]; file: string; year?: string | undefined },
): ParseResult {
  // Only to tell the formats apart; the parser checks the encoding of the whole file.
  const firstLine = Buffer.from(input.subarray(0, 4096)).toString('utf8').split(/\r?\n/)[0] ?? ''
  const header = firstLine
    .replace(/^\uFEFF/, '')
    .split(/[,;]/)
    .map((name) => name.trim())
  if (isRegisterFile(header)) {
    const year = options.year ?? /(?:19|20)\d\d/.exec(path.basename(options.file))?.[0]
    if (!year)
      throw new StatecFormatError(
        `${options.file} is the national register's file but its year is unknown: name it in the file name or pass --year 2025.`,
      )
    return parseRegisterCsv(input, { communes: options.communes, file: options.file, year })
  }
  return parseStatecFile(input, { communes: options.communes, file: options.file })
}
