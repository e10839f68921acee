"""Scheduled crawls: one deployment of the per-source flow for each source, on the registry's cadence
unless configuration overrides it (MLPATH_CADENCE, see flows/settings.py)."""

from dataclasses import dataclass
from pathlib import Path

from crawlers.registry import SOURCES
from flows.settings import RunSettings


class ScheduleError(ValueError):
    pass


@dataclass(frozen=True)
class Schedule:
    name: str  # the deployment's name (the flow is mlpath-source)
    source: str
    cron: str
    enabled: bool  # a disabled source's deployment is registered paused


def schedules(settings: RunSettings | None = None) -> list[Schedule]:
    overrides = (settings or _settings()).cadence
    if unknown := sorted(set(overrides) - set(SOURCES)):
        raise ScheduleError(f"MLPATH_CADENCE: unknown source {unknown[0]!r} (known: {', '.join(sorted(SOURCES))})")
    found = [Schedule(name=f"crawl-{name}", source=name, cron=overrides.get(name, source.cadence),
                      enabled=source.enabled) for name, source in sorted(SOURCES.items())]
    for schedule in found:
        _check_cron(schedule)
    return found


def deployments(found: list[Schedule], replay: Path | None = None, work_pool: str | None = None) -> list:
    """The per-source flow's deployments; ``replay`` passes through to every run as a parameter."""
    from prefect.deployments.runner import EntrypointType

    from flows.run import refresh_source

    return [
        refresh_source.to_deployment(
            name=schedule.name,
            cron=schedule.cron,
            paused=not schedule.enabled,
            parameters={"source": schedule.source, "replay": str(replay) if replay else None},
            tags=["mlpath", schedule.source],
            description=f"Crawl, clean and store {schedule.source}, then retrain.",
            # Import by module: a worker finds the flow wherever mlpath is installed, no code storage.
            entrypoint_type=EntrypointType.MODULE_PATH,
            **({"work_pool_name": work_pool} if work_pool else {}),
        )
        for schedule in found
    ]


def register_in_pool(found: list[Schedule], pool: str, replay: Path | None = None) -> list[str]:
    """Register the deployments in a work pool of type process (created if missing) for workers
    (`prefect worker start --pool NAME`) to run; returns the deployment names."""
    ensure_process_pool(pool)
    for deployment in deployments(found, replay, work_pool=pool):
        deployment.apply()
    return [schedule.name for schedule in found]


def ensure_process_pool(pool: str) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists
    from prefect.workers.process import ProcessWorker

    template = ProcessWorker.get_default_base_job_template()
    with get_client(sync_client=True) as client:
        try:
            client.create_work_pool(WorkPoolCreate(name=pool, type="process", base_job_template=template))
        except ObjectAlreadyExists:
            pass


def _settings() -> RunSettings:
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    try:
        return RunSettings()
    except (SettingsError, ValidationError) as error:
        raise ScheduleError(f"configuration: {str(error).splitlines()[0]}") from None


def _check_cron(schedule: Schedule) -> None:
    from prefect.client.schemas.schedules import CronSchedule  # what the server will accept
    from pydantic import ValidationError

    try:
        CronSchedule(cron=schedule.cron)
    except ValidationError:
        raise ScheduleError(f"cron of {schedule.source}: {schedule.cron!r} is not a valid cron expression") from None
