import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses the bot may connect to when a user asks it to check a
 * URL. Anyone can type a URL into the chat, so without this the bot would
 * fetch its own cloud metadata service (169.254.169.254), the operator's
 * intranet or localhost admin ports on their behalf (SSRF).
 */

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unique-local'
  | 'reserved';

type BlockedKind = Exclude<AddressKind, 'public'>;
type Rule = { network: string; prefix: number; kind: BlockedKind };

/** IANA special-purpose IPv4 ranges (RFC 6890 and successors). */
const IPV4_RULES: Rule[] = [
  { network: '0.0.0.0', prefix: 8, kind: 'unspecified' },
  { network: '10.0.0.0', prefix: 8, kind: 'private' },
  { network: '100.64.0.0', prefix: 10, kind: 'cgnat' },
  { network: '127.0.0.0', prefix: 8, kind: 'loopback' },
  { network: '169.254.0.0', prefix: 16, kind: 'link-local' },
  { network: '172.16.0.0', prefix: 12, kind: 'private' },
  { network: '192.0.0.0', prefix: 24, kind: 'reserved' },
  { network: '192.0.2.0', prefix: 24, kind: 'reserved' },
  { network: '192.88.99.0', prefix: 24, kind: 'reserved' },
  { network: '192.168.0.0', prefix: 16, kind: 'private' },
  { network: '198.18.0.0', prefix: 15, kind: 'reserved' },
  { network: '198.51.100.0', prefix: 24, kind: 'reserved' },
  { network: '203.0.113.0', prefix: 24, kind: 'reserved' },
  { network: '224.0.0.0', prefix: 4, kind: 'multicast' },
  { network: '240.0.0.0', prefix: 4, kind: 'reserved' },
];

const IPV6_RULES: Rule[] = [
  { network: '::', prefix: 128, kind: 'unspecified' },
  { network: '::1', prefix: 128, kind: 'loopback' },
  // IPv4-compatible (deprecated) addresses would reach the embedded IPv4 host on some stacks.
  { network: '::', prefix: 96, kind: 'reserved' },
  { network: '100::', prefix: 64, kind: 'reserved' },
  // Local-use NAT64 (RFC 8215): translates to IPv4 by the operator's own rules, so the target cannot be vetted.
  { network: '64:ff9b:1::', prefix: 48, kind: 'reserved' },
  // Teredo hides an obfuscated IPv4 address we cannot vet cheaply; nothing legitimate needs it here.
  { network: '2001::', prefix: 32, kind: 'reserved' },
  { network: '2001:db8::', prefix: 32, kind: 'reserved' },
  { network: 'fc00::', prefix: 7, kind: 'unique-local' },
  { network: 'fe80::', prefix: 10, kind: 'link-local' },
  { network: 'fec0::', prefix: 10, kind: 'reserved' },
  { network: 'ff00::', prefix: 8, kind: 'multicast' },
];

function ipv4ToHextets(ipv4: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses carry an IPv4 address
 * inside them and route to it, so every blocked IPv4 range is blocked there
 * too. (IPv4-mapped ::ffff:a.b.c.d needs no rule: BlockList checks it
 * against the IPv4 rules itself.)
 */
function embeddedIpv4Rules(rule: Rule): Rule[] {
  return [
    { network: `64:ff9b::${rule.network}`, prefix: 96 + rule.prefix, kind: rule.kind },
    { network: `2002:${ipv4ToHextets(rule.network)}::`, prefix: 16 + rule.prefix, kind: rule.kind },
  ];
}

type CompiledRule = { kind: BlockedKind; list: BlockList };

function compile(rules: Rule[], family: 'ipv4' | 'ipv6'): CompiledRule[] {
  return rules.map((rule) => {
    const list = new BlockList();
    list.addSubnet(rule.network, rule.prefix, family);
    return { kind: rule.kind, list };
  });
}

const COMPILED_IPV4 = compile(IPV4_RULES, 'ipv4');
const COMPILED_IPV6 = [...compile(IPV6_RULES, 'ipv6'), ...compile(IPV4_RULES.flatMap(embeddedIpv4Rules), 'ipv6')];

/** Strips the brackets URL.hostname keeps around IPv6 literals ("[::1]"). */
export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The kind of an IP address, or undefined when the text is not an IP address. */
export function classifyAddress(address: string): AddressKind | undefined {
  const ip = unbracket(address);
  const version = isIP(ip);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  // Mapped IPv6 (::ffff:10.0.0.1) is matched against the IPv4 rules by BlockList, so check those first for v6 too.
  for (const rule of COMPILED_IPV4) if (rule.list.check(ip, family)) return rule.kind;
  if (family === 'ipv6') for (const rule of COMPILED_IPV6) if (rule.list.check(ip, family)) return rule.kind;
  return 'public';
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}
