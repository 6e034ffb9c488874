// Above the submissions list, for admins and the coordinator: answer a person's data request
// (export or erase by email address). The form itself is a small client component.
import type { ServerComponentProps } from 'payload'
import { isStaff } from '../access/roles'
import { message } from '../i18n/messages'
import { PersonalDataForm } from './PersonalDataForm'

export function PersonalDataTool({ user, i18n }: ServerComponentProps) {
  if (!isStaff(user)) return null
  const text = (key: Parameters<typeof message>[0]) => message(key, i18n.language)
  return (
    <PersonalDataForm
      texts={{
        title: text('personalDataTitle'),
        intro: text('personalDataIntro'),
        email: text('personalDataEmail'),
        exportLabel: text('personalDataExport'),
        erase: text('personalDataErase'),
        confirm: text('personalDataConfirm'),
        erased: text('personalDataErased'),
        failed: text('personalDataFailed'),
      }}
    />
  )
}
