// getStaticPaths helpers: every page exists once per locale.
import { localeCodes } from '../../locales/config'

export const langPaths = () => localeCodes.map((lang) => ({ params: { lang } }))
