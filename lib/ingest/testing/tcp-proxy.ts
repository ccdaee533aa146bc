import net from "node:net";

// A TCP proxy in front of the test database that a test can break in precise ways — refuse new
// connections, cut a connection when a given message goes by, hold the server's answers — so
// "the database goes away mid-request" is tested without stopping the shared test server.
export type Verdict = "forward" | "cut";

export interface ConnectionState {
  /** Free for the rules to remember things per connection. */
  marks: Set<string>;
}

export interface ProxyRules {
  onClientData?: (chunk: Buffer, state: ConnectionState) => Verdict;
  onServerData?: (chunk: Buffer, state: ConnectionState) => Verdict;
}

interface Pair {
  client: net.Socket;
  server: net.Socket;
  state: ConnectionState;
  held: Buffer[];
  /** Silently dropping everything both ways, like a connection a NAT or firewall forgot. */
  blackholed: boolean;
}

export class TcpProxy {
  rules: ProxyRules = {};
  /** Connections cut by a rule so far. */
  cuts = 0;
  /** Bytes the server sent through the proxy, for tests that bound what a query reads. */
  serverBytes = 0;
  /** Client chunks seen, for tests that wait for a message to go by. */
  readonly clientChunks: string[] = [];
  private refusing = false;
  private holding = false;
  private readonly pairs = new Set<Pair>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    server.on("connection", (client) => proxy.accept(client, target));
    return proxy;
  }

  /** The database URL with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String(this.port);
    return url.toString();
  }

  /** The database "goes away": open connections are cut and new ones fail until `restore()`. */
  goDown(): void {
    this.refusing = true;
    this.cutAll();
  }

  /** Back to a plain proxy: no rules, nothing refused or held. */
  restore(): void {
    this.refusing = false;
    this.rules = {};
    this.release();
  }

  /** Hold every answer from the server until `release()`. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const pair of this.pairs) {
      for (const chunk of pair.held.splice(0)) this.fromServer(pair, chunk);
    }
  }

  /**
   * The connections open now go silent — no data either way, no FIN, no RST — as when a middlebox
   * forgets them or the server's host vanishes; new connections work as usual.
   */
  blackhole(): void {
    for (const pair of this.pairs) pair.blackholed = true;
  }

  /** Connections open now. */
  get connections(): number {
    return this.pairs.size;
  }

  cutAll(): void {
    for (const pair of this.pairs) this.cut(pair);
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const server = net.connect(target.port, target.host);
    const pair: Pair = { client, server, state: { marks: new Set() }, held: [], blackholed: false };
    this.pairs.add(pair);
    const drop = () => this.cut(pair, false);
    client.on("error", drop).on("close", drop);
    server.on("error", drop).on("close", drop);
    client.on("data", (chunk: Buffer) => {
      if (pair.blackholed) return;
      this.clientChunks.push(chunk.toString("latin1"));
      if ((this.rules.onClientData?.(chunk, pair.state) ?? "forward") === "cut") return this.cut(pair);
      server.write(chunk);
    });
    server.on("data", (chunk: Buffer) => {
      if (pair.blackholed) return;
      if (this.holding) pair.held.push(chunk);
      else this.fromServer(pair, chunk);
    });
  }

  private fromServer(pair: Pair, chunk: Buffer): void {
    this.serverBytes += chunk.length;
    if ((this.rules.onServerData?.(chunk, pair.state) ?? "forward") === "cut") return this.cut(pair);
    pair.client.write(chunk);
  }

  private cut(pair: Pair, byRule = true): void {
    if (!this.pairs.delete(pair)) return;
    if (byRule) this.cuts += 1;
    pair.client.destroy();
    pair.server.destroy();
  }
}
