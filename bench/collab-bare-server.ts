// The baseline of `npm run bench:collab`: a bare Hocuspocus server on PORT, with no auth, no persistence and
// no extensions, in its own process as Goldloop's collab process is.
import { Server } from "@hocuspocus/server";

const server = new Server({ port: Number(process.env.PORT), address: "127.0.0.1", quiet: true, stopOnSignals: true });
await server.listen();
