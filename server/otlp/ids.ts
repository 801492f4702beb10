/**
 * A trace or span id as lowercase hex. OTLP/JSON sends hex; some exporters send base64 (the protobuf JSON
 * mapping of bytes), and the protobuf decoder hands bytes over as base64 too. Null when the id is not
 * `bytes` long or is all zeros, which OTLP calls invalid.
 */
export function normalizeId(id: string, bytes: 8 | 16): string | null {
  let hex: string | null = null;
  if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(id)) hex = id.toLowerCase();
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(id)) {
    const decoded = Buffer.from(id, "base64");
    if (decoded.length === bytes) hex = decoded.toString("hex");
  }
  return hex === null || /^0+$/.test(hex) ? null : hex;
}
