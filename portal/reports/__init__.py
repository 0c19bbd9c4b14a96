"""Insight for commissioners (the back office's Reports): supply, demand and freshness, each a
set of tables computed by aggregate queries, shown as heat maps or charts beside their data and
downloadable as CSV."""
