"""Signals editions sends, for the apps above it (print prepares its files ahead)."""

from django.dispatch import Signal

# Sent with `editions` (the new Edition rows) when a publication, an approval or a backfill has
# recorded new editions. Inside the recording's transaction: receivers that start work elsewhere
# do it on commit.
made = Signal()
