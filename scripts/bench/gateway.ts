import http from 'node:http';

export interface GatewayAnswer<T> {
  /** HTTP status: 200 with the function's own result, 502 when the function failed (timeout, crash). */
  status: number;
  body: T;
  /** From handing the request to the pool to the last byte of the answer. */
  ms: number;
}

/**
 * A client of local-cloud's HTTP gateway (`POST /api/<function>` with `X-Openid`), the way the H5 build calls
 * it (src/services/transport.h5.ts), over a keep-alive pool of `sockets` connections. (undici is not a
 * dependency of the project, so the pool is node:http's Agent rather than an undici Agent.)
 */
export class Gateway {
  private readonly agent: http.Agent;
  /**
   * Requests sent again because the server had just closed the idle keep-alive connection they were
   * written to (ECONNRESET on a reused socket: the request never reached the server; Node's documented
   * retry case). Counted so that the bench can say so.
   */
  resent = 0;

  constructor(
    private readonly baseUrl: string,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  post<T>(fn: string, openid: string, event: Record<string, unknown>): Promise<GatewayAnswer<T>> {
    const payload = Buffer.from(JSON.stringify(event));
    const url = new URL(`/api/${encodeURIComponent(fn)}`, this.baseUrl);
    return this.send<T>(url, openid, payload, performance.now());
  }

  private send<T>(url: URL, openid: string, payload: Buffer, started: number): Promise<GatewayAnswer<T>> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': payload.length,
            'x-openid': openid,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(text) as T,
                ms: performance.now() - started,
              });
            } catch {
              reject(
                new Error(`gateway answered HTTP ${res.statusCode} with a body that is not JSON: ${text}`),
              );
            }
          });
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (req.reusedSocket && e.code === 'ECONNRESET') {
          this.resent += 1;
          resolve(this.send<T>(url, openid, payload, started));
        } else reject(e);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
