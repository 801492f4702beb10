import * as Y from "yjs";
import { COLLAB_TEXT_FIELD } from "./schema";

/** A whole collaboration document, as one Yjs update, whose text is `text`: a seed, or a client's copy in tests and the demo. */
export function encodeTextDocument(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(COLLAB_TEXT_FIELD).insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
