import { RangeSetBuilder, type Extension } from "@codemirror/state";
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from "@codemirror/view";
import type * as Y from "yjs";

/** A person's colour and name, for the spans they wrote. */
export type AuthorMark = { name: string; color: string };

/** Yjs client id → its author, as the server recorded it. */
export type AuthorsByClient = ReadonlyMap<number, AuthorMark>;

function buildMarks(authors: AuthorsByClient): Map<number, Decoration> {
  const marks = new Map<number, Decoration>();
  for (const [clientId, author] of authors) {
    // One decoration per person, so CodeMirror joins a run of their spans into one element.
    marks.set(
      clientId,
      Decoration.mark({
        attributes: { title: `Written by ${author.name}`, style: `background-color: ${author.color}26; border-bottom: 2px solid ${author.color}` },
      }),
    );
  }
  return marks;
}

/**
 * The visible spans of a Y.Text with the client id that wrote each, in order, up to `length` (the editor's
 * text length). Each Yjs item knows the client id that wrote it; deleted items take no room.
 */
export function listWrittenSpans(text: Y.Text, length: number): Array<{ from: number; to: number; clientId: number }> {
  const spans: Array<{ from: number; to: number; clientId: number }> = [];
  let position = 0;
  for (let item = text._start; item !== null && position < length; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const end = Math.min(position + item.length, length);
    if (end > position) spans.push({ from: position, to: end, clientId: item.id.client });
    position += item.length;
  }
  return spans;
}

/** Marks every span whose writer is known; text nobody is recorded for (the seeded original) stays unmarked. */
function decorate(view: EditorView, text: Y.Text, marks: Map<number, Decoration>): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const span of listWrittenSpans(text, view.state.doc.length)) {
    const mark = marks.get(span.clientId);
    if (mark) builder.add(span.from, span.to, mark);
  }
  return builder.finish();
}

/**
 * Colours each span of a shared correction by who wrote it. Placed after the Yjs binding, so by the time
 * this plugin updates, the binding has already written a local edit into the Y.Text (and a remote one
 * arrives in the Y.Text before it reaches the editor): both always hold the same text here.
 */
export function buildAuthorshipExtension(text: Y.Text, authors: AuthorsByClient): Extension {
  const marks = buildMarks(authors);
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view, text, marks);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = decorate(update.view, text, marks);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
