// Demo images for the example events: abstract shapes drawn with sharp, labelled "Example" in the
// picture itself, so nobody mistakes them for photos of a real activity.
import type { Payload } from 'payload'
import sharp from 'sharp'
import type { Outcome } from './upsert'

interface DemoImage {
  filename: string
  colours: [string, string, string]
  alt: Record<string, string>
}

export const demoImages: DemoImage[] = [
  {
    filename: 'demo-example-conversation.png',
    colours: ['#0b5e55', '#f2c14e', '#f4f1ea'],
    alt: {
      lb: 'Beispillbild: faarweg Formen, déi wéi zwou Spriechblosen ausgesinn',
      fr: 'Image d’exemple : formes colorées qui ressemblent à deux bulles de dialogue',
      de: 'Beispielbild: farbige Formen, die wie zwei Sprechblasen aussehen',
      pt: 'Imagem de exemplo: formas coloridas que parecem dois balões de fala',
      en: 'Example image: coloured shapes that look like two speech bubbles',
    },
  },
  {
    filename: 'demo-example-festival.png',
    colours: ['#b3261e', '#2a6fdb', '#fff8e7'],
    alt: {
      lb: 'Beispillbild: faarweg Kreesser a Fändelcher',
      fr: 'Image d’exemple : cercles et petits drapeaux colorés',
      de: 'Beispielbild: bunte Kreise und Fähnchen',
      pt: 'Imagem de exemplo: círculos e bandeirinhas coloridas',
      en: 'Example image: colourful circles and bunting',
    },
  },
]

function svg(image: DemoImage): string {
  const [a, b, background] = image.colours
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <rect width="1600" height="900" fill="${background}"/>
  <circle cx="520" cy="420" r="260" fill="${a}" opacity="0.9"/>
  <circle cx="1060" cy="480" r="220" fill="${b}" opacity="0.85"/>
  <path d="M 1600 900 L 1200 900 L 1600 600 Z" fill="${a}" opacity="0.6"/>
  <text x="80" y="820" font-family="sans-serif" font-size="72" font-weight="700" fill="#1b1f23">Beispill · Exemple · Example</text>
</svg>`
}

/** Creates the demo images once; returns their ids by filename. */
export async function seedDemoImages(
  payload: Payload,
): Promise<{ ids: Map<string, string | number>; counts: Record<Outcome, number> }> {
  const ids = new Map<string, string | number>()
  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 }
  for (const image of demoImages) {
    const existing = await payload.find({
      collection: 'media',
      where: { filename: { equals: image.filename } },
      limit: 1,
      depth: 0,
    })
    if (existing.docs[0]) {
      ids.set(image.filename, existing.docs[0].id)
      counts.unchanged += 1
      continue
    }
    const data = await sharp(Buffer.from(svg(image)))
      .png()
      .toBuffer()
    const created = await payload.create({
      collection: 'media',
      locale: 'en',
      data: { alt: image.alt.en, sourceLanguage: 'en' } as never,
      file: { data, name: image.filename, mimetype: 'image/png', size: data.length },
    })
    for (const [locale, alt] of Object.entries(image.alt)) {
      if (locale === 'en') continue
      await payload.update({
        collection: 'media',
        id: created.id,
        locale: locale as never,
        data: { alt } as never,
      })
    }
    ids.set(image.filename, created.id)
    counts.created += 1
  }
  return { ids, counts }
}
