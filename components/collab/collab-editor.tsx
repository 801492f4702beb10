"use client";

import { getChunks } from "@codemirror/merge";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { Alert } from "@/components/ui/alert";
import { useClientSecurity } from "@/components/security/client-security";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { cn } from "@/components/ui/cn";
import { encodeBase64 } from "./base64";
import { buildAuthorshipExtension, type AuthorsByClient } from "./authorship-marks";
import { CollabStatusLine } from "./collab-status";
import { DIFF_SHORTCUT, DiffSwitch } from "./diff-switch";
import { diffAsOneChange } from "./text-change";
import { buildDiffExtension, buildEditorExtensions } from "./editor-extensions";
import { useCollabSession, type CollabConnection, type CollabMode } from "./use-collab-session";

/** What a parent can do with a loaded editor, handed over through `onReady`. */
export type CollabEditorHandle = {
  /** Base64 of `Y.encodeStateAsUpdate(doc)`: the whole document as this tab has it, for submit/finalize. */
  getStateAsBase64: () => string;
  /** Puts the caret in the editor. */
  focus: () => void;
  /**
   * Makes the document say `text` (for example "start from this annotator's correction"), as one undoable
   * edit that touches only the part that differs, so other people's cursors outside it stay put. No-op when watching.
   */
  replaceText: (text: string) => void;
};

export type CollabEditorProps = {
  projectId: string;
  /** `<kind>/<id>`, e.g. `correctionDocumentKey(assignmentId)` or `goldDocumentKey(queueItemId)`. */
  documentKey: string;
  /** The text the diff compares against (the model output); the server seeds new documents with it. */
  originalText: string;
  /** "watch" opens the document read-only, still live, with presence. */
  mode: CollabMode;
  /** Shown on this user's cursor to everyone else in the document. */
  userName: string;
  /** Visible title and the accessible name of the editable text (`getByRole("textbox", { name: label })`). */
  label: string;
  /** Colours each span by who wrote it (a shared document); without it nothing is marked. */
  authors?: AuthorsByClient;
  /** Called once the first sync finished and the editor exists (again if the document is reopened). */
  onReady?: (handle: CollabEditorHandle) => void;
};

/**
 * A CodeMirror 6 editor bound to a Yjs document on the collaboration server: edits autosave and sync live
 * across tabs and people, remote cursors carry names, and a unified diff shows changes against the original.
 * Renders nothing editable until the first sync, so it never shows (or edits) a document before its seed.
 */
export function CollabEditor(props: CollabEditorProps) {
  const connection = useCollabSession({ projectId: props.projectId, documentKey: props.documentKey, mode: props.mode, userName: props.userName });
  return <CollabEditorView {...props} connection={connection} />;
}

export type CollabEditorViewProps = Omit<CollabEditorProps, "projectId" | "documentKey"> & {
  /** A session the page opened itself, because other parts of it share the document too. */
  connection: CollabConnection;
};

/** The editor over a session opened by the caller (see `CollabEditor`). */
export function CollabEditorView({ connection, originalText, mode, userName, label, authors, onReady }: CollabEditorViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [diff] = useState(() => new Compartment());
  const [authorship] = useState(() => new Compartment());
  const [isDiffShown, setIsDiffShown] = useState(true);
  const [changeCount, setChangeCount] = useState<number | null>(null);
  const latest = useRef({ onReady, isDiffShown, authors });
  useEffect(() => {
    latest.current = { onReady, isDiffShown, authors };
  });
  const { session, status, peers } = connection;
  const { cspNonce } = useClientSecurity();
  // The server may grant less than asked (a lease that ended, an item already finalized): then we watch.
  // A refusal (rights removed while the editor was open) stops editing too: nothing typed would be saved.
  const isEditable = mode === "edit" && !status.isReadOnly && !status.error;

  useEffect(() => {
    const parent = container.current;
    if (!session || !parent) return;
    const countChanges = (state: EditorState) => setChangeCount(getChunks(state)?.chunks.length ?? null);
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: session.text.toString(),
        extensions: [
          ...buildEditorExtensions({
            session,
            label,
            isEditable,
            diff,
            originalText,
            isDiffShown: latest.current.isDiffShown,
            onDocChange: countChanges,
            cspNonce,
          }),
          // Last, after the Yjs binding (see buildAuthorshipExtension).
          authorship.of(latest.current.authors ? buildAuthorshipExtension(session.text, latest.current.authors) : []),
        ],
      }),
    });
    view.current = editor;
    countChanges(editor.state);
    latest.current.onReady?.({
      getStateAsBase64: () => encodeBase64(Y.encodeStateAsUpdate(session.doc)),
      focus: () => editor.focus(),
      replaceText: (text) => {
        if (isEditable) editor.dispatch({ changes: diffAsOneChange(editor.state.doc.toString(), text) });
      },
    });
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, [session, diff, authorship, label, isEditable, originalText, cspNonce]);

  useEffect(() => {
    if (session && authors) view.current?.dispatch({ effects: authorship.reconfigure(buildAuthorshipExtension(session.text, authors)) });
  }, [session, authorship, authors]);

  function toggleDiff() {
    const next = !isDiffShown;
    setIsDiffShown(next);
    view.current?.dispatch({ effects: diff.reconfigure(next ? buildDiffExtension(originalText, isEditable) : []) });
  }
  useShortcuts([{ keys: [DIFF_SHORTCUT], label: "Show or hide the diff against the original", run: toggleDiff }]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium text-zinc-800">{label}</span>
        <span className="flex items-center gap-3 text-xs text-zinc-500">
          {isDiffShown && changeCount !== null && (
            <span>{changeCount === 0 ? "Same as the original" : `${changeCount} ${changeCount === 1 ? "change" : "changes"} from the original`}</span>
          )}
          <DiffSwitch isOn={isDiffShown} onToggle={toggleDiff} />
        </span>
      </div>
      {status.error && (
        <Alert tone="error" title={session ? "You can no longer edit this document" : "This document could not be opened"}>
          {status.error}
        </Alert>
      )}
      <div className={cn("overflow-hidden rounded-lg ring-1 ring-zinc-300 focus-within:ring-2 focus-within:ring-gold-500", !isEditable && "bg-zinc-50")}>
        {!session && <div aria-hidden className={cn("h-40 bg-zinc-50", !status.error && "animate-pulse")} />}
        <div ref={container} />
      </div>
      <CollabStatusLine status={status} isSynced={session !== null} isEditable={isEditable} peers={peers} userName={userName} />
    </div>
  );
}
