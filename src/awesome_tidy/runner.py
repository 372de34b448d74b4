"""Check or fix many files: each with its own configuration, in several processes when that
pays, results in the order the files were given."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from awesome_tidy import api, memory
from awesome_tidy.config import Config, ConfigError, ConfigFinder
from awesome_tidy.files import InputError, decode, read_at_most
from awesome_tidy.inputs import STDIN, collect

EMPTY_FOLDER = "is a directory with no Markdown files (*.md, *.markdown) to check"
MIN_PARALLEL_BYTES = 200_000
"""Below this much Markdown in all, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class Task:
    path: str
    config: Config
    fix: bool = False
    unsafe: bool = False
    write: bool = True


def run_paths(
    paths: Sequence[str],
    finder: ConfigFinder,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = True,
    jobs: int | None = None,
    stdin: BinaryIO | None = None,
    stdin_filename: str | None = None,
) -> list[tuple[str, api.FileReport]]:
    """Check (or fix) every file the paths name, as ``(file, report)`` pairs in order; ``-``
    reads ``stdin``, which is never written."""
    files = collect(paths, finder)
    configs = {path: _config(finder, path) for path in files if path != STDIN}
    tasks = [
        Task(path, config, fix, unsafe, write)
        for path, config in configs.items()
        if isinstance(config, Config) and not os.path.isdir(path)
    ]
    reports = iter(run(tasks, jobs))
    results = []
    for path in files:
        config = configs.get(path)
        if path == STDIN:
            report = _run_stdin(stdin, stdin_filename, finder, fix=fix, unsafe=unsafe)
        elif isinstance(config, ConfigError):
            report = api.FileReport(path, error=str(config))
        elif os.path.isdir(path):
            report = api.FileReport(path, error=f"{path}: {EMPTY_FOLDER}")
        else:
            report = next(reports)
        results.append((path, report))
    return results


def _config(finder: ConfigFinder, path: str) -> Config | ConfigError:
    try:
        return finder.for_path(path)
    except ConfigError as error:
        return error


def _run_stdin(
    stdin: BinaryIO | None, name: str | None, finder: ConfigFinder, *, fix: bool, unsafe: bool
) -> api.FileReport:
    display = name or "<stdin>"
    try:
        data = read_at_most(stdin, display) if stdin is not None else b""
    except InputError as error:
        return api.FileReport(display, error=str(error))
    config = _config(finder, name or STDIN)
    if isinstance(config, ConfigError):
        return api.FileReport(display, error=str(config), raw=data)
    if name is not None and config.is_excluded(name):
        config = Config(select=())
    try:
        source = decode(data, display)
    except InputError as error:
        return api.FileReport(display, error=str(error), raw=data)
    if fix:
        return api.fix_source(source, config, unsafe=unsafe)
    return api.check_source(source, config)


def run(tasks: Sequence[Task], jobs: int | None = None) -> list[api.FileReport]:
    """Run the tasks, in worker processes when there are several files and enough text."""
    workers = _workers(tasks, jobs)
    if workers <= 1:
        return [_run_task(task) for task in tasks]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts a worker in milliseconds, with the rules already imported; spawn re-imports.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    largest_first = sorted(range(len(tasks)), key=lambda index: -_size(tasks[index].path))
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),)
    )
    with pool:
        done = pool.map(_run_task, [tasks[index] for index in largest_first])
        by_index = dict(zip(largest_first, done, strict=True))
    return [by_index[index] for index in range(len(tasks))]


def _exit_with_parent(parent: int) -> None:
    """In a worker: leave as soon as the parent is gone.

    A parent killed outright (a CI time limit, ``kill -9``) cannot tell its workers, and they would
    wait for work forever. A daemon thread checks twice a second who the parent is.
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _run_task(task: Task) -> api.FileReport:
    memory.before_a_file()
    if task.fix:
        return api.fix_file(task.path, task.config, unsafe=task.unsafe, write=task.write)
    return api.check_file(task.path, task.config)


def _workers(tasks: Sequence[Task], jobs: int | None) -> int:
    if len(tasks) < 2:
        return 1
    wanted = jobs or _cpu_count()
    if wanted <= 1 or sum(_size(task.path) for task in tasks) < MIN_PARALLEL_BYTES:
        return 1
    return min(wanted, len(tasks))


def _cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
