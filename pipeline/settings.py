"""Where mlpath keeps its state: MLPATH_HOME and MLPATH_DATABASE_URL (environment variables)."""

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MLPATH_")

    home: Path = Field(default_factory=lambda: user_data_path("mlpath"))
    database_url: str | None = None

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'mlpath.db'}"

    @property
    def staging_dir(self) -> Path:
        return self.home / "staging"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"
