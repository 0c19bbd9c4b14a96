"""Benchmarks: commands that print figures. Performance is measured here, never in timed tests."""
