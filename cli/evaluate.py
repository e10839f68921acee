"""`mlpath eval`: the model and the baselines on held-out personas (NDCG@10, violation rate)."""

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.errors import RUN_FAILED, bad_input
from pipeline.settings import Settings
from pipeline.store.db import make_engine

OUTPUTS = ("table", "json")


def evaluate(
    output: Annotated[str, typer.Option(metavar="table|json", help="Output format.")] = "table",
    folds: Annotated[int, typer.Option(metavar="N", help="Folds of personas held out in turn.")] = 5,
) -> None:
    """NDCG@10 (mean and sd over folds of held-out personas) and violation rate, model vs baselines."""
    if output not in OUTPUTS:
        raise bad_input(f"--output must be one of {'|'.join(OUTPUTS)}, got {output}")
    if folds < 2:
        raise bad_input(f"--folds must be >= 2, got {folds}")
    from models.catalog import EmptyCatalogError
    from models.evaluate import evaluate as evaluate_ranker
    from models.judgements import JudgementsError
    from models.recommend import current_index
    from models.training_data import feedback_judgements, ground_truth

    settings = Settings()
    engine = make_engine(settings.database)
    try:
        index = current_index(engine, settings.models_dir)
        truth = ground_truth(engine)
        if not truth.personas:
            typer.echo("error: no ground truth to evaluate on: evaluation/personas.toml and judgements.csv", err=True)
            raise typer.Exit(RUN_FAILED)
        result = evaluate_ranker(index, truth.personas, truth.grades, feedback_judgements(engine), folds=folds)
    except (EmptyCatalogError, JudgementsError) as error:
        typer.echo(f"error: {' '.join(str(error).split())}", err=True)
        raise typer.Exit(RUN_FAILED) from None
    finally:
        engine.dispose()
    for reason in truth.skipped:
        typer.echo(f"skipped: {reason}", err=True)
    if output == "json":
        typer.echo(json.dumps(result, indent=2))
        return
    table = Table(title=f"NDCG@10 over {result['folds']} folds of {result['personas']} held-out personas")
    for column in ("method", "judged pool", "sd", "whole catalogue", "sd ", "violation rate"):
        table.add_column(column, justify="left" if column == "method" else "right")
    for name, metric in result["metrics"].items():
        wide = result["catalogue_wide"][name]
        table.add_row(name, *(_shown(value) for value in (metric["ndcg@10"], metric["ndcg@10_sd"], wide["ndcg@10"],
                                                         wide["ndcg@10_sd"], metric["violation_rate"])))  # fmt: skip
    Console().print(table)


def _shown(value) -> str:
    return "-" if value is None else f"{value:.3f}"
