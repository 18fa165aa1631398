/**
 * Allowed-IP rules: single IPv4/IPv6 addresses and CIDR blocks. Parsing is
 * stricter than ipaddr.js alone (no `10.1` or octal/hex IPv4 shorthands, no
 * IPv6 zone ids), because a rule that silently means something else than it
 * reads is worse than a refused one.
 */
import * as ipaddr from 'ipaddr.js';
import { quoted } from './echo';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

interface IpRule {
  readonly address: IpAddress;
  /** `null` for a single address. */
  readonly prefixLength: number | null;
}

type ParsedIpRule =
  | { readonly ok: true; readonly rule: IpRule; readonly canonical: string }
  | { readonly ok: false; readonly problem: string };

const CIDR_NOTATION = /^([^/]+)\/(0|[1-9][0-9]{0,2})$/;
const IPV4_MAPPED_PREFIX_LENGTH = 96;

const bitsOf = (address: IpAddress): number => (address.kind() === 'ipv4' ? 32 : 128);

function parseAddress(text: string): IpAddress | null {
  if (text.includes(':')) {
    if (!ipaddr.IPv6.isValid(text)) return null;
    const address = ipaddr.IPv6.parse(text);
    return address.zoneId ? null : address;
  }
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

function syntaxOf(text: string): IpRule | null {
  const cidr = CIDR_NOTATION.exec(text);
  const address = parseAddress(cidr ? cidr[1] : text);
  if (!address) return null;
  if (!cidr) return { address, prefixLength: null };
  const prefixLength = Number(cidr[2]);
  return prefixLength <= bitsOf(address) ? { address, prefixLength } : null;
}

function networkOf(address: IpAddress, prefixLength: number): IpAddress {
  const bytes = address.toByteArray();
  const mask = (address.kind() === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6)
    .subnetMaskFromPrefixLength(prefixLength)
    .toByteArray();
  return ipaddr.fromByteArray(bytes.map((byte, index) => byte & mask[index]));
}

/**
 * IPv4-mapped IPv6 rules (`::ffff:10.0.0.1`, `::ffff:10.0.0.0/104`) become
 * their IPv4 form, so they read naturally, deduplicate against IPv4 rules and
 * match dual-stack sockets, which report IPv4 clients in mapped form.
 */
function unmapped(rule: IpRule): IpRule {
  const { address, prefixLength } = rule;
  if (!(address instanceof ipaddr.IPv6) || !address.isIPv4MappedAddress()) return rule;
  if (prefixLength === null) return { address: address.toIPv4Address(), prefixLength };
  if (prefixLength < IPV4_MAPPED_PREFIX_LENGTH) return rule;
  return { address: address.toIPv4Address(), prefixLength: prefixLength - IPV4_MAPPED_PREFIX_LENGTH };
}

const canonicalOf = ({ address, prefixLength }: IpRule): string =>
  prefixLength === null ? address.toString() : `${address.toString()}/${prefixLength}`;

function parseIpRule(text: string): ParsedIpRule {
  const rule = syntaxOf(text);
  if (!rule) {
    return {
      ok: false,
      problem: `${quoted(text, 48)} is not an IPv4/IPv6 address or CIDR block, e.g. 203.0.113.7, 2001:db8::1 or 10.0.0.0/8`,
    };
  }
  if (rule.prefixLength !== null) {
    const network = networkOf(rule.address, rule.prefixLength);
    if (network.toString() !== rule.address.toString()) {
      return {
        ok: false,
        problem: `${text} has host bits set; did you mean ${network.toString()}/${rule.prefixLength}?`,
      };
    }
  }
  const normalised = unmapped(rule);
  return { ok: true, rule: normalised, canonical: canonicalOf(normalised) };
}

/** Whether `value` reads as an IP address or CIDR block; a block with host bits set still counts here. */
export const isIpOrCidr = (value: string): boolean => syntaxOf(value) !== null;

/** The canonical form stored in allowedIps, or `null` when `value` is not an acceptable rule. */
export function normalizeIpOrCidr(value: string): string | null {
  const parsed = parseIpRule(value);
  return parsed.ok ? parsed.canonical : null;
}

/** Why `value` is not an acceptable allowedIps rule, in words a caller can act on; `null` when it is. */
export function ipOrCidrProblem(value: string): string | null {
  const parsed = parseIpRule(value);
  return parsed.ok ? null : parsed.problem;
}

/**
 * Whether a request from `sourceIp` passes the credential's allowedIps
 * (empty = any address). An IPv4-mapped IPv6 source is matched as IPv4.
 */
export function isIpAllowed(allowedIps: readonly string[], sourceIp: string): boolean {
  if (allowedIps.length === 0) return true;
  let source: IpAddress;
  try {
    source = ipaddr.process(sourceIp);
  } catch {
    return false;
  }
  return allowedIps.some((entry) => {
    const parsed = parseIpRule(entry);
    if (!parsed.ok || parsed.rule.address.kind() !== source.kind()) return false;
    const { address, prefixLength } = parsed.rule;
    return source.match(address, prefixLength ?? bitsOf(address));
  });
}
