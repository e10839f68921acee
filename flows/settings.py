"""How runs are run: crawl timeout and retries, and the cron of each source's schedule.

Environment variables (prefix MLPATH_), read with pydantic-settings, e.g.
``MLPATH_CADENCE='{"coursera": "0 6 * * *"}'`` overrides the registry's cadence of one source.
"""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RunSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MLPATH_")

    crawl_timeout_seconds: int = Field(30 * 60, gt=0)
    crawl_retries: int = Field(2, ge=0)
    crawl_retry_backoff_seconds: float = Field(10, ge=0)  # delays: backoff, 2 x backoff, 4 x backoff...
    # How long the writer or trainer slot of a run that died (SIGKILL, power loss) stays held before
    # the Prefect server takes it back (60 s at least: the server's minimum); a live run renews its
    # lease well before then.
    slot_lease_seconds: float = Field(60, ge=60)
    cadence: dict[str, str] = {}  # source name -> cron, overriding the registry's cadence
