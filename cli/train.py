"""`mlpath train`: retrain the ranker on the ground-truth judgements and everyone's feedback."""

import json

import typer

from cli.errors import RUN_FAILED
from pipeline.settings import Settings
from pipeline.store.db import make_engine


def train() -> None:
    """Retrain the ranker; prints the model's version and scores as JSON."""
    from models.catalog import EmptyCatalogError
    from models.judgements import JudgementsError
    from models.train import train as train_ranker

    settings = Settings()
    engine = make_engine(settings.database)
    try:
        metadata = train_ranker(engine, settings.models_dir)
    except (EmptyCatalogError, JudgementsError) as error:
        typer.echo(f"error: {' '.join(str(error).split())}", err=True)
        raise typer.Exit(RUN_FAILED) from None
    finally:
        engine.dispose()
    summary = {key: metadata[key] for key in ("version", "trained", "catalog", "scores")}
    typer.echo(json.dumps(summary, indent=2))
