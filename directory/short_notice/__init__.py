"""Places now: short-notice places and cancellations that providers post, the page families
find them on, and email alerts for new places and services that fit a directory search
(docs/places-now.md)."""
