import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/**
 * Writes a byte stream to `path` whole or not at all: into a temporary file beside it, renamed over `path`
 * only once the last byte is on disk, so an interrupted transfer never leaves a truncated file that looks
 * complete. Returns the bytes written.
 */
export async function writeFileAtomically(stream: ReadableStream<Uint8Array>, path: string, onBytes: (bytes: number) => void = () => {}): Promise<number> {
  const partial = `${path}.${process.pid}.partial`;
  let bytes = 0;
  const source = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>);
  source.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    onBytes(bytes);
  });
  try {
    await pipeline(source, createWriteStream(partial));
    await rename(partial, path);
    return bytes;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
