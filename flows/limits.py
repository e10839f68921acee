"""Prefect global concurrency limits shared by every flow run on one Prefect server: one catalogue
writer and one trainer at a time, whichever machine or process the run is on."""

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.concurrency.sync import concurrency
from prefect.settings import get_current_settings

from flows.settings import RunSettings

WRITER = "mlpath-writer"
TRAINER = "mlpath-trainer"
LIMITS = (WRITER, TRAINER)
RUNS_LOCK_FILE = "mlpath-runs.lock"


@contextmanager
def limits_for_this_run() -> Iterator[None]:
    """The limits, created if missing, for the length of one run.

    A temporary server (no PREFECT_API_URL) keeps slot leases in its memory, so a run killed while it
    holds a slot leaves the slot taken in the database with no lease left to expire: the next run would
    wait for ever. Runs on temporary servers of one PREFECT_HOME each hold a shared lock on a file there
    while they run; a run that can take it alone knows every slot still taken is a dead run's, and frees
    it. (A persistent server frees a dead run's slot itself when its lease runs out.)"""
    _ensure_limits()
    if get_current_settings().api.url is not None:
        yield
        return
    with open(get_current_settings().home / RUNS_LOCK_FILE, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _free_every_slot()
        except BlockingIOError:
            pass  # another run is alive: the slots taken may be its own
        fcntl.flock(lock, fcntl.LOCK_SH)
        yield


def one_at_a_time(name: str):
    """Hold the limit's only slot; strict: a missing limit is an error, not a silent free pass. The slot
    is leased: if this process is killed, the server frees it when the lease runs out."""
    return concurrency(name, occupy=1, strict=True, lease_duration=RunSettings().slot_lease_seconds)


def _ensure_limits() -> None:
    """Create the limits (one slot each) on the server if they are missing."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    with get_client(sync_client=True) as client:
        for name in LIMITS:
            try:
                client.read_global_concurrency_limit_by_name(name)
            except ObjectNotFound:
                try:
                    client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
                except ObjectAlreadyExists:  # another run created it meanwhile
                    pass


def _free_every_slot() -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitUpdate

    with get_client(sync_client=True) as client:
        for name in LIMITS:
            client.update_global_concurrency_limit(name, GlobalConcurrencyLimitUpdate(active_slots=0))
