"""Where fazhi's models come from: the pkuseg segmentation model and the shipped NER.

The pkuseg "mixed" model is not bundled with spacy-pkuseg and its own download host is not
reachable from many machines, so fazhi fetches the one trained model that pip can reach:
the ``default`` model inside the pkuseg 0.0.25 wheel. ``fetch_pkuseg_model`` downloads that
wheel through pip, checks its sha256, unpacks the model into a per-user cache and converts the
feature table to spacy-pkuseg's msgpack format (faster to load than the pickle). After that
every run is offline.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..errors import ModelError

PKUSEG_WHEEL = "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
PKUSEG_WHEEL_SHA256 = "6fc2f97d0f66cc6722cf772e65dbcde1b01d8cc53b66ac4aa7bce639de79588f"
PKUSEG_MODEL_NAME = "pkuseg-0.0.25-mixed"

ENV_MODEL = "FAZHI_PKUSEG_MODEL"


def cache_dir() -> Path:
    """Return fazhi's per-user cache directory (``$XDG_CACHE_HOME/fazhi``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "fazhi"


def default_pkuseg_dir() -> Path:
    return cache_dir() / "pkuseg" / PKUSEG_MODEL_NAME


def is_pkuseg_model(path: Path) -> bool:
    path = Path(path)
    has_features = any((path / f).exists() for f in ("features.msgpack", "features.pkl", "features.json"))
    return has_features and (path / "weights.npz").exists()


def resolve_pkuseg_model(explicit: str | os.PathLike | None = None, *, fetch: bool = True,
                         say=None) -> Path:
    """Return the directory of the pkuseg model to use, fetching it on first use.

    Order: ``explicit`` (``--pkuseg-model``), then ``$FAZHI_PKUSEG_MODEL``, then the cache
    (fetched through pip when missing and ``fetch`` is true).
    """
    chosen = explicit or os.environ.get(ENV_MODEL)
    if chosen:
        path = Path(chosen).expanduser()
        if not is_pkuseg_model(path):
            raise ModelError(
                f"{path} is not a pkuseg model directory (it needs weights.npz and "
                "features.msgpack or features.pkl). Point --pkuseg-model or "
                f"{ENV_MODEL} at one, or unset them to use the cached model."
            )
        return path
    path = default_pkuseg_dir()
    if is_pkuseg_model(path):
        return path
    if not fetch:
        raise ModelError(
            f"The pkuseg segmentation model is not in the cache ({path}). "
            "Run `fazhi models fetch` once while online, or pass --pkuseg-model DIR."
        )
    if say:
        say(f"First run: fetching the pkuseg segmentation model into {path} (about 50 MB, once).")
    return fetch_pkuseg_model(path)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_pkuseg_model(target: Path | None = None, *, wheel: Path | None = None) -> Path:
    """Download the pkuseg wheel through pip, verify it and unpack its model into ``target``.

    ``wheel`` skips the download (a wheel already on disk, for offline installs and tests).
    """
    target = Path(target or default_pkuseg_dir())
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fazhi-fetch-", dir=target.parent) as tmp:
        tmp = Path(tmp)
        if wheel is None:
            wheel = _pip_download_wheel(tmp)
        digest = sha256_of(wheel)
        if digest != PKUSEG_WHEEL_SHA256:
            raise ModelError(
                f"{wheel.name} has sha256 {digest}, expected {PKUSEG_WHEEL_SHA256}; "
                "refusing to use it. Delete it and fetch again."
            )
        staged = tmp / "model"
        staged.mkdir()
        with zipfile.ZipFile(wheel) as archive:
            for name in ("features.pkl", "weights.npz"):
                with archive.open(f"pkuseg/models/default/{name}") as src, open(staged / name, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        _convert_features_to_msgpack(staged)
        (staged / "SOURCE").write_text(
            f"{PKUSEG_WHEEL} sha256={PKUSEG_WHEEL_SHA256}\n"
            "pkuseg/models/default (the 'mixed' model), features converted to msgpack\n",
            encoding="utf-8",
        )
        if target.exists():
            shutil.rmtree(target)
        os.replace(staged, target)
    return target


def _pip_download_wheel(dest: Path) -> Path:
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
        "--platform", "manylinux1_x86_64", "--python-version", "3.7", "--implementation", "cp",
        "--abi", "cp37m", "pkuseg==0.0.25", "-d", str(dest), "--quiet",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True)
    wheel = dest / PKUSEG_WHEEL
    if done.returncode != 0 or not wheel.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ModelError(
            "Could not download the pkuseg model through pip (are you offline?). "
            "Connect once and run `fazhi models fetch`, or pass --pkuseg-model DIR. "
            f"pip said: {' | '.join(tail)}"
        )
    return wheel


def _convert_features_to_msgpack(model_dir: Path) -> None:
    """Rewrite ``features.pkl`` as ``features.msgpack`` (the format spacy-pkuseg loads fastest)."""
    import pickle

    import srsly

    with open(model_dir / "features.pkl", "rb") as handle:
        data = pickle.load(handle)
    srsly.write_msgpack(
        model_dir / "features.msgpack",
        {
            "unigram": sorted(data["unigram"]),
            "bigram": sorted(data["bigram"]),
            "feature_to_idx": data["feature_to_idx"],
            "tag_to_idx": data["tag_to_idx"],
        },
    )
    (model_dir / "features.pkl").unlink()


def model_identity(path: Path) -> dict:
    """Return a small description of a model directory for run.json (name, path, file hashes)."""
    path = Path(path)
    files = {}
    for name in sorted(os.listdir(path)):
        full = path / name
        if full.is_file() and name.endswith((".npz", ".msgpack", ".pkl", ".bin", ".json", ".cfg")):
            st = full.stat()
            files[name] = {"bytes": st.st_size}
    source = path / "SOURCE"
    return {
        "path": str(path),
        "source": source.read_text(encoding="utf-8").strip() if source.exists() else None,
        "files": files,
    }
