"""Alembic environment: migrates the database named by the settings (or by sqlalchemy.url)."""

from logging.config import fileConfig

from alembic import context
from pipeline.settings import Settings
from pipeline.store.db import make_engine
from pipeline.store.schema import Base
from pipeline.store.search import SEARCH_OBJECTS_PREFIXES

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name)

target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the full-text search objects (FTS5 tables, a GIN index) out of autogenerate: no model has them."""
    return not (reflected and compare_to is None and name and name.startswith(SEARCH_OBJECTS_PREFIXES))


def database_url() -> str:
    return config.get_main_option("sqlalchemy.url") or Settings().database


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True, include_object=include_object
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
