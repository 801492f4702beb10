import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/** The collector request and response, with the trace, resource and common messages they import. */
const ENTRY = "opentelemetry/proto/collector/trace/v1/trace_service.proto";

/** Parses the vendored .proto files (only the descriptor builder and its test read them). */
export function loadOtlpProtoFiles(): protobuf.Root {
  const root = new protobuf.Root();
  const folder = fileURLToPath(new URL(".", import.meta.url));
  root.resolvePath = (_origin, target) => `${folder}${target}`;
  return root.loadSync(ENTRY, { keepCase: false });
}
