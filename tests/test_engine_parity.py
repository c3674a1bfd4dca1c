"""Every engine gives the same stories and the same report JSON on the same input (slow: pools, Ray).

Runs part of the fictional demo corpus (four short articles of two stories) in process, through the
CLI with a two-process local pool (in a subprocess that also proves Ray was never imported), and on a
private one-CPU Ray instance.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.demo import demo_paths
from newsprism.engine import clean_batch
from newsprism.ingest import read_inputs
from newsprism.model import Article, RawArticle
from newsprism.pipeline import run_analysis

pytestmark = pytest.mark.slow

SUBSET = (
    "dunmere-footbridge-brightwater-times.txt",
    "dunmere-footbridge-kestrel-news.txt",
    "kessling-port-strike-lantern-post.txt",
    "kessling-port-strike-tidewater-markets.txt",
)
EPOCH = "1700000000"

# Run in a fresh interpreter: the pytest process may have imported Ray in another test.
LOCAL_CLI = """
import sys
from newsprism.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert not done.code, done.code
assert "ray" not in sys.modules, "the local engine imported ray"
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("engine-inputs")
    by_name = {p.name: p for p in demo_paths()}
    for name in SUBSET:
        shutil.copy(by_name[name], folder / name)
    return folder


@pytest.fixture(scope="module")
def in_process(inputs: Path) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        report = run_analysis([str(inputs)]).report
    assert len(report.stories) >= 2, "the parity check needs stories for more than one worker"
    return report.to_json()


def test_local_pool_of_two_matches_in_process_and_never_imports_ray(
    inputs: Path, in_process: str, tmp_path: Path
) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "OPENBLAS_NUM_THREADS": "1"}
    args = ["-q", "analyze", str(inputs), "--workers", "2", "--format", "json"]
    args += ["--out", str(tmp_path / "out"), "--db", str(tmp_path / "n.db")]
    done = subprocess.run(
        [sys.executable, "-c", LOCAL_CLI, *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "report.json").read_text(encoding="utf-8").rstrip("\n") == in_process


# Ray's own start-up may warn about its environment (accelerator probes, deprecated options of its
# dependencies); only these are let through, everything else stays an error.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")
@pytest.mark.filterwarnings("ignore::FutureWarning:ray")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_ray_engine_matches_in_process(
    inputs: Path, in_process: str, demo_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsprism[ray]'")
    from newsprism.cluster.stream import StreamClusterer
    from newsprism.engine import open_engine

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    articles = [demo_articles[name] for name in sorted(demo_articles)]
    raws = [r for r in read_inputs([str(inputs)]) if isinstance(r, RawArticle)]
    # One actor: a second would only load the models again (the pool of two is checked above).
    with open_engine("ray", workers=1) as engine:
        assert ray.is_initialized()
        cleaned_by_tasks = engine.clean(raws)
        report = run_analysis([str(inputs)], engine=engine).report.to_json()
        cleaned_by_actors = engine.clean(raws)
        remote = engine.clusterer()
        assignments = remote.add_batch(articles[:6]) + remote.add_batch(articles[6:])
        stories = remote.stories()
    assert not ray.is_initialized(), "the engine must shut down the Ray instance it started"
    assert report == in_process
    assert cleaned_by_tasks == cleaned_by_actors == clean_batch(raws)
    local = StreamClusterer()
    assert assignments == local.add_batch(articles)
    assert stories == local.stories()
