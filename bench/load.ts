import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * HTTP load from a child process (autocannon's CLI), so the load generator does not share the
 * server's event loop. Loopback targets only; every run is bounded by its duration.
 */
export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}

const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export async function load(name: string, url: string, o: LoadOptions): Promise<LoadResult> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`load targets loopback only, not ${host}`);
  const args = [cli, '-j', '-n', '-c', String(o.connections), '-d', String(o.duration)];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => (buf += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (o.duration + 30) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(buf);
      else reject(new Error(`autocannon exited ${code} for ${name}`));
    });
  });
  const r = JSON.parse(out.slice(out.indexOf('{')));
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}
