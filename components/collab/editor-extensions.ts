import { defaultKeymap } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { unifiedMergeView } from "@codemirror/merge";
import { EditorState, Prec, type Compartment, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, keymap, placeholder } from "@codemirror/view";
import { yCollab, yUndoManagerKeymap } from "y-codemirror.next";
import type { CollabSession } from "./use-collab-session";
import { diffByWords } from "./word-changes";

const theme = EditorView.theme({
  "&": { fontSize: "14px", backgroundColor: "white" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-sans)", lineHeight: "1.6", minHeight: "10rem", maxHeight: "32rem", overflow: "auto" },
  ".cm-content": { padding: "12px 4px" },
  ".cm-gutters": { backgroundColor: "transparent", border: "none" },
  // Beats the merge view's own white-on-red chunk buttons (`.cm-deletedChunk button`).
  ".cm-deletedChunk .cm-revertButton": {
    font: "inherit",
    fontSize: "12px",
    padding: "0 6px",
    borderRadius: "4px",
    border: "1px solid #d4d4d8",
    background: "white",
    color: "#3f3f46",
    cursor: "pointer",
  },
});

/** Only "revert to the model's text" per chunk; "accept" would move the baseline the diff is against. */
function renderMergeControl(type: "accept" | "reject", action: (event: MouseEvent) => void): HTMLElement {
  if (type === "accept") {
    const hidden = document.createElement("span");
    hidden.hidden = true;
    return hidden;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cm-revertButton";
  button.textContent = "Revert";
  button.setAttribute("aria-label", "Revert this change to the original text");
  button.onmousedown = action;
  return button;
}

/** The diff against the original, in a compartment so the editor can hide and show it without reloading. */
export function buildDiffExtension(originalText: string, isEditable: boolean): Extension {
  return unifiedMergeView({
    original: originalText,
    gutter: true,
    highlightChanges: true,
    allowInlineDiffs: true,
    syntaxHighlightDeletions: false,
    mergeControls: isEditable ? renderMergeControl : false,
    // Whole words: the merge view's own diff marks single letters inside a replaced word.
    diffConfig: { override: diffByWords },
  });
}

export type EditorConfig = {
  session: CollabSession;
  label: string;
  isEditable: boolean;
  diff: Compartment;
  originalText: string;
  isDiffShown: boolean;
  onDocChange: (state: EditorState) => void;
  /** The page's CSP nonce: CodeMirror injects its styles as style elements, which the policy admits by nonce. */
  cspNonce: string;
};

/** Everything a collaborative editor needs; the Yjs binding owns undo, so CodeMirror's history is left out. */
export function buildEditorExtensions(config: EditorConfig): Extension[] {
  return [
    Prec.highest(
      keymap.of([
        // Escape leaves the editor, so the page's single-key shortcuts work again without the mouse.
        { key: "Escape", run: (view) => (view.contentDOM.blur(), true) },
      ]),
    ),
    keymap.of([...yUndoManagerKeymap, ...defaultKeymap]),
    EditorView.cspNonce.of(config.cspNonce),
    drawSelection(),
    EditorView.lineWrapping,
    markdown(),
    theme,
    placeholder(config.isEditable ? "Write the corrected output…" : "Empty"),
    EditorState.readOnly.of(!config.isEditable),
    EditorView.contentAttributes.of({ "aria-label": config.label, ...(config.isEditable ? {} : { "aria-readonly": "true" }) }),
    config.diff.of(config.isDiffShown ? buildDiffExtension(config.originalText, config.isEditable) : []),
    yCollab(config.session.text, config.session.provider.awareness),
    EditorView.updateListener.of((update) => {
      if (update.docChanged || update.transactions.some((transaction) => transaction.reconfigured)) config.onDocChange(update.state);
    }),
  ];
}
