// Addresses a calendar fetch must not reach: the server's own loopback, private and unique-local
// networks, link-local (cloud metadata services live there) and the other special ranges. An
// editor types the URL; without this the server would fetch whatever only it can reach.
import { BlockList, isIP } from 'node:net'

const privateNetworks = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv6')
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:127.0.0.1), else null. */
function mappedIpv4(address: string): string | null {
  const match = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (match) return match[1]!
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!hex) return null
  const high = parseInt(hex[1]!, 16)
  const low = parseInt(hex[2]!, 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/** True for an address on a private, loopback, link-local or otherwise non-public network. */
export function isPrivateAddress(address: string): boolean {
  const ipv4 = isIP(address) === 4 ? address : mappedIpv4(address)
  if (ipv4) return privateNetworks.check(ipv4, 'ipv4')
  if (isIP(address) === 6) return privateNetworks.check(address, 'ipv6')
  // Not an address at all: refuse rather than guess.
  return true
}
