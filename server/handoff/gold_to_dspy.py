"""Turn Goldloop's gold feed into dspy.Example objects for a DSPy optimizer.

    GOLDLOOP_URL=http://localhost:3000 GOLDLOOP_KEY=gl_... python3 gold_to_dspy.py [--queue QUEUE_ID] [--json]

Reading the feed needs only the standard library; building the examples needs `pip install dspy`.
`--json` prints the examples as {"question", "answer"} objects instead, without importing dspy.
"""

import argparse
import json
import os
import urllib.parse
import urllib.request


def read_gold(server, key, since="0", queue=None):
    """Yields every gold entry after `since`, oldest first, following the feed's cursor to its end."""
    while True:
        query = {"since": since, "limit": "1000", **({"queue": queue} if queue else {})}
        request = urllib.request.Request(
            f"{server.rstrip('/')}/api/v1/gold?{urllib.parse.urlencode(query)}",
            headers={"Authorization": f"Bearer {key}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            page = json.load(response)
        yield from page["data"]
        since = page["next_cursor"]
        if not page["has_more"]:
            return


def current_gold(entries):
    """Keeps the newest decision per item: a revised gold label replaces the one it supersedes."""
    by_id = {}
    for entry in entries:
        if entry["supersedes"] is not None:
            by_id.pop(entry["supersedes"], None)
        by_id[entry["gold_label_id"]] = entry
    return list(by_id.values())


def question_of(conversation):
    """The user's question: the text itself, or the last user message of a chat."""
    if isinstance(conversation, str):
        return conversation
    user_turns = [message["content"] for message in conversation if message["role"] == "user"]
    return user_turns[-1] if user_turns else conversation[-1]["content"]


def as_pairs(entries):
    """One example per item; gold whose reviewers' corrections did not agree has no reviewed answer to teach."""
    return [
        {"question": question_of(entry["input"]), "answer": entry["gold_output"]}
        for entry in current_gold(entries)
        if not entry.get("correction_disputed", False)
    ]


def to_dspy_examples(entries):
    import dspy

    return [dspy.Example(**pair).with_inputs("question") for pair in as_pairs(entries)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queue", help="only gold of this queue id")
    parser.add_argument("--json", action="store_true", help="print the examples as JSON instead of building dspy.Examples")
    args = parser.parse_args()
    entries = list(read_gold(os.environ["GOLDLOOP_URL"], os.environ["GOLDLOOP_KEY"], queue=args.queue))
    if args.json:
        print(json.dumps(as_pairs(entries)))
    else:
        trainset = to_dspy_examples(entries)
        print(f"{len(trainset)} examples, e.g. {trainset[0] if trainset else 'none yet'}")
