// Loopback helpers of the benchmark: a free port, and Debian's nginx serving a folder of files
// (the static export) as the reference the portal's own server is measured beside.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

const NGINX = '/usr/sbin/nginx'

/** Debian's nginx-light, installed when missing and allowed (root, apt); null otherwise. */
export function nginxBinary(): string | null {
  if (existsSync(NGINX)) return NGINX
  if (process.getuid?.() !== 0) return null
  spawnSync('apt-get', ['install', '-y', 'nginx-light'], { stdio: 'inherit' })
  return existsSync(NGINX) ? NGINX : null
}

/**
 * nginx serving `dir` on a free loopback port, with gzip (static and on the fly) and the
 * portal's trailing-slash pages; the same settings as the README's configuration.
 */
export async function serveWithNginx(
  binary: string,
  dir: string,
  workDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort()
  mkdirSync(workDir, { recursive: true })
  const config = path.join(workDir, 'nginx.conf')
  writeFileSync(
    config,
    `worker_processes auto;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  types { text/calendar ics; }
  access_log off;
  sendfile on;
  gzip on;
  gzip_types text/css application/javascript application/json application/xml text/calendar image/svg+xml;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    index index.html;
    error_page 404 /404.html;
    location /_astro/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
`,
  )
  const child = spawn(binary, ['-c', config, '-g', 'daemon off;'], { stdio: 'inherit' })
  for (let tries = 0; tries < 50; tries += 1) {
    try {
      await fetch(`http://127.0.0.1:${port}/`)
      break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}
