// An upload collection's files are stored under the type their content has: the name's extension
// is replaced by that type's own, and a file of no accepted type is refused. Payload alone takes
// the extension from the name the client sends (a PNG sent as `x.html` would be stored and served
// as `x.html`).
import { readFile } from 'node:fs/promises'
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'
import { APIError } from 'payload'
import { requestMessage } from '../i18n/messages'
import { detectFileType, type FileType, nameForType, typeOfStoredName } from '../security/fileType'

const typeList = (accepted: FileType[]) => accepted.map((type) => type.label).join(', ')

/** Renames and retypes the uploaded file (`req.file`) from its bytes, before Payload stores it. */
export function storeUnderContentType(accepted: FileType[]): CollectionBeforeOperationHook {
  return async ({ req, operation }) => {
    const file = req.file
    if (!file || (operation !== 'create' && operation !== 'update')) return
    const data =
      file.data?.length || !file.tempFilePath ? file.data : await readFile(file.tempFilePath)
    const type = await detectFileType(data)
    if (!type || !accepted.includes(type)) {
      throw new APIError(
        requestMessage(req, 'fileTypeNotAccepted', { name: file.name, types: typeList(accepted) }),
        400,
        null,
        true,
      )
    }
    req.file = { ...file, name: nameForType(file.name, type), mimetype: type.mime }
  }
}

/**
 * The same rule for files Payload fetches itself (a `url` in the data) or copies (duplicates),
 * whose bytes are only known once it has named them: a newly stored file whose extension is not
 * that of its detected type is refused. A file already stored is left as it is.
 */
export const nameMatchesContentType: CollectionBeforeValidateHook = ({
  data,
  originalDoc,
  req,
}) => {
  const filename = typeof data?.filename === 'string' ? data.filename : null
  const mimeType = typeof data?.mimeType === 'string' ? data.mimeType : null
  if (!filename || !mimeType || filename === originalDoc?.filename) return data
  const named = typeOfStoredName(filename)
  if (named?.mime !== mimeType) {
    throw new APIError(
      requestMessage(req, 'fileNameNotContentType', { name: filename, type: mimeType }),
      400,
      null,
      true,
    )
  }
  return data
}
