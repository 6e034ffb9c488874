import type { Field, NumberFieldSingleValidation } from 'payload'
import { requestMessage } from '../i18n/messages'

const validateLatitude: NumberFieldSingleValidation = (value, { req }) =>
  value === null || value === undefined || (value >= -90 && value <= 90)
    ? true
    : requestMessage(req, 'latitudeRange')

const validateLongitude: NumberFieldSingleValidation = (value, { req }) =>
  value === null || value === undefined || (value >= -180 && value <= 180)
    ? true
    : requestMessage(req, 'longitudeRange')

/** WGS 84 coordinates; a group of numbers works on SQLite and MongoDB alike. */
export const coordinatesGroup = (): Field => ({
  name: 'coordinates',
  type: 'group',
  admin: { description: 'WGS 84, as shown by OpenStreetMap (right-click → "Show address").' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'latitude', type: 'number', validate: validateLatitude },
        { name: 'longitude', type: 'number', validate: validateLongitude },
      ],
    },
  ],
})

export const postalAddressGroup = (): Field => ({
  name: 'address',
  type: 'group',
  fields: [
    { name: 'street', type: 'text', maxLength: 200 },
    {
      type: 'row',
      fields: [
        { name: 'postcode', type: 'text', maxLength: 12 },
        { name: 'locality', type: 'text', maxLength: 100 },
      ],
    },
  ],
})
