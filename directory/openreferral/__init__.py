"""The directory as open data: an Open Referral UK (HSDS-UK 3.0) API and CSV downloads.

See docs/openreferral.md for the mapping from the directory to the standard."""
