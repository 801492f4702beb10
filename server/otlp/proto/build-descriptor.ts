// Writes otlp-descriptor.json from the vendored OTLP .proto files (opentelemetry-proto v1.11.0):
// `npx tsx server/otlp/proto/build-descriptor.ts`. The server loads the JSON because Next bundles route
// code away from this folder, so the .proto files cannot be read at run time; a unit test keeps the two equal.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadOtlpProtoFiles } from "./load-proto-files";

const target = fileURLToPath(new URL("./otlp-descriptor.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(loadOtlpProtoFiles().toJSON(), null, 2)}\n`);
