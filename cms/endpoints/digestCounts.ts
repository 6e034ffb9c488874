// GET /api/digest-subscriptions/counts: how many readers get the digest, per commune and per
// language, and how many addresses are paused after failed deliveries. For the coordinator, who
// may not read the addresses themselves (only admins do).
import type { Endpoint } from 'payload'
import { isStaff } from '../access/roles'
import { digestCounts } from '../digests/counts'

export const digestCountsEndpoint: Endpoint = {
  path: '/counts',
  method: 'get',
  handler: async (req) => {
    if (!isStaff(req.user))
      return Response.json(
        { error: 'Only admins and the coordinator see the digest figures.' },
        { status: 403 },
      )
    const counts = await digestCounts(req.payload)
    return Response.json(counts, { headers: { 'cache-control': 'no-store' } })
  },
}
