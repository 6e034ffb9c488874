// Calendar files served on 127.0.0.1 for the import tests: a route per path, and `serve` for a
// file with an ETag that answers 304 to a matching If-None-Match, as calendar servers do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Route = (req: IncomingMessage, res: ServerResponse) => void

export class CalendarServer {
  readonly routes = new Map<string, Route>()
  private server: Server | null = null

  /** Listens on a free loopback port; answers the base address. */
  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const route = this.routes.get(req.url ?? '')
      if (route) route(req, res)
      else res.writeHead(404).end('not found')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.server = server
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  serve(path: string, body: string, etag = `"${body.length}"`): void {
    this.routes.set(path, (req, res) => {
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end()
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag }).end(body)
    })
  }

  async close(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server!.close(resolve))
  }
}
