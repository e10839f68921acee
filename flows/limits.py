"""Prefect global concurrency limits shared by every flow run on one Prefect server: one catalogue
writer and one trainer at a time, whichever machine or process the run is on."""

from prefect.concurrency.sync import concurrency

from flows.settings import RunSettings

WRITER = "mlpath-writer"
TRAINER = "mlpath-trainer"


def ensure_limits() -> None:
    """Create the limits (one slot each) on the server if they are missing."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    with get_client(sync_client=True) as client:
        for name in (WRITER, TRAINER):
            try:
                client.read_global_concurrency_limit_by_name(name)
            except ObjectNotFound:
                try:
                    client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
                except ObjectAlreadyExists:  # another run created it meanwhile
                    pass


def one_at_a_time(name: str):
    """Hold the limit's only slot; strict: a missing limit is an error, not a silent free pass. The slot
    is leased: if this process is killed, the server frees it when the lease runs out."""
    return concurrency(name, occupy=1, strict=True, lease_duration=RunSettings().slot_lease_seconds)
