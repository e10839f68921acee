"""Orchestrate: Prefect flows composing crawlers, pipeline and models."""

import os

# Prefect reads its settings at import, so the defaults go in before any flow module imports it.
# No network here: analytics would only log errors. The ephemeral server may start slowly on a
# busy two-core machine.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
