"""Build templates/background.tsv: in how many sentences of real plans and reports of the genre each word
occurs. Term weights take their rarity from it, so a word every such document uses (法治政府建设, 监督, 机制,
习近平) weighs little, and the weights do not change when seeds/ or a run's documents change.

Run from the repository root:  python -m tools.background FILE_OR_FOLDER... [-o templates/background.tsv]
The texts themselves are not kept: only word counts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

MIN_SENTENCES = 2


def texts(paths: list[str]) -> list[Path]:
    out = []
    for name in paths:
        path = Path(name)
        out.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return out


def main(argv: list[str] | None = None) -> None:
    from tracker.errors import TrackerError
    from tracker.ingest import read_document
    from tracker.lexicon import document_frequency, lexicon
    from tracker.text import normalize, sentences

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-o", "--output", default="templates/background.tsv")
    args = parser.parse_args(argv)
    lex = lexicon()
    all_sentences: list[list[str]] = []
    documents = 0
    for path in texts(args.paths):
        try:
            paragraphs = read_document(path).paragraphs()
        except TrackerError as error:
            print(f"skipped {path}: {error}")
            continue
        documents += 1
        batch = [s for p in paragraphs for s in sentences(normalize(p))]
        all_sentences.extend(lex.tokens_many(batch))
    df, count = document_frequency(all_sentences)
    rows = sorted(((t, n) for t, n in df.items() if n >= MIN_SENTENCES), key=lambda item: (-item[1], item[0]))
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(f"# Sentences of {documents} plans and reports of the genre containing each word (tools/background.py).\n")
        out.write(f"# sentences\t{count}\n")
        for token, n in rows:
            out.write(f"{token}\t{n}\n")
    print(f"{documents} documents, {count} sentences, {len(rows)} words -> {args.output}")


if __name__ == "__main__":
    main()
