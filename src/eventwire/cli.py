"""The command line: thin commands, one library call each. Errors are one line on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from eventwire import __version__
from eventwire.cli_store import COMMANDS, add_commands
from eventwire.errors import EventwireError
from eventwire.model import Document, DocumentError
from eventwire.settings import SETTINGS, validate

CODE_EXAMPLE = """examples:
  eventwire code article.txt
  eventwire code --format jsonl news.jsonl > events.jsonl
  echo '{"id": "a1", "date": "2024-04-14", "text": "Iran launched drones at Israel."}' | eventwire code -
"""


def _add_settings(parser: argparse.ArgumentParser, names: tuple[str, ...] | None = None) -> None:
    for s in SETTINGS:
        if names is not None and s.name not in names:
            continue
        kwargs: dict = {"default": s.default, "help": f"{s.help} (default: {s.default})"}
        if s.choices:
            kwargs["choices"] = s.choices
        elif isinstance(s.default, bool):
            kwargs["action"] = "store_true"
        elif isinstance(s.default, int):
            kwargs["type"] = int
        elif isinstance(s.default, float):
            kwargs["type"] = float
        parser.add_argument(s.option, dest=s.name, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description="Political event data from news text.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    code = sub.add_parser(
        "code",
        help="code documents into CAMEO events",
        epilog=CODE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    code.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help=".txt files (one document each) or .jsonl documents; - for standard input",
    )
    _add_settings(code)
    add_commands(sub, _add_settings)
    return parser


def _report(error: DocumentError, counts: dict[str, int]) -> None:
    counts["errors"] += 1
    print(f"eventwire: {error}", file=sys.stderr)


def cmd_code(args: argparse.Namespace) -> int:
    from eventwire.coding.coder import Coder
    from eventwire.ingest.documents import read_paths
    from eventwire.output import Writer

    fmt = validate("format", args.format)
    if fmt == "auto":
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    workers = validate("workers", args.workers)
    min_conf = validate("min_confidence", args.min_confidence)
    counts = {"errors": 0, "documents": 0, "events": 0}

    def documents() -> Iterator[Document]:
        for item in read_paths(args.paths):
            if isinstance(item, DocumentError):
                _report(item, counts)
            else:
                counts["documents"] += 1
                yield item

    coder = Coder(pipeline=args.pipeline, min_confidence=min_conf)
    writer = Writer(fmt, sys.stdout)
    docs = list(documents()) if workers > 1 else documents()
    if workers > 1 and len(docs) < 100:  # type: ignore[arg-type]
        workers = 1  # forking costs more than it saves on a few documents
    for _doc, events in coder.code_documents(docs, workers=workers):
        counts["events"] += len(events)
        writer.write(events)
    writer.close()
    return 1 if counts["errors"] else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "code":
            return cmd_code(args)
        return COMMANDS[args.command](args)
    except EventwireError as e:
        print(f"eventwire: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
