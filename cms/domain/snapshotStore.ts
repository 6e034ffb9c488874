// The published snapshots the public site is served from: one file per version, and a pointer to
// the live one. Publishing writes a new version and moves the pointer; a rollback moves it back.
// Every write is a rename of a finished file, so a reader (another process, another instance on
// the same disk) sees the old state or the new one, never half of either. The pointer carries a
// generation that only grows, rollbacks included: a server follows a pointer only forwards.
import { readFile } from 'node:fs/promises'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import type { SiteSnapshot } from './snapshot'

export interface LivePointer {
  version: string
  /** Grows with every switch, rollbacks included. */
  generation: number
  /** When this version went live (ISO). */
  since: string
}

const VERSION_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/
const POINTER = 'live.json'

/** Writes `text` to `file` through a temporary file and a rename. */
export function writeAtomically(file: string, text: string) {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

/**
 * The newest version this process wrote or read, per store folder, kept parsed: the publish job,
 * the site server and the live endpoints of one process then share one copy of it (at 10,000
 * events its JSON is 24 MB, parsed several times that) instead of parsing one each. Snapshots are
 * never changed once made; a refresh builds a new one.
 */
// On globalThis: Next.js bundles its own copy of this module, and all copies must share.
const held = ((globalThis as Record<symbol, unknown>)[Symbol.for('zesummen.heldSnapshots')] ??=
  new Map()) as Map<string, { version: string; snapshot: SiteSnapshot }>

export class SnapshotStore {
  constructor(readonly dir: string) {}

  private file(version: string) {
    if (!VERSION_PATTERN.test(version)) throw new Error(`Not a snapshot version: ${version}`)
    return path.join(this.dir, `${version}.json`)
  }

  /** Versions on disk, oldest first (their names sort by time). */
  versions(): string[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json') && name !== POINTER)
      .map((name) => name.slice(0, -'.json'.length))
      .filter((name) => VERSION_PATTERN.test(name))
      .sort()
  }

  /** Stores a snapshot as a new version (not live yet); returns its name. */
  write(snapshot: SiteSnapshot, now = new Date()): string {
    mkdirSync(this.dir, { recursive: true })
    const stamp = now.toISOString().replace(/[-:.]/g, '')
    const random = Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .padStart(6, '0')
    const version = `${stamp}-${random}`
    writeAtomically(this.file(version), JSON.stringify(snapshot))
    this.hold(version, snapshot)
    return version
  }

  private hold(version: string, snapshot: SiteSnapshot): SiteSnapshot {
    const newest = held.get(this.dir)
    if (!newest || newest.version <= version) held.set(this.dir, { version, snapshot })
    return snapshot
  }

  private heldCopy(version: string): SiteSnapshot | null {
    const newest = held.get(this.dir)
    return newest?.version === version ? newest.snapshot : null
  }

  read(version: string): SiteSnapshot {
    return (
      this.heldCopy(version) ??
      this.hold(version, JSON.parse(readFileSync(this.file(version), 'utf8')) as SiteSnapshot)
    )
  }

  /** The same as read, reading the file without blocking (parsing it still does). */
  async load(version: string): Promise<SiteSnapshot> {
    return (
      this.heldCopy(version) ??
      this.hold(version, JSON.parse(await readFile(this.file(version), 'utf8')) as SiteSnapshot)
    )
  }

  /** The live version, or null before the first publish. */
  live(): LivePointer | null {
    const file = path.join(this.dir, POINTER)
    if (!existsSync(file)) return null
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as LivePointer
    } catch {
      return null
    }
  }

  /** Makes a stored version the live one. */
  activate(version: string, now = new Date()): LivePointer {
    if (!existsSync(this.file(version)))
      throw new Error(`No snapshot version ${version} is stored.`)
    const pointer = {
      version,
      generation: (this.live()?.generation ?? 0) + 1,
      since: now.toISOString(),
    }
    writeAtomically(path.join(this.dir, POINTER), JSON.stringify(pointer))
    return pointer
  }

  /** Makes the version before the live one live again; null when there is none. */
  rollback(): LivePointer | null {
    const live = this.live()
    const earlier = this.versions().filter((version) => !live || version < live.version)
    const previous = earlier.at(-1)
    return previous ? this.activate(previous) : null
  }

  /** Removes all but the `keep` newest versions, never the live one. */
  prune(keep: number): string[] {
    const live = this.live()?.version
    const versions = this.versions()
    const removed = versions
      .slice(0, Math.max(0, versions.length - keep))
      .filter((version) => version !== live)
    for (const version of removed) rmSync(this.file(version), { force: true })
    return removed
  }
}
