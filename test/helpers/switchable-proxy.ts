import net from 'node:net';

/**
 * forward: a plain TCP proxy to the target.
 * blackhole: open connections are cut; new ones are accepted and never answered (a database behind a dead LB).
 * freeze: every byte, both ways, on open and new connections, is held until forward() (a database that hangs).
 * loseHeld(): the connections held so far stay open and silent for ever (half-open sockets to a restarted server).
 */
export type ProxyMode = 'forward' | 'blackhole' | 'freeze';

interface Link {
  client: net.Socket;
  upstream?: net.Socket;
  toUpstream: Buffer[];
  toClient: Buffer[];
  /** accepted in blackhole mode: what it sent is gone, it can never be forwarded */
  voided: boolean;
  /** open, and silent for ever */
  lost?: boolean;
}

export class SwitchableProxy {
  mode: ProxyMode = 'forward';
  /** connections accepted while in blackhole mode */
  swallowed = 0;
  private readonly links = new Set<Link>();
  private readonly server = net.createServer((socket) => this.accept(socket));

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  forward(): void {
    this.mode = 'forward';
    for (const link of this.links) {
      if (link.lost) continue;
      if (link.voided) {
        this.cut(link);
        continue;
      }
      if (!link.upstream) this.connect(link);
      this.flush(link);
    }
  }

  freeze(): void {
    this.mode = 'freeze';
  }

  loseHeld(): void {
    for (const link of this.links) {
      link.lost = true;
      link.toUpstream.length = 0;
      link.toClient.length = 0;
    }
  }

  blackhole(): void {
    this.mode = 'blackhole';
    for (const link of this.links) this.cut(link);
  }

  async close(): Promise<void> {
    for (const link of this.links) this.cut(link);
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: net.Socket) {
    const link: Link = { client, toUpstream: [], toClient: [], voided: this.mode === 'blackhole' };
    if (link.voided) this.swallowed++;
    this.links.add(link);
    client.on('error', () => undefined);
    client.on('close', () => {
      link.upstream?.destroy();
      this.links.delete(link);
    });
    client.on('data', (chunk) => {
      if (link.voided || link.lost) return;
      if (this.mode === 'forward' && link.upstream) link.upstream.write(chunk);
      else link.toUpstream.push(chunk);
    });
    if (this.mode === 'forward') this.connect(link);
  }

  private connect(link: Link) {
    const upstream = net.connect(this.target.port, this.target.host);
    link.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.on('close', () => link.client.destroy());
    upstream.on('data', (chunk) => {
      if (link.lost) return;
      if (this.mode === 'forward') link.client.write(chunk);
      else link.toClient.push(chunk);
    });
  }

  private flush(link: Link) {
    for (const chunk of link.toUpstream.splice(0)) link.upstream!.write(chunk);
    for (const chunk of link.toClient.splice(0)) link.client.write(chunk);
  }

  private cut(link: Link) {
    link.client.destroy();
    link.upstream?.destroy();
    this.links.delete(link);
  }
}
