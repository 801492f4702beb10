/** Characters per String.fromCharCode call; spreading a whole large update would overflow the call stack. */
const CHUNK_SIZE = 0x8000;

/** Standard base64 of bytes, in the browser without Buffer. Yjs updates go to the server this way. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK_SIZE));
  }
  return btoa(binary);
}
