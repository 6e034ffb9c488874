// Translation work for editors, with the rights of the signed-in user:
//   GET  /api/translations/next?lang=pt[&limit=20]      what to translate next into a language
//   GET  /api/translations/:collection/:id?lang=pt[&format=xliff|csv]   the texts to translate
//   POST /api/translations/:collection/:id[?dryRun=1][&acceptChanged=1][&publish=1]
//        a translated file back: a dry run lists every change and warning; units whose source
//        changed since export are left out unless acceptChanged (then kept marked outdated).
//        Versioned documents get a draft unless publish=1.
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { isLocaleCode, localeDefinition, type LocaleCode } from '../../locales/config'
import { CsvEncodingError, decodeUtf8 } from '../domain/csv'
import { translateNext } from '../dashboard/overview'
import type { TranslationContext } from '../fields/translationStatus'
import { readBoundedBody } from '../http/body'
import {
  exportFile,
  planImport,
  readTranslationFile,
  toTranslationCsv,
  toXliff,
  TranslationFileError,
} from '../translations/exchange'

type Doc = Record<string, unknown> & { id: string | number }

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const problem = (status: number, error: string) => json({ error }, status)

const flag = (query: URLSearchParams, name: string) =>
  query.get(name) === '1' || query.get(name) === 'true'

/** The translatable collection named in the path, or an answer saying why not. */
function collectionOf(req: PayloadRequest) {
  const slug = String(req.routeParams?.collection ?? '')
  const collection = req.payload.collections[slug as CollectionSlug]?.config
  if (!collection?.custom?.translatable) return null
  return collection
}

async function readDocument(req: PayloadRequest, slug: CollectionSlug, locale: LocaleCode | 'all') {
  return (await req.payload.findByID({
    collection: slug,
    id: String(req.routeParams?.id ?? ''),
    locale,
    fallbackLocale: false,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
  })) as Doc | null
}

function titleOf(doc: Doc, useAsTitle: string | undefined, source: LocaleCode): string {
  const value = doc[useAsTitle ?? 'title'] as unknown
  if (value && typeof value === 'object') {
    const texts = value as Record<string, unknown>
    return String(texts[source] ?? Object.values(texts).find(Boolean) ?? doc.id)
  }
  return String(value ?? doc.id)
}

const languageOf = (query: URLSearchParams): LocaleCode | null => {
  const lang = query.get('lang')
  return isLocaleCode(lang) ? lang : null
}

const notFound = () =>
  problem(404, 'No such document, or you may not read it. Check the address and your rights.')
const badLanguage = () => problem(400, 'Name the target language: lang=lb, fr, de, pt or en.')

export const translationEndpoints: Endpoint[] = [
  {
    path: '/translations/next',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return problem(401, 'Sign in to the admin first.')
      const query = new URL(req.url ?? 'http://localhost/').searchParams
      const language = languageOf(query)
      if (!language) return badLanguage()
      const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 20) || 20))
      return json(await translateNext(req.payload, req.user, language, limit))
    },
  },
  {
    path: '/translations/:collection/:id',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return problem(401, 'Sign in to the admin first.')
      const collection = collectionOf(req)
      if (!collection) return notFound()
      const query = new URL(req.url ?? 'http://localhost/').searchParams
      const target = languageOf(query)
      if (!target) return badLanguage()
      const format = query.get('format') ?? 'xliff'
      if (format !== 'xliff' && format !== 'csv') {
        return problem(400, 'format must be xliff or csv.')
      }
      const doc = await readDocument(req, collection.slug, 'all')
      if (!doc) return notFound()
      const source = isLocaleCode(doc.sourceLanguage) ? doc.sourceLanguage : 'fr'
      if (target === source) {
        return problem(400, `${localeDefinition(target).name} is this document's source language.`)
      }
      const file = exportFile(collection.fields, doc, {
        document: `${collection.slug}/${doc.id}`,
        title: titleOf(doc, collection.admin?.useAsTitle, source),
        source,
        target,
      })
      const name = `${collection.slug}-${doc.id}-${source}-${target}`
      return new Response(format === 'csv' ? toTranslationCsv(file) : toXliff(file), {
        headers: {
          'content-type':
            format === 'csv' ? 'text/csv; charset=utf-8' : 'application/xliff+xml; charset=utf-8',
          'content-disposition': `attachment; filename="${name}.${format === 'csv' ? 'csv' : 'xlf'}"`,
          'cache-control': 'no-store',
        },
      })
    },
  },
  {
    path: '/translations/:collection/:id',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return problem(401, 'Sign in to the admin first.')
      const collection = collectionOf(req)
      if (!collection) return notFound()
      const query = new URL(req.url ?? 'http://localhost/').searchParams
      const body = await readBoundedBody(req)
      if (body instanceof Response) return body
      let file
      try {
        file = readTranslationFile(decodeUtf8(body, 'The translation file'))
      } catch (error) {
        if (error instanceof TranslationFileError || error instanceof CsvEncodingError) {
          return problem(400, error.message)
        }
        throw error
      }
      const docAll = await readDocument(req, collection.slug, 'all')
      if (!docAll) return notFound()
      if (file.document !== `${collection.slug}/${docAll.id}`) {
        return problem(
          400,
          `This file is for ${file.document || 'another document'}, not ${collection.slug}/${docAll.id}.`,
        )
      }
      const source = isLocaleCode(docAll.sourceLanguage) ? docAll.sourceLanguage : 'fr'
      const target = file.targetLanguage
      if (target === source) {
        return problem(400, `The file translates into the source language (${target}).`)
      }
      const docTarget = await readDocument(req, collection.slug, target)
      if (!docTarget) return notFound()
      const plan = planImport(
        collection.fields,
        docAll,
        docTarget,
        file,
        source,
        flag(query, 'acceptChanged'),
      )
      const report = {
        document: file.document,
        language: target,
        changes: plan.changes,
        warnings: plan.warnings,
      }
      if (flag(query, 'dryRun') || plan.changes.length === 0) {
        return json({ ...report, applied: false })
      }
      const publish = flag(query, 'publish')
      const versioned = Boolean(collection.versions)
      const context: TranslationContext & Record<string, unknown> = {
        translationMadeFrom: plan.madeFrom,
      }
      try {
        await req.payload.update({
          collection: collection.slug,
          id: docAll.id,
          locale: target,
          data: { ...plan.data, ...(versioned && publish ? { _status: 'published' } : {}) },
          draft: versioned && !publish,
          depth: 0,
          overrideAccess: false,
          user: req.user,
          context,
        })
      } catch (error) {
        if (error instanceof APIError) return problem(error.status || 400, error.message)
        throw error
      }
      return json({ ...report, applied: true, published: versioned ? publish : true })
    },
  },
]
