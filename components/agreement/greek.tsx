/** A Greek letter kept lower case inside upper-case labels (table heads, tile titles): "Κ" would read as a K, "Α" as an A. */
export function Greek({ letter }: { letter: "α" | "κ" }) {
  return <span className="normal-case">{letter}</span>;
}
