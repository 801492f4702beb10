/** A count with the word that fits it: "1 item", "2 items", "1,204 rows", "1 person" / "3 people". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
