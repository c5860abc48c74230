"""Reading untrusted YAML into plain values, with the line of every key and value.

Only YAML's plain data types are accepted. The reader refuses, with a ``FILE:LINE`` problem:
files over 1 MiB, text that is not UTF-8, empty files, syntax errors, any tag that is not plain
data (``!!python/object`` and friends are never constructed), aliases (``*name``: they make
"billion laughs" bombs possible and have no use in a deck), duplicate keys and non-text keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is much faster; the pure-Python loader behaves the same.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
_AS_TEXT_TAGS = {_TAG + "timestamp"}
_STR_TAG = _TAG + "str"

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One problem in one file, shown as ``FILE:LINE: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class YamlDocument:
    """A YAML file read into plain values, with line numbers per path.

    ``key_lines`` holds the line of each mapping key, ``value_lines`` the line where each value
    starts; paths are tuples of keys and list indexes from the top.
    """

    file: str
    data: Any
    key_lines: dict[Path, int] = field(default_factory=dict)
    value_lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """The best line for ``path``: its key, its value, or the nearest enclosing one."""
        probe = tuple(path)
        while probe:
            if probe in self.key_lines:
                return self.key_lines[probe]
            if probe in self.value_lines:
                return self.value_lines[probe]
            probe = probe[:-1]
        return self.value_lines.get((), 1)

    def start_line(self, path: Path) -> int:
        """The line where the value at ``path`` starts (a card's first line)."""
        probe = tuple(path)
        while probe and probe not in self.value_lines:
            probe = probe[:-1]
        return self.value_lines.get(probe, 1)


class YamlError(Exception):
    """The file could not be read as safe plain YAML."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def decode(raw: bytes, file: str) -> str:
    """The text of a YAML file, after the size, emptiness and UTF-8 checks."""
    if len(raw) > MAX_BYTES:
        raise YamlError(
            [Problem(file, 1, f"filen er for stor: et kortspil må højst fylde {MAX_BYTES:,} bytes")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlError(
            [Problem(file, line, "teksten er ikke UTF-8 (gem filen som UTF-8)")]
        ) from None
    if not text.strip():
        raise YamlError([Problem(file, 1, "filen er tom")])
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlError(
            [Problem(file, line, "filen indeholder et NUL-tegn (er det en binær fil?)")]
        )
    return text


def parse(text: str, file: str) -> YamlDocument:
    """Parse YAML text into a ``YamlDocument`` (raises ``YamlError``)."""
    if "*" in text:
        _refuse_aliases(text, file)
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlError([Problem(file, 1, "filen er tom")])
        document = YamlDocument(file=file, data=None)
        problems: list[Problem] = []
        document.data = _convert(node, (), document, loader, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        line = max(1, min(line, text.count("\n") + (0 if text.endswith("\n") else 1)))
        problem = error.problem or "ugyldig YAML"
        raise YamlError([Problem(file, line, f"YAML-syntaksfejl: {problem}")]) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise YamlError(
            [Problem(file, line, f"tegnet U+{error.character:04X} er ikke tilladt i YAML")]
        ) from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())
        raise YamlError([Problem(file, 1, f"YAML-fejl: {message}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise YamlError(problems)
    return document


def read(raw: bytes, file: str) -> YamlDocument:
    """Decode and parse the bytes of a YAML file (raises ``YamlError``)."""
    return parse(decode(raw, file), file)


def _refuse_aliases(text: str, file: str) -> None:
    try:
        events: Iterator[yaml.Event] = yaml.parse(text, Loader=SafeLoader)
        for event in events:
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise YamlError(
                    [
                        Problem(
                            file,
                            line,
                            f"YAML-alias '*{event.anchor}' er ikke tilladt; skriv værdien ud",
                        )
                    ]
                )
    except yaml.YAMLError:
        return  # the parse below reports the error with its line


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _convert(
    node: yaml.Node,
    path: Path,
    document: YamlDocument,
    loader: Any,
    problems: list[Problem],
) -> Any:
    line = node.start_mark.line + 1
    document.value_lines[path] = line
    tag = node.tag
    if tag not in _PLAIN_TAGS and tag not in _AS_TEXT_TAGS:
        problems.append(
            Problem(
                document.file,
                line,
                f"YAML-tagget '{_tag_name(tag)}' er ikke tilladt; kun almindelig tekst, tal, "
                "lister og felter",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                problems.append(
                    Problem(document.file, key_line, "en nøgle skal være et ord (tekst)")
                )
                continue
            key = str(key_node.value)
            if key in result:
                problems.append(Problem(document.file, key_line, f"feltet '{key}' står to gange"))
                continue
            child = (*path, key)
            document.key_lines[child] = key_line
            result[key] = _convert(value_node, child, document, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, i), document, loader, problems)
            for i, item in enumerate(node.value)
        ]
    if tag in _AS_TEXT_TAGS or tag == _STR_TAG:
        return str(node.value)
    # a plain scalar: its constructor directly (what construct_object would call, without the
    # bookkeeping for anchors and recursion, which cannot occur here)
    try:
        return loader.yaml_constructors[tag](loader, node)
    except (ValueError, OverflowError):  # e.g. an integer of 5,000 digits, or "0x_"
        problems.append(
            Problem(document.file, line, f"'{str(node.value)[:20]}' kan ikke læses som et tal")
        )
        return None
