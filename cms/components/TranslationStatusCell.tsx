'use client'
// The admin lists' "Languages" column: one short mark per language, readable without colour
// (✓ complete, ✗ missing, ! outdated, ★ source), with the state spelled out for screen readers.
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { localeCodes } from '../../locales/config'
import { statesFromGroup } from '../fields/translationKeys'
import { stateLabel, stateSymbol } from './translationLabels'

export function TranslationStatusCell({ rowData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const states = statesFromGroup(rowData?.translation)
  return (
    <span data-translation-cell style={{ display: 'inline-flex', gap: '0.4rem' }}>
      {localeCodes.map((code) => {
        const state = states[code]
        return (
          <span
            key={code}
            title={stateLabel(state, i18n.language)}
            data-translation-state={state ?? ''}
          >
            {code.toUpperCase()}
            <span aria-hidden="true">{state ? stateSymbol[state] : '?'}</span>
            <span className="sr-only" style={{ position: 'absolute', left: '-9999px' }}>
              {` ${stateLabel(state, i18n.language)}`}
            </span>
          </span>
        )
      })}
    </span>
  )
}
