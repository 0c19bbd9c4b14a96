"""What a service is found by: its search text. A pure function."""


def search_document(*parts: str) -> str:
    """One lower-case text from a service's descriptive parts, for matching words against."""
    return " ".join(p.strip() for p in parts if p and p.strip()).lower()
