"""Programs no source lists any more: marked inactive (never deleted) after a full, successful run.

Only a run that crawled every enabled source may say a program is gone, and only about the sources
whose crawl succeeded: a failed source, or a run limited with --source, marks nothing inactive. A
listing counts as gone when its source succeeded in this run and did not list it again.
"""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store.schema import CrawlRun, ProgramChange, SourceRecord
from pipeline.store.schema import Program as ProgramRow


def mark_unlisted(session: Session, run_id: str) -> int:
    """Mark inactive the active programs whose every listing is gone; return how many."""
    runs = {run.source: run for run in session.scalars(select(CrawlRun).where(CrawlRun.run_id == run_id))}
    succeeded = {source for source, run in runs.items() if run.status == "ok"}
    this_run = [run.id for run in runs.values()]
    still_listed = (
        select(SourceRecord.program_id)
        .where((SourceRecord.crawl_run_id.in_(this_run)) | (SourceRecord.source.not_in(succeeded)))
        .distinct()
    )
    gone = session.scalars(
        select(ProgramRow).where(ProgramRow.active.is_(True), ProgramRow.id.not_in(still_listed)).with_for_update()
    ).all()
    now = datetime.now(UTC).replace(tzinfo=None)
    any_run = next(iter(runs.values()), None)
    for program in gone:
        program.active = False
        if any_run is not None:
            session.add(ProgramChange(program_id=program.id, crawl_run_id=any_run.id, field="active",
                                      old_value="True", new_value="False", changed_at=now))
    session.flush()
    return len(gone)
