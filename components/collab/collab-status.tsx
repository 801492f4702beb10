import { cn } from "@/components/ui/cn";
import type { CollabPeer, CollabStatus } from "./use-collab-session";

function describeStatus(status: CollabStatus, isSynced: boolean, isEditable: boolean): { text: string; dot: string } {
  if (status.error) return { text: "Not connected: changes made here are not saved.", dot: "bg-red-500" };
  if (status.connection === "disconnected") return { text: "Offline, reconnecting. Edits made here are kept and sync when the connection returns.", dot: "bg-red-500" };
  if (!isSynced) return { text: "Connecting…", dot: "bg-zinc-300" };
  if (!isEditable) return { text: "Live", dot: "bg-emerald-500" };
  if (status.unsyncedChanges > 0) return { text: "Saving…", dot: "bg-gold-400" };
  return { text: "Saved", dot: "bg-emerald-500" };
}

/** Connection and save state, and who else has the document open, for the line under an editor. */
type CollabStatusLineProps = { status: CollabStatus; isSynced: boolean; isEditable: boolean; peers: CollabPeer[]; userName: string };

export function CollabStatusLine({ status, isSynced, isEditable, peers, userName }: CollabStatusLineProps) {
  const { text, dot } = describeStatus(status, isSynced, isEditable);
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500">
      <span className="flex items-center gap-1.5">
        <span aria-hidden className={cn("size-2 rounded-full", dot)} />
        {text}
      </span>
      {peers.length > 0 && (
        <ul aria-label="Also in this document" className="flex flex-wrap items-center gap-1.5">
          {peers.map((peer) => (
            <li key={peer.clientId} className="flex items-center gap-1 rounded-full bg-zinc-100 py-0.5 pr-2 pl-1">
              <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: peer.user.color }} />
              {/* Presence carries names, not ids; the same name is, in practice, this person's other tab. */}
              {peer.user.name === userName ? "You, in another tab" : peer.user.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
