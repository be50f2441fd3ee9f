"""Shared fixtures: the engine, corpora made from the bundled example
reports, the CLI binary and throwaway PostgreSQL databases."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

import curlew

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples" / "reports.jsonl"


@pytest.fixture(scope="session")
def engine() -> curlew.Engine:
    return curlew.default_engine()


@pytest.fixture(scope="session")
def examples() -> List[Dict[str, str]]:
    if not EXAMPLES.exists():
        pytest.skip(f"{EXAMPLES} is missing")
    return [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()]


def make_corpus(examples: List[Dict[str, str]], n: int) -> List[Dict[str, str]]:
    """`n` documents: the example reports over and over, with new ids."""
    docs = []
    for k, doc in zip(range(n), itertools.cycle(examples)):
        d = dict(doc)
        d["id"] = f"r{k // len(examples)}-{doc['id']}"
        docs.append(d)
    return docs


def write_jsonl(path: Path, docs: List[Dict[str, str]]) -> Path:
    with open(path, "w") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    return path


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("CURLEW_BINARY", str(ROOT / "build" / "curlew"))
    if not os.path.exists(path):
        pytest.skip(f"no curlew binary at {path}")
    return path


def run(binary: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary, *args], capture_output=True, text=True, check=True)


def json_lines(text: str) -> List[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database on the test server (scripts/pg-test-server.sh),
    dropped afterwards."""
    server = os.environ.get("CURLEW_TEST_PG_URL")
    if not server:
        pytest.skip("CURLEW_TEST_PG_URL is not set (scripts/run-tests.sh starts a server)")
    name = f"curlew_py_{os.getpid()}_{next(_counter)}"
    base, _, _ = server.rpartition("/")
    psql = ["psql", "-q", "-v", "ON_ERROR_STOP=1", server, "-c"]
    subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name}"], check=True, capture_output=True)
    subprocess.run(psql + [f"CREATE DATABASE {name}"], check=True, capture_output=True)
    yield f"{base}/{name}"
    subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


_counter = itertools.count()
