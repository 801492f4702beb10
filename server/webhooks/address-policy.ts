import { isIP } from "node:net";

/**
 * Which IP addresses a webhook may not reach by default: anything that is not the public internet.
 * Pure, so every range is unit tested; the URL guard applies it to every address a host resolves to.
 */
export type RefusedAddressKind =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "shared (CGNAT)"
  | "cloud metadata"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "documentation";

type Range = { prefix: bigint; bits: number; kind: RefusedAddressKind };

/** An address as a number of `width` bits. */
type Parsed = { value: bigint; width: 32 | 128 };

function parseIPv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.reduce((sum, part) => (sum << 8n) | BigInt(Number(part)), 0n);
}

function parseIPv6(text: string): bigint | null {
  let head = text.split("%")[0]!;
  // A trailing dotted quad (::ffff:10.0.0.1) is the last two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  if (dotted) {
    const v4 = parseIPv4(dotted[2]!);
    if (v4 === null) return null;
    head = `${dotted[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.reduce((sum, group) => (sum << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function parse(address: string): Parsed | null {
  switch (isIP(address)) {
    case 4: {
      const value = parseIPv4(address);
      return value === null ? null : { value, width: 32 };
    }
    case 6: {
      const value = parseIPv6(address);
      return value === null ? null : { value, width: 128 };
    }
    default:
      return null;
  }
}

const v4 = (cidr: string, kind: RefusedAddressKind): Range => {
  const [base, bits] = cidr.split("/");
  return { prefix: parseIPv4(base!)!, bits: Number(bits), kind };
};
const v6 = (cidr: string, kind: RefusedAddressKind): Range => {
  const [base, bits] = cidr.split("/");
  return { prefix: parseIPv6(base!)!, bits: Number(bits), kind };
};

// Most specific first: the metadata address sits inside link-local, the broadcast address inside 240/4.
const IPV4_RANGES: Range[] = [
  v4("169.254.169.254/32", "cloud metadata"),
  v4("255.255.255.255/32", "broadcast"),
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "shared (CGNAT)"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.88.99.0/24", "reserved"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
];

const IPV6_RANGES: Range[] = [
  v6("fd00:ec2::254/128", "cloud metadata"),
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"),
  v6("100::/64", "reserved"),
  v6("2001::/32", "reserved"),
  v6("2001:db8::/32", "documentation"),
  v6("3fff::/20", "documentation"),
  v6("fc00::/7", "private"),
  v6("fe80::/10", "link-local"),
  v6("fec0::/10", "private"),
  v6("ff00::/8", "multicast"),
];

/** IPv6 forms that carry an IPv4 address, which decides: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). */
function embeddedIPv4(value: bigint): bigint | null {
  const top96 = value >> 32n;
  if (top96 === 0xffffn || top96 === 0x64ff9b0000000000000000n) return value & 0xffffffffn;
  // IPv4-compatible (::a.b.c.d), long deprecated; ::, ::1 are matched before this is reached.
  if (top96 === 0n) return value & 0xffffffffn;
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn;
  return null;
}

function matchRange(value: bigint, width: number, ranges: Range[]): RefusedAddressKind | null {
  for (const range of ranges) {
    const shift = BigInt(width - range.bits);
    if (value >> shift === range.prefix >> shift) return range.kind;
  }
  return null;
}

/** Why `address` (an IPv4 or IPv6 literal) is not a public internet address, or null when it is one. Text that is no address is "reserved". */
export function classifyAddress(address: string): RefusedAddressKind | null {
  const parsed = parse(address);
  if (!parsed) return "reserved";
  if (parsed.width === 32) return matchRange(parsed.value, 32, IPV4_RANGES);
  const exact = matchRange(parsed.value, 128, IPV6_RANGES.slice(0, 3));
  if (exact) return exact;
  const inner = embeddedIPv4(parsed.value);
  if (inner !== null) return matchRange(inner, 32, IPV4_RANGES);
  return matchRange(parsed.value, 128, IPV6_RANGES);
}
