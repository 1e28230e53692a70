"""Clean a Ray Dataset: :class:`copydesk.batch.CleanBatch` mapped over its blocks as tasks.

Needs the ``ray`` extra (``pip install "copydesk[ray]"``); Ray is imported only here, and only
when a function of this module runs.

>>> import copydesk.ray  # cheap: Ray itself is not imported yet
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from copydesk._columns import CleanBatch
from copydesk._engines import SHARD_ROWS, Job, list_sources, parquet_inputs

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = ["DEFAULT_BATCH_ROWS", "clean_dataset"]

#: Rows handed to one ``CleanBatch`` call: big enough to amortise the task overhead, small
#: enough that a block of long articles stays well below a worker's memory.
DEFAULT_BATCH_ROWS = 256


def _ray() -> Any:
    # `import ray` inside copydesk/ray.py is an absolute import and finds the real package;
    # import_module makes that plain to the reader, and keeps the import lazy.
    return importlib.import_module("ray")


def clean_dataset(
    ds: Dataset,
    *,
    batch_size: int = DEFAULT_BATCH_ROWS,
    num_cpus: float = 1,
    **kw: Any,
) -> Dataset:
    """Clean the text column of ``ds`` (lazily, as Ray datasets are); keywords as CleanBatch.

    Runs as stateless tasks with ``batch_format="pyarrow"``, never as an actor pool: an
    actor pool as large as the cluster's CPUs leaves no CPU to the read tasks and deadlocks
    without a word on a small machine. The pipeline and rules travel inside the pickled
    callable, so a custom pipeline reaches every worker intact.
    """
    return ds.map_batches(
        CleanBatch(**kw),
        batch_format="pyarrow",
        batch_size=batch_size,
        num_cpus=num_cpus,
        zero_copy_batch=True,
    )


def _start(address: str | None, workers: int | None) -> bool:
    """Connect to ``address``, or start a local Ray sized to this machine; True when started."""
    ray = _ray()
    if ray.is_initialized():
        return False
    kw: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
    if address is None:
        from copydesk.batch import default_jobs

        kw.update(num_cpus=workers or default_jobs(), include_dashboard=False)
    else:
        kw["address"] = address
    ray.init(**kw)
    return True


def run_job(job: Job) -> None:
    """Read, clean and write one CLI ``--engine ray`` run (blocks until it is written)."""
    ray = _ray()
    started = _start(job.address, job.workers)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        parquet = parquet_inputs(job.inputs)
        if parquet is not None:
            ds = clean_dataset(ray.data.read_parquet(parquet), **job.clean_kwargs())
        else:
            sources = list_sources(job.inputs, job.input_format)
            ds = ray.data.from_items(sources, override_num_blocks=max(1, len(sources)))
            ds = ds.map_batches(
                job.file_cleaner(), batch_format="pyarrow", batch_size=1, num_cpus=1
            )
        if job.output_format == "parquet":
            ds.write_parquet(job.output_dir, min_rows_per_file=SHARD_ROWS)
        else:
            ds.write_json(job.output_dir, min_rows_per_file=SHARD_ROWS, force_ascii=False)
    finally:
        if started:
            ray.shutdown()
